/** Dutch number formats for pages, charts and maps alike, so a figure reads the same everywhere. */

const nf = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

/** A number in Dutch notation: "100.000", "4,17". */
export const formatNumber = (value: number): string => nf.format(value);

export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  if (unit === "percentage") return `${nf.format(value)}%`;
  if (unit === "euro") return `€ ${nf.format(value)}`;
  return nf.format(value);
}

/**
 * A signed difference between two values of a unit. Between two percentages the difference is in
 * procentpunten: 40% against 35% is "+5 procentpunt", where "+5%" would mean 36,75%.
 */
export function formatDifference(difference: number, unit: string): string {
  const sign = difference > 0 ? "+" : "";
  if (unit === "percentage") return `${sign}${nf.format(difference)} procentpunt`;
  return `${sign}${formatValue(difference, unit)}`;
}
