import type { ComponentChildren } from "preact";
import { formatNumber, nl } from "../../i18n/nl.js";
import { Badge } from "../../web/components/badge.js";
import { MapFigure } from "../../web/components/map.js";
import { type Column, DataTable } from "../../web/components/table.js";
import { projectShapes } from "./map.js";
import type { PopulationPoint } from "./population.js";
import type { AreaSummary } from "./service.js";

export const areaHref = (code: string) => `/gebieden/${encodeURIComponent(code)}`;

export const populationText = (point: PopulationPoint | undefined) =>
  point ? formatNumber(point.count) : "—";

export function AreaName({ area }: { area: Pick<AreaSummary, "code" | "name"> }) {
  return (
    <a class="nl-link" href={areaHref(area.code)}>
      {area.name}
    </a>
  );
}

function ParentName({ area }: { area: AreaSummary }) {
  return (
    <>
      {area.parent ? <AreaName area={area.parent} /> : "—"}
      {area.parentIsAssumption ? <Badge variant="assumption">{nl.areas.assumption}</Badge> : null}
    </>
  );
}

export type WijkSort = "code" | "naam" | "inwoners" | "gebied";

/** A column header that sorts the wijken by it; a second click reverses the order. */
function sortColumn(
  label: string,
  sort: WijkSort,
  current: { sort: WijkSort; descending: boolean } | undefined,
  numeric = false,
): Column {
  if (!current) return { label, numeric };
  const active = current.sort === sort;
  const nextDescending = active ? !current.descending : sort === "inwoners";
  const link: ComponentChildren = (
    <a
      class="nl-link"
      href={`/gebieden?sorteer=${sort}${nextDescending ? "&volgorde=aflopend" : ""}#wijken`}
    >
      {label}
    </a>
  );
  return {
    label: link,
    cardLabel: label,
    numeric,
    sort: active ? (current.descending ? "descending" : "ascending") : undefined,
  };
}

export function WijkTable(props: {
  wijken: AreaSummary[];
  caption: string;
  /** For screen readers only, when a heading right above names the table. */
  captionHidden?: boolean;
  sortable?: { sort: WijkSort; descending: boolean };
}) {
  const s = props.sortable;
  const year = props.wijken.find((w) => w.population)?.population?.year;
  const populationLabel = year ? nl.areas.populationYear(year) : nl.areas.population;
  return (
    <DataTable
      id="wijken"
      caption={props.caption}
      captionHidden={props.captionHidden}
      columns={[
        sortColumn(nl.areas.name, "naam", s),
        sortColumn(nl.areas.code, "code", s),
        sortColumn(nl.areas.levels.gebied, "gebied", s),
        sortColumn(populationLabel, "inwoners", s, true),
        nl.areas.namedInPolicy,
      ]}
      rowHeaders
      rows={props.wijken.map((w) => ({
        key: w.code,
        cells: [
          <AreaName area={w} />,
          w.code,
          <ParentName area={w} />,
          populationText(w.population),
          w.namedInPolicy ? `${nl.areas.yes} (${w.policyName})` : nl.areas.no,
        ],
      }))}
    />
  );
}

/** Areas with their population: the gebieden of the municipality, or the buurten of a wijk. */
export function AreaList(props: {
  items: AreaSummary[];
  caption: string;
  captionHidden?: boolean;
  /** The number of wijken per gebied, when the list is of gebieden. */
  wijkCount?: (code: string) => number;
}) {
  const count = props.wijkCount;
  return (
    <DataTable
      caption={props.caption}
      captionHidden={props.captionHidden}
      columns={[
        nl.areas.name,
        ...(count ? [{ label: nl.areas.levelsPlural.wijk, numeric: true }] : []),
        { label: nl.areas.population, numeric: true },
      ]}
      rowHeaders
      rows={props.items.map((a) => ({
        key: a.code,
        cells: [
          <AreaName area={a} />,
          ...(count ? [count(a.code)] : []),
          populationText(a.population),
        ],
      }))}
    />
  );
}

export function WijkMap(props: {
  title: string;
  features: { code: string; name: string; geometry: unknown; highlighted: boolean }[];
  /** What the map shows; the default points to the table of wijken beside it. */
  description?: string | undefined;
}) {
  const description = props.description ?? nl.areas.mapDescription;
  const map = projectShapes(props.features);
  if (!map) return <p class="nl-paragraph">{nl.areas.mapNoBoundaries}</p>;
  const highlighted = new Set(props.features.filter((f) => f.highlighted).map((f) => f.code));
  const all = highlighted.size === props.features.length;
  return (
    <MapFigure
      id="kaart"
      title={props.title}
      description={description}
      width={map.width}
      height={map.height}
      caption={<span class="nl-paragraph">{description}</span>}
    >
      {map.shapes.map((s) => (
        <path
          key={s.code}
          d={s.path}
          class={`sk-map__area${all ? "" : highlighted.has(s.code) ? " sk-map__area--current" : " sk-map__area--context"}`}
        >
          <title>{s.name}</title>
        </path>
      ))}
    </MapFigure>
  );
}
