import { DataTable } from "../../web/components/table.js";
import type { SearchRegistry } from "../../web/search.js";
import type { SectionRegistry } from "../../web/sections.js";
import { type AreaFigure, areaFigures, indicatorNames, searchIndicators } from "./area-figures.js";
import { formatValue } from "./format.js";
import { viewerFor } from "./measurement-reads.js";

const period = (f: AreaFigure) => (f.quarter > 0 ? `${f.year} K${f.quarter}` : `${f.year}`);

function wijkValue(f: AreaFigure) {
  if (f.suppressed) return "niet getoond (privacy)";
  return `${formatValue(f.value, f.indicator.unit)}${f.isPublic ? "" : " (niet openbaar)"}`;
}

function AreaFigures({
  figures,
  areaName,
  threshold,
}: {
  figures: AreaFigure[];
  areaName: string;
  threshold: number;
}) {
  return (
    <>
      <p class="nl-paragraph">
        Per indicator het laatst gemeten cijfer voor {areaName}, naast dat van de hele gemeente in
        dezelfde periode.
      </p>
      <DataTable
        caption={`Cijfers voor ${areaName}, laatst gemeten periode, met het cijfer van de gemeente`}
        captionHidden
        columns={[
          "Indicator",
          "Periode",
          { label: areaName, numeric: true },
          { label: "Gemeente", numeric: true },
        ]}
        rowHeaders
        rows={figures.map((f) => ({
          key: f.indicator.slug,
          cells: [
            <a class="nl-link" href={`/monitor/${encodeURIComponent(f.indicator.slug)}`}>
              {f.indicator.name}
            </a>,
            period(f),
            wijkValue(f),
            formatValue(f.municipalityValue, f.indicator.unit),
          ],
        }))}
      />
      {figures.some((f) => f.suppressed) ? (
        <p class="nl-paragraph">
          Aantallen onder de {threshold} worden per wijk niet getoond, zodat niemand herkenbaar is.
        </p>
      ) : null}
      {figures.some((f) => !f.isPublic && !f.suppressed) ? (
        <p class="nl-paragraph">
          Aantallen onder de {threshold} per wijk zijn niet openbaar: u ziet ze omdat u metingen
          beheert.
        </p>
      ) : null}
      <p class="nl-paragraph">
        <a class="nl-link" href="/monitor">
          Alle indicatoren in de monitor
        </a>
      </p>
    </>
  );
}

/** "Cijfers voor deze wijk" on the wijk page: every indicator with a figure for the wijk. */
export function registerMonitoringSections(sections: SectionRegistry): void {
  sections.register("wijk", {
    id: "cijfers",
    order: 10,
    heading: "Cijfers voor deze wijk",
    async load(ctx, wijk) {
      const threshold = ctx.tenant.privacyThreshold;
      const figures = await areaFigures(ctx.db, ctx.municipalityCode, wijk.code, {
        threshold,
        viewer: viewerFor(ctx.roles),
      });
      return figures.length > 0 ? { figures, threshold } : null;
    },
    render: ({ figures, threshold }, wijk) => (
      <AreaFigures figures={figures} areaName={wijk.name} threshold={threshold} />
    ),
  });
}

/** Indicators in the cross-module search: names, definitions and codes. */
export function registerMonitoringSearch(search: SearchRegistry): void {
  search.register({
    kind: "indicatoren",
    order: 20,
    label: "Indicatoren",
    async search(ctx, window) {
      const { hits, total } = await searchIndicators(ctx.db, ctx.municipalityCode, window);
      return {
        total,
        hits: hits.map((h) => ({
          id: h.slug,
          title: h.name,
          href: `/monitor/${encodeURIComponent(h.slug)}`,
          context: `code ${h.slug}`,
          snippet: h.headline,
        })),
      };
    },
    vocabulary: (ctx) => indicatorNames(ctx.db, ctx.municipalityCode),
  });
}
