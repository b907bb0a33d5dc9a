import { formatNumber, nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { Badge } from "../../web/components/badge.js";
import {
  CsrfField,
  ErrorSummary,
  fieldError,
  SelectField,
  SubmitButton,
  TextField,
} from "../../web/components/form.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { type Crumb, Layout } from "../../web/layout.js";
import { projectShapes } from "./map.js";
import type { PopulationPoint } from "./population.js";
import type { AreaRef, AreaSummary } from "./service.js";

const href = (code: string) => `/gebieden/${encodeURIComponent(code)}`;

function PopulationCell({ point }: { point: PopulationPoint | undefined }) {
  return <td class="utrecht-table__cell sk-numeric">{point ? formatNumber(point.count) : "—"}</td>;
}

function AreaName({ area }: { area: AreaSummary }) {
  return (
    <a class="nl-link" href={href(area.code)}>
      {area.name}
    </a>
  );
}

function ParentCell({ area }: { area: AreaSummary }) {
  return (
    <td class="utrecht-table__cell">
      {area.parent ? (
        <a class="nl-link" href={href(area.parent.code)}>
          {area.parent.name}
        </a>
      ) : (
        "—"
      )}
      {area.parentIsAssumption ? <Badge variant="assumption">{nl.areas.assumption}</Badge> : null}
    </td>
  );
}

export type WijkSort = "code" | "naam" | "inwoners" | "gebied";

function SortHeader(props: {
  label: string;
  sort: WijkSort;
  current: WijkSort;
  descending: boolean;
  numeric?: boolean;
}) {
  const active = props.current === props.sort;
  const nextDescending = active ? !props.descending : props.sort === "inwoners";
  return (
    <th
      class={`utrecht-table__header-cell${props.numeric ? " sk-numeric" : ""}`}
      scope="col"
      aria-sort={active ? (props.descending ? "descending" : "ascending") : undefined}
    >
      <a
        class="nl-link"
        href={`/gebieden?sorteer=${props.sort}${nextDescending ? "&volgorde=aflopend" : ""}#wijken`}
      >
        {props.label}
      </a>
    </th>
  );
}

function WijkTable(props: {
  wijken: AreaSummary[];
  caption: string;
  sortable?: { sort: WijkSort; descending: boolean };
}) {
  const s = props.sortable;
  const plain = (label: string, numeric = false) => (
    <th class={`utrecht-table__header-cell${numeric ? " sk-numeric" : ""}`} scope="col">
      {label}
    </th>
  );
  const year = props.wijken.find((w) => w.population)?.population?.year;
  const populationLabel = year ? nl.areas.populationYear(year) : nl.areas.population;
  return (
    <div class="sk-table-wrapper">
      <table class="utrecht-table" id="wijken">
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {s ? (
              <SortHeader
                label={nl.areas.name}
                sort="naam"
                current={s.sort}
                descending={s.descending}
              />
            ) : (
              plain(nl.areas.name)
            )}
            {s ? (
              <SortHeader
                label={nl.areas.code}
                sort="code"
                current={s.sort}
                descending={s.descending}
              />
            ) : (
              plain(nl.areas.code)
            )}
            {s ? (
              <SortHeader
                label={nl.areas.levels.gebied}
                sort="gebied"
                current={s.sort}
                descending={s.descending}
              />
            ) : (
              plain(nl.areas.levels.gebied)
            )}
            {s ? (
              <SortHeader
                label={populationLabel}
                sort="inwoners"
                current={s.sort}
                descending={s.descending}
                numeric
              />
            ) : (
              plain(populationLabel, true)
            )}
            {plain(nl.areas.namedInPolicy)}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.wijken.map((w) => (
            <tr key={w.code} class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <AreaName area={w} />
              </th>
              <td class="utrecht-table__cell">{w.code}</td>
              <ParentCell area={w} />
              <PopulationCell point={w.population} />
              <td class="utrecht-table__cell">
                {w.namedInPolicy ? `${nl.areas.yes} (${w.policyName})` : nl.areas.no}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
    <figure class="sk-figure">
      <svg
        class="sk-map"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby="kaart-titel kaart-omschrijving"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="kaart-titel">{props.title}</title>
        <desc id="kaart-omschrijving">{description}</desc>
        {map.shapes.map((s) => (
          <path
            key={s.code}
            d={s.path}
            class={`sk-map__area${all ? "" : highlighted.has(s.code) ? " sk-map__area--current" : " sk-map__area--context"}`}
          >
            <title>{s.name}</title>
          </path>
        ))}
      </svg>
      <figcaption class="nl-paragraph">{description}</figcaption>
    </figure>
  );
}

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
    <Layout
      ctx={props.ctx}
      title={nl.areas.title}
      breadcrumbs={[{ href: "/gebieden", label: nl.areas.title }]}
    >
      <h1 class="nl-heading nl-heading--level-1">{nl.areas.title}</h1>
      <p class="nl-paragraph">{nl.areas.intro}</p>
      {props.municipality ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={href(props.municipality.code)}>
            {nl.areas.levels.gemeente} {props.municipality.name}
          </a>
          {total
            ? `: ${formatNumber(total.count)} ${nl.areas.population.toLowerCase()} (${total.year})`
            : null}
        </p>
      ) : null}
      <div class="sk-grid">
        <div class="sk-table-wrapper">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{nl.areas.levelsPlural.gebied}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.areas.name}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.areas.levelsPlural.wijk}
                </th>
                <th class="utrecht-table__header-cell sk-numeric" scope="col">
                  {nl.areas.population}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.gebieden.map((g) => (
                <tr key={g.code} class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <AreaName area={g} />
                  </th>
                  <td class="utrecht-table__cell sk-numeric">
                    {props.wijken.filter((w) => w.parent?.code === g.code).length}
                  </td>
                  <PopulationCell point={g.population} />
                </tr>
              ))}
            </tbody>
          </table>
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
      <h2 class="nl-heading nl-heading--level-2">{nl.areas.levelsPlural.wijk}</h2>
      <WijkTable
        wijken={props.wijken}
        caption={`${nl.areas.levelsPlural.wijk} (${props.wijken.length})`}
        sortable={{ sort: props.sort, descending: props.descending }}
      />
    </Layout>
  );
}

