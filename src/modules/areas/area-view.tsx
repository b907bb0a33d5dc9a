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
import { RegisteredSections, sectionAnchor } from "../../web/components/page-sections.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { type Crumb, Layout } from "../../web/layout.js";
import type { LoadedSection } from "../../web/sections.js";
import { AreaList, areaHref, WijkMap, WijkTable } from "./components.js";
import type { PopulationPoint } from "./population.js";
import type { AreaRef, AreaSummary } from "./service.js";

interface Projection {
  targetYear: number;
  growth: number;
  source: string;
  note: string | null;
}

export interface AreaDetailView {
  area: AreaSummary;
  ancestors: AreaRef[];
  children: AreaSummary[];
  populationByYear: PopulationPoint[];
  projections: Projection[];
  ancestorProjections?: { area: AreaRef; projections: Projection[] } | undefined;
  mapFeatures: { code: string; name: string; geometry: unknown; highlighted: boolean }[];
  gebiedOptions: AreaRef[];
}

/** In one sentence: where the area lies, how many live there, and what the projection says. */
function Summary({ detail }: { detail: AreaDetailView }) {
  const { area, projections, ancestorProjections } = detail;
  const next = projections[0];
  const inherited = next ? undefined : ancestorProjections;
  const inheritedNext = inherited?.projections[0];
  return (
    <p class="nl-paragraph nl-paragraph--lead">
      {area.parent ? (
        <>
          {nl.areas.liesIn(area.name, nl.areas.levels[area.parent.level].toLowerCase())}{" "}
          <a class="nl-link" href={areaHref(area.parent.code)}>
            {area.parent.name}
          </a>
          {area.parentIsAssumption ? (
            <>
              {" "}
              <Badge variant="assumption">{nl.areas.assumption}</Badge>
            </>
          ) : null}
          .{" "}
        </>
      ) : null}
      {area.population
        ? `${nl.areas.residentsOn(formatNumber(area.population.count), area.population.year)} `
        : null}
      {next ? `${nl.areas.projectionGrowth(formatNumber(next.growth), next.targetYear)}.` : null}
      {inherited && inheritedNext
        ? nl.areas.projectionOfAncestor(
            area.name,
            `${nl.areas.levels[inherited.area.level].toLowerCase()} ${inherited.area.name}`,
            formatNumber(inheritedNext.growth),
            inheritedNext.targetYear,
          )
        : null}
    </p>
  );
}

