export interface PopulationPoint {
  year: number;
  count: number;
  source: string;
  /** True when summed from the areas below, because no source gives the figure itself. */
  derived: boolean;
}

interface Row {
  areaCode: string;
  year: number;
  population: number;
  source: string;
}

/**
 * The population series of an area: its own figures where a source gives them, otherwise the sum of
 * its children for the years in which every child has a figure (a partial sum would understate it).
 */
export function populationSeries(
  areaCode: string,
  childCodes: readonly string[],
  rows: readonly Row[],
): PopulationPoint[] {
  const own = rows.filter((r) => r.areaCode === areaCode);
  const byYear = new Map<number, PopulationPoint>();
  for (const r of own)
    byYear.set(r.year, { year: r.year, count: r.population, source: r.source, derived: false });
  if (childCodes.length > 0) {
    const years = new Set(rows.filter((r) => childCodes.includes(r.areaCode)).map((r) => r.year));
    for (const year of years) {
      if (byYear.has(year)) continue;
      const childRows = childCodes.map((c) =>
        rows.find((r) => r.areaCode === c && r.year === year),
      );
      if (childRows.some((r) => r === undefined)) continue;
      const present = childRows as Row[];
      byYear.set(year, {
        year,
        count: present.reduce((sum, r) => sum + r.population, 0),
        source: present[0]?.source ?? "",
        derived: true,
      });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export const latest = (series: readonly PopulationPoint[]): PopulationPoint | undefined =>
  series.at(-1);