export interface AreaDetailView {
  area: AreaSummary;
  ancestors: AreaRef[];
  children: AreaSummary[];
  populationByYear: PopulationPoint[];
  projections: { targetYear: number; growth: number; source: string; note: string | null }[];
  mapFeatures: { code: string; name: string; geometry: unknown; highlighted: boolean }[];
  gebiedOptions: AreaRef[];
}

export function AreaPage(props: {
  ctx: PageContext;
  detail: AreaDetailView;
  canEdit: boolean;
  errors?: FieldError[];
  values?: { gebied?: string; toelichting?: string };
}) {
  const { area, ancestors, children, populationByYear, projections } = props.detail;
  const errors = props.errors ?? [];
  const crumbs: Crumb[] = [
    { href: "/gebieden", label: nl.areas.title },
    ...ancestors.map((a) => ({ href: href(a.code), label: a.name })),
    { href: href(area.code), label: area.name },
  ];
  const levelLabel = nl.areas.levels[area.level];
  return (
    <Layout ctx={props.ctx} title={`${levelLabel} ${area.name}`} breadcrumbs={crumbs}>
      <h1 class="nl-heading nl-heading--level-1">
        {levelLabel} {area.name}
      </h1>
      <ErrorSummary errors={errors} />
      <dl class="sk-definition-list">
        <dt>{nl.areas.code}</dt>
        <dd>{area.code}</dd>
        {area.parent ? (
          <>
            <dt>{nl.areas.parent}</dt>
            <dd>
              <a class="nl-link" href={href(area.parent.code)}>
                {nl.areas.levels[area.parent.level]} {area.parent.name}
              </a>
              {area.parentIsAssumption ? (
                <Badge variant="assumption">{nl.areas.assumption}</Badge>
              ) : null}
              {area.parentNote ? <p class="nl-paragraph">{area.parentNote}</p> : null}
              {area.parentIsAssumption ? (
                <p class="nl-paragraph">{nl.areas.assumptionExplained}</p>
              ) : null}
            </dd>
          </>
        ) : null}
        {area.level === "wijk" ? (
          <>
            <dt>{nl.areas.namedInPolicy}</dt>
            <dd>
              {area.namedInPolicy ? `${nl.areas.yes}: ${area.policyName}` : nl.areas.no}
              <p class="nl-paragraph">{nl.areas.namedInPolicyHelp}</p>
            </dd>
          </>
        ) : null}
        <dt>{nl.areas.source}</dt>
        <dd>{area.source}</dd>
      </dl>
      <div class="sk-grid">
        <div>
          <h2 class="nl-heading nl-heading--level-2">{nl.areas.populationByYear}</h2>
          <DataTable
            caption={`${nl.areas.populationByYear}: ${area.name}`}
            columns={[
              nl.areas.year,
              { label: nl.areas.population, numeric: true },
              nl.areas.source,
            ]}
            rowHeaders
            rows={populationByYear.map((p) => ({
              key: p.year,
              cells: [
                p.year,
                formatNumber(p.count),
                p.derived ? `${nl.areas.sumOfChildren} (${p.source})` : p.source,
              ],
            }))}
          />
          {projections.length > 0 ? (
            <>
              <h2 class="nl-heading nl-heading--level-2">{nl.areas.projection}</h2>
              <ul class="utrecht-unordered-list">
                {projections.map((p) => (
                  <li key={p.targetYear} class="utrecht-unordered-list__item">
                    {nl.areas.projectionGrowth(formatNumber(p.growth), p.targetYear)}. {p.note}{" "}
                    {nl.areas.source}: {p.source}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <WijkMap
          title={nl.areas.map(area.name)}
          features={props.detail.mapFeatures}
          description={
            area.level === "wijk"
              ? nl.areas.mapDescriptionWijk(area.name)
              : area.level === "gebied" && children.length > 0
                ? nl.areas.mapDescriptionGebied(area.name)
                : nl.areas.mapDescriptionPlain
          }
        />
      </div>
      {area.level !== "wijk" ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">{childHeading(area.level)}</h2>
          {children.length === 0 ? (
            <p class="nl-paragraph">{nl.areas.noChildren}</p>
          ) : area.level === "gebied" ? (
            <WijkTable
              wijken={children}
              caption={`${childHeading(area.level)} ${nl.areas.levels.gebied.toLowerCase()} ${area.name}`}
            />
          ) : (
            <ChildList items={children} />
          )}
        </>
      ) : (
        <p class="nl-paragraph">{nl.areas.noBuurten}</p>
      )}
      {props.canEdit && area.level === "wijk" ? (
        <section aria-labelledby="gebied-wijzigen">
          <h2 class="nl-heading nl-heading--level-2" id="gebied-wijzigen">
            {nl.areas.changeGebied}
          </h2>
          <form method="post" action={`${href(area.code)}/gebied`} class="sk-form" novalidate>
            <CsrfField token={props.ctx.csrfToken} />
            <SelectField
              name="gebied"
              label={nl.areas.gebiedField}
              help={nl.areas.changeGebiedHelp}
              value={props.values?.gebied ?? area.parent?.code}
              options={props.detail.gebiedOptions.map((g) => ({ value: g.code, label: g.name }))}
              error={fieldError(errors, "gebied")}
              required
            />
            <TextField
              name="toelichting"
              label={nl.areas.noteField}
              value={props.values?.toelichting ?? ""}
              error={fieldError(errors, "toelichting")}
            />
            <div>
              <SubmitButton>{nl.areas.save}</SubmitButton>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

const childHeading = (level: AreaSummary["level"]) =>
  level === "gemeente"
    ? nl.areas.levelsPlural.gebied
    : level === "gebied"
      ? nl.areas.levelsPlural.wijk
      : nl.areas.levelsPlural.buurt;

function ChildList({ items }: { items: AreaSummary[] }) {
  return (
    <div class="sk-table-wrapper">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{nl.areas.levelsPlural.gebied}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {nl.areas.name}
            </th>
            <th class="utrecht-table__header-cell sk-numeric" scope="col">
              {nl.areas.population}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {items.map((c) => (
            <tr key={c.code} class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <AreaName area={c} />
              </th>
              <PopulationCell point={c.population} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