function ChangeGebiedForm(props: {
  ctx: PageContext;
  detail: AreaDetailView;
  errors: FieldError[];
  values?: { gebied?: string; toelichting?: string } | undefined;
}) {
  const { area } = props.detail;
  return (
    <section aria-labelledby="gebied-wijzigen">
      <h2 class="nl-heading nl-heading--level-2" id="gebied-wijzigen">
        {nl.areas.changeGebied}
      </h2>
      <form method="post" action={`${areaHref(area.code)}/gebied`} class="sk-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="gebied"
          label={nl.areas.gebiedField}
          help={nl.areas.changeGebiedHelp}
          value={props.values?.gebied ?? area.parent?.code}
          options={props.detail.gebiedOptions.map((g) => ({ value: g.code, label: g.name }))}
          error={fieldError(props.errors, "gebied")}
          required
        />
        <TextField
          name="toelichting"
          label={nl.areas.noteField}
          value={props.values?.toelichting ?? ""}
          error={fieldError(props.errors, "toelichting")}
        />
        <div>
          <SubmitButton>{nl.areas.save}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

const childHeading = (level: AreaSummary["level"]) =>
  level === "gemeente"
    ? nl.areas.levelsPlural.gebied
    : level === "gebied"
      ? nl.areas.levelsPlural.wijk
      : nl.areas.levelsPlural.buurt;

/**
 * The page of one area. For a wijk it is the resident's entry: where it lies, its population, then
 * the sections other modules registered (figures, policy, ...), which this module does not know.
 */
export function AreaPage(props: {
  ctx: PageContext;
  detail: AreaDetailView;
  /** The registered sections of a wijk page that have something to show, in order. */
  sections: LoadedSection[];
  canEdit: boolean;
  errors?: FieldError[];
  values?: { gebied?: string; toelichting?: string };
}) {
  const { area, ancestors, children, populationByYear, projections, ancestorProjections } =
    props.detail;
  const inherited = projections.length === 0 ? ancestorProjections : undefined;
  const shownProjections = inherited?.projections ?? projections;
  const projectionArea = inherited
    ? `${nl.areas.levels[inherited.area.level].toLowerCase()} ${inherited.area.name}`
    : undefined;
  const errors = props.errors ?? [];
  const crumbs: Crumb[] = [
    { href: "/gebieden", label: nl.areas.title },
    ...ancestors.map((a) => ({ href: areaHref(a.code), label: a.name })),
    { href: areaHref(area.code), label: area.name },
  ];
  const levelLabel = nl.areas.levels[area.level];
  const isWijk = area.level === "wijk";
  return (
    <Layout ctx={props.ctx} title={`${levelLabel} ${area.name}`} breadcrumbs={crumbs}>
      <h1 class="nl-heading nl-heading--level-1">
        {levelLabel} {area.name}
      </h1>
      <ErrorSummary errors={errors} />
      <Summary detail={props.detail} />
      {isWijk ? (
        <nav aria-labelledby="op-deze-pagina">
          <h2 class="nl-heading nl-heading--level-2" id="op-deze-pagina">
            {nl.areas.onThisPage}
          </h2>
          <ul class="utrecht-unordered-list">
            {props.sections.map((s) => (
              <li key={s.id} class="utrecht-unordered-list__item">
                <a class="nl-link" href={`#${sectionAnchor(s.id)}`}>
                  {s.heading}
                </a>
              </li>
            ))}
            <li class="utrecht-unordered-list__item">
              <a class="nl-link" href="#inwoners">
                {nl.areas.populationByYear}
              </a>
            </li>
            <li class="utrecht-unordered-list__item">
              <a class="nl-link" href="/monitor">
                {nl.areas.monitorLink}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
      <dl class="sk-definition-list">
        <dt>{nl.areas.code}</dt>
        <dd>{area.code}</dd>
        {area.parent && (area.parentNote || area.parentIsAssumption) ? (
          <>
            <dt>{nl.areas.parentNote}</dt>
            <dd>
              {area.parentNote ? <p class="nl-paragraph">{area.parentNote}</p> : null}
              {area.parentIsAssumption ? (
                <p class="nl-paragraph">{nl.areas.assumptionExplained}</p>
              ) : null}
            </dd>
          </>
        ) : null}
        {isWijk ? (
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
      {isWijk && props.sections.length === 0 ? (
        <p class="nl-paragraph">{nl.areas.noSections}</p>
      ) : null}
      <RegisteredSections sections={props.sections} />
      <div class="sk-grid">
        <div>
          <h2 class="nl-heading nl-heading--level-2" id="inwoners">
            {nl.areas.populationByYear}
          </h2>
          <DataTable
            caption={`${nl.areas.populationByYear}: ${area.name}`}
            captionHidden
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
          {shownProjections.length > 0 ? (
            <>
              <h2 class="nl-heading nl-heading--level-2">
                {nl.areas.projection}
                {projectionArea ? ` (${projectionArea})` : null}
              </h2>
              <ul class="utrecht-unordered-list">
                {shownProjections.map((p) => (
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
            isWijk
              ? nl.areas.mapDescriptionWijk(area.name)
              : area.level === "gebied" && children.length > 0
                ? nl.areas.mapDescriptionGebied(area.name)
                : nl.areas.mapDescriptionPlain
          }
        />
      </div>
      {!isWijk ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">
            {childHeading(area.level)} ({children.length})
          </h2>
          {children.length === 0 ? (
            <p class="nl-paragraph">{nl.areas.noChildren}</p>
          ) : area.level === "gebied" ? (
            <WijkTable
              wijken={children}
              caption={nl.areas.wijkTableCaption(area.name)}
              captionHidden
            />
          ) : (
            <AreaList
              items={children}
              caption={nl.areas.childListCaption(area.name)}
              captionHidden
            />
          )}
        </>
      ) : (
        <p class="nl-paragraph">{nl.areas.noBuurten}</p>
      )}
      {props.canEdit && isWijk ? (
        <ChangeGebiedForm
          ctx={props.ctx}
          detail={props.detail}
          errors={errors}
          values={props.values}
        />
      ) : null}
    </Layout>
  );
}
