import { formatNumber, nl } from "../../i18n/nl.js";
import { Badge } from "../../web/components/badge.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { AreaList, areaHref, WijkMap, type WijkSort, WijkTable } from "./components.js";
import type { AreaSummary } from "./service.js";

export { type AreaDetailView, AreaPage } from "./area-view.js";
export type { WijkSort } from "./components.js";

const SORT_LABEL: Record<WijkSort, string> = {
  code: nl.areas.code,
  naam: nl.areas.name,
  inwoners: nl.areas.population,
  gebied: nl.areas.levels.gebied,
};

/** The overview: the municipality, its gebieden beside the map, and every wijk in a sortable table. */
export function AreasPage(props: {
  ctx: PageContext;
  municipality: AreaSummary | undefined;
  gebieden: AreaSummary[];
  wijken: AreaSummary[];
  sort: WijkSort;
  descending: boolean;
  mapFeatures: { code: string; name: string; geometry: unknown; highlighted: boolean }[];
}) {
  const total = props.municipality?.population;
  return (
    <Layout ctx={props.ctx} title={nl.areas.title} path="/gebieden" heading intro={nl.areas.intro}>
      {props.municipality ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={areaHref(props.municipality.code)}>
            {nl.areas.levels.gemeente} {props.municipality.name}
          </a>
          {total
            ? `: ${formatNumber(total.count)} ${nl.areas.population.toLowerCase()} (${total.year})`
            : null}
        </p>
      ) : null}
      <div class="sk-grid">
        <div>
          <AreaList
            items={props.gebieden}
            caption={nl.areas.levelsPlural.gebied}
            wijkCount={(code) => props.wijken.filter((w) => w.parent?.code === code).length}
          />
          <p class="nl-paragraph">
            {nl.areas.population}: {nl.areas.sumOfChildren}.{" "}
            <Badge variant="assumption">{nl.areas.assumption}</Badge> {nl.areas.assumptionExplained}
          </p>
        </div>
        <WijkMap
          title={nl.areas.map(props.municipality?.name ?? "")}
          features={props.mapFeatures}
        />
      </div>
      <h2 class="nl-heading nl-heading--level-2">
        {nl.areas.levelsPlural.wijk} ({props.wijken.length})
      </h2>
      <p class="nl-paragraph">{nl.areas.sortedBy(SORT_LABEL[props.sort], props.descending)}</p>
      <WijkTable
        wijken={props.wijken}
        caption={nl.areas.wijkTableCaption(props.municipality?.name ?? "")}
        captionHidden
        sortable={{ sort: props.sort, descending: props.descending }}
      />
    </Layout>
  );
}
