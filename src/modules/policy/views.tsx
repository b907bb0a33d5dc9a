import { fromRoot } from "../../config/paths.js";
import type { TenantConfig } from "../../config/tenant.js";
import { countOf, formatDateTime } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { loadSourceCatalog, nameDocuments } from "../../platform/source-catalog.js";
import {
  CsrfField,
  ErrorSummary,
  fieldError,
  SelectField,
  SubmitButton,
  TextField,
} from "../../web/components/form.js";
import { Pagination } from "../../web/components/pagination.js";
import { SourceRef } from "../../web/components/source-ref.js";
import type { PageContext } from "../../web/context.js";
import { type Crumb, Layout } from "../../web/layout.js";
import {
  kindLabel,
  levelLabel,
  RollupView,
  SourceText,
  StatusBadge,
  StatusSummaryTable,
} from "./components.js";
import { DocumentEditForm, MoveButtons, SectionEditForm } from "./edit-views.js";
import type * as repo from "./repository.js";
import { ACTIVITY_STATUSES, DOCUMENT_KINDS, GOAL_LEVELS, SECTION_KINDS } from "./schema.js";
import type { ActivityView, DocumentTree, GoalNode, SectionNode } from "./service.js";
import { STATUS_INFO } from "./status.js";

const docHref = (d: { slug: string }) => `/beleid/${d.slug}`;
const period = (d: repo.DocumentRow) =>
  d.firstYear === d.lastYear ? `${d.firstYear}` : `${d.firstYear}-${d.lastYear}`;
const crumbs = (d?: repo.DocumentRow, extra: Crumb[] = []): Crumb[] => [
  { href: "/beleid", label: "Beleid" },
  ...(d ? [{ href: docHref(d), label: d.title }] : []),
  ...extra,
];

function SearchForm({ query }: { query?: string }) {
  return (
    <form method="get" action="/zoeken" class="sk-filter">
      <TextField name="q" label="Zoeken in alle beleidsteksten" type="search" value={query} />
      <div>
        <button type="submit" class="nl-button nl-button--secondary">
          Zoeken
        </button>
      </div>
    </form>
  );
}

export function DocumentsPage({
  ctx,
  documents,
  canEdit,
  errors,
  values,
}: {
  ctx: PageContext;
  documents: repo.DocumentRow[];
  canEdit?: boolean;
  errors?: FieldError[];
  values?: Record<string, string | undefined>;
}) {
  const errs = errors ?? [];
  const v = values ?? {};
  return (
    <Layout ctx={ctx} title="Beleid" breadcrumbs={crumbs()}>
      <h1 class="nl-heading nl-heading--level-1">Beleid</h1>
      <p class="nl-paragraph">
        Wat de gemeente wil bereiken, wat zij daarvoor doet en wat er in de jaarstukken over is
        verantwoord.
      </p>
      <p class="nl-paragraph">
        <a class="nl-link" href="/samenwerkingsverbanden">
          Samenwerkingsverbanden: wat doen we samen?
        </a>
      </p>
      <SearchForm />
      {documents.length === 0 ? (
        <p class="nl-paragraph">Er zijn nog geen beleidsdocumenten.</p>
      ) : (
        <div class="sk-table-wrapper">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">Beleidsdocumenten ({documents.length})</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Document
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Soort
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Periode
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Status
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Vindplaats
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {documents.map((d) => (
                <tr key={d.id} class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="nl-link" href={docHref(d)}>
                      {d.title}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{kindLabel(d.kind)}</td>
                  <td class="utrecht-table__cell">{period(d)}</td>
                  <td class="utrecht-table__cell">{kindLabel(d.state)}</td>
                  <td class="utrecht-table__cell">{d.officialReference ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <section aria-labelledby="nieuw-document">
          <h2 class="nl-heading nl-heading--level-2" id="nieuw-document">
            Nieuw beleidsdocument
          </h2>
          <ErrorSummary errors={errs} />
          <form method="post" action="/beleid" class="sk-form" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <SelectField
              name="soort"
              label="Soort"
              value={v.soort ?? "uitvoeringsprogramma"}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              error={fieldError(errs, "soort")}
              required
            />
            <TextField
              name="titel"
              label="Titel"
              value={v.titel}
              error={fieldError(errs, "titel")}
              required
            />
            <TextField
              name="eersteJaar"
              label="Eerste jaar"
              value={v.eersteJaar}
              error={fieldError(errs, "eersteJaar")}
              required
            />
            <TextField
              name="laatsteJaar"
              label="Laatste jaar"
              help="Leeg: gelijk aan het eerste jaar."
              value={v.laatsteJaar}
              error={fieldError(errs, "laatsteJaar")}
            />
            <TextField
              name="vindplaats"
              label="Vindplaats (optioneel)"
              help="Bijvoorbeeld Gemeenteblad 2025 nr. 565453."
              value={v.vindplaats}
            />
            <div>
              <SubmitButton>Document aanmaken</SubmitButton>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function GoalItem({ node, year, tenant }: { node: GoalNode; year: number; tenant: TenantConfig }) {
  const g = node.goal;
  return (
    <li>
      <span class="sk-goal-level">{levelLabel(g.level)}</span> {g.number ? `${g.number}. ` : ""}
      <a class="nl-link" href={`/doelen/${g.id}`}>
        {g.text}
      </a>
      {g.description ? (
        <details>
          <summary>Toelichting</summary>
          <SourceText text={g.description} />
        </details>
      ) : null}
      {node.rollup ? <RollupView rollup={node.rollup} year={year} /> : null}
      <span class="sk-source">
        {" ("}
        <SourceRef source={g.source} tenant={tenant} prefix="bron: " />)
      </span>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((c) => (
            <GoalItem key={c.goal.id} node={c} year={year} tenant={tenant} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ActivityList({ items }: { items: ActivityView[] }) {
  return (
    <ol class="utrecht-ordered-list">
      {items.map((a) => (
        <li key={a.activity.id} class="utrecht-ordered-list__item">
          <a class="nl-link" href={`/activiteiten/${a.activity.id}`}>
            {a.activity.text.split("\n")[0]}
          </a>{" "}
          {a.year ? <StatusBadge status={a.year.status} /> : null}
        </li>
      ))}
    </ol>
  );
}

function SectionBlock({
  node,
  tree,
  depth,
  tenant,
}: {
  node: SectionNode;
  tree: DocumentTree;
  depth: number;
  tenant: TenantConfig;
}) {
  const s = node.section;
  const Heading = depth === 0 ? "h2" : "h3";
  return (
    <details open={depth === 0} class="sk-section">
      <summary>
        <Heading class={`nl-heading nl-heading--level-${depth === 0 ? 2 : 3} sk-inline-heading`}>
          {kindLabel(s.kind)} {s.number ? `${s.number}. ` : ""}
          {s.title}
        </Heading>
      </summary>
      {s.body ? <SourceText text={s.body} /> : null}
      {s.kind === "programma" ? (
        <p class="nl-paragraph">
          <a
            class="nl-link"
            href={`${docHref(tree.document)}/onderdelen/${s.slug}?jaar=${tree.year}`}
          >
            Programmapagina: wat willen we bereiken, wat gaan we doen, wat doen we samen
          </a>
        </p>
      ) : null}
      {node.goals.length > 0 ? (
        <ul class="sk-goals">
          {node.goals.map((g) => (
            <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={tenant} />
          ))}
        </ul>
      ) : null}
      {node.indicators.length > 0 ? (
        <>
          <p class="nl-paragraph">
            <strong>Indicatoren</strong>
          </p>
          <ul>
            {node.indicators.map((i) => (
              <li key={i.id}>
                {i.text}
                {i.namedSource ? ` — bron: ${i.namedSource}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.activities.length > 0 ? (
        <>
          <p class="nl-paragraph">
            <strong>
              Wat gaan we daarvoor doen? (
              {countOf(node.activities.length, "activiteit", "activiteiten")})
            </strong>
          </p>
          <ActivityList items={node.activities} />
        </>
      ) : null}
      {node.partnerships.length > 0 ? (
        <>
          <p class="nl-paragraph">
            <strong>Samenwerkingsverbanden</strong>
          </p>
          <ul>
            {node.partnerships.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.members.length > 0
                  ? `: ${p.members.join(", ")}`
                  : p.membersNote
                    ? `: ${p.membersNote}`
                    : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.children.map((c) => (
        <SectionBlock key={c.section.id} node={c} tree={tree} depth={depth + 1} tenant={tenant} />
      ))}
    </details>
  );
}

export function DocumentPage({
  ctx,
  tree,
  annualReports,
  versions,
  canEdit,
  others,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  annualReports: repo.DocumentRow[];
  versions: { version: number; publishedAt: Date }[];
  canEdit: boolean;
  /** The municipality's other documents, for the succession links. */
  others: repo.DocumentRow[];
}) {
  const succeeds = others.find((o) => o.id === tree.document.succeedsId);
  const succeededBy = others.filter((o) => o.succeedsId === tree.document.id);
  const d = tree.document;
  const activityCount = tree.summary.reduce((s, r) => s + r.count, 0);
  return (
    <Layout ctx={ctx} title={d.title} breadcrumbs={crumbs(d)}>
      <h1 class="nl-heading nl-heading--level-1">{d.title}</h1>
      <dl class="sk-definition-list">
        <dt>Soort</dt>
        <dd>{kindLabel(d.kind)}</dd>
        <dt>Periode</dt>
        <dd>{period(d)}</dd>
        <dt>Status</dt>
        <dd>{kindLabel(d.state)}</dd>
        {d.officialReference ? (
          <>
            <dt>Vindplaats</dt>
            <dd>{d.officialReference}</dd>
          </>
        ) : null}
        {tree.accountsFor ? (
          <>
            <dt>Verantwoordt</dt>
            <dd>
              <a class="nl-link" href={docHref(tree.accountsFor)}>
                {tree.accountsFor.title}
              </a>
            </dd>
          </>
        ) : null}
        {annualReports.length > 0 ? (
          <>
            <dt>Verantwoord in</dt>
            <dd>
              {annualReports.map((r) => (
                <a key={r.id} class="nl-link" href={`${docHref(r)}/jaarverslag`}>
                  {r.title}
                </a>
              ))}
            </dd>
          </>
        ) : null}
        {succeeds ? (
          <>
            <dt>Vervangt</dt>
            <dd>
              <a class="nl-link" href={docHref(succeeds)}>
                {succeeds.title}
              </a>
            </dd>
          </>
        ) : null}
        {succeededBy.length > 0 ? (
          <>
            <dt>Vervangen door</dt>
            <dd>
              {succeededBy.map((o) => (
                <a key={o.id} class="nl-link" href={docHref(o)}>
                  {o.title}
                </a>
              ))}
            </dd>
          </>
        ) : null}
        <dt>Bron</dt>
        <dd>
          <SourceRef source={d.source} tenant={ctx.tenant} prefix="" />
        </dd>
      </dl>
      {versions.length > 0 ? (
        <p class="nl-paragraph">
          Gepubliceerde versies:{" "}
          {versions.map((v, i) => (
            <span key={v.version}>
              {i > 0 ? ", " : ""}
              <a class="nl-link" href={`${docHref(d)}/versies/${v.version}`}>
                versie {v.version} ({formatDateTime(v.publishedAt)})
              </a>
            </span>
          ))}
        </p>
      ) : null}
      {d.copiedFromId ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`${docHref(d)}/wijzigingen`}>
            Wat is er veranderd ten opzichte van het vorige jaar?
          </a>
        </p>
      ) : null}
      {canEdit ? (
        <div class="sk-actions">
          <form method="post" action={`${docHref(d)}/publiceren`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="nl-button nl-button--secondary">
              Publiceren (bevroren versie)
            </button>
          </form>
          {d.kind !== "jaarstukken" ? (
            <form method="post" action={`${docHref(d)}/kopie-volgend-jaar`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="nl-button nl-button--secondary">
                Kopiëren naar {d.lastYear + 1}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {d.kind === "beleidskader" ? (
        <p class="nl-paragraph">
          <a
            class="nl-link"
            href={`/evaluatie/${d.slug}/${Math.min(new Date().getFullYear(), d.lastYear)}`}
          >
            Evaluatie: doelen, indicatoren en activiteiten per pijler
          </a>
        </p>
      ) : null}
      {d.kind === "jaarstukken" ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`${docHref(d)}/jaarverslag`}>
            Jaarverslag: wat wilden we doen en wat hebben we gedaan
          </a>
        </p>
      ) : null}
      {d.intro ? <SourceText text={d.intro} /> : null}
      {tree.years.length > 1 ? (
        <form method="get" action={docHref(d)} class="sk-filter">
          <SelectField
            name="jaar"
            label="Jaar"
            value={String(tree.year)}
            options={tree.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <div>
            <button type="submit" class="nl-button nl-button--secondary">
              Toon jaar
            </button>
          </div>
        </form>
      ) : null}
      {activityCount > 0 ? (
        <StatusSummaryTable
          summary={tree.summary}
          caption={`Activiteiten per status in ${tree.year}`}
        />
      ) : null}
      <p class="nl-paragraph">
        <a class="nl-link" href={`/api/v1/beleidsdocumenten/${d.slug}`}>
          Download als JSON
        </a>{" "}
        ·{" "}
        <a class="nl-link" href={`/api/v1/beleidsdocumenten/${d.slug}/activiteiten.csv`}>
          Activiteiten als CSV
        </a>
      </p>
      <div class="sk-tree">
        {tree.looseGoals.length > 0 ? (
          <ul class="sk-goals">
            {tree.looseGoals.map((g) => (
              <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={ctx.tenant} />
            ))}
          </ul>
        ) : null}
        {tree.sections.map((s) => (
          <SectionBlock key={s.section.id} node={s} tree={tree} depth={0} tenant={ctx.tenant} />
        ))}
      </div>
      {canEdit ? <ManageForms ctx={ctx} tree={tree} others={others} /> : null}
    </Layout>
  );
}

/** A programme answers the budget's three questions. */
export function SectionPage({
  ctx,
  tree,
  node,
  parentGoals,
  canEdit,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  node: SectionNode;
  parentGoals: GoalNode[];
  canEdit?: boolean;
}) {
  const d = tree.document;
  const s = node.section;
  const goals = node.goals.length > 0 ? node.goals : parentGoals;
  const linkedGoalIds = new Set(node.activities.flatMap((a) => a.goalIds));
  const partnerships = collectPartnerships(tree.sections);
  return (
    <Layout
      ctx={ctx}
      title={`${kindLabel(s.kind)} ${s.title}`}
      breadcrumbs={crumbs(d, [{ href: `${docHref(d)}/onderdelen/${s.slug}`, label: s.title }])}
    >
      <h1 class="nl-heading nl-heading--level-1">
        {kindLabel(s.kind)} {s.title}
      </h1>
      <p class="nl-paragraph">
        {d.title} · {tree.year}
      </p>
      {s.body ? <SourceText text={s.body} /> : null}
      <h2 class="nl-heading nl-heading--level-2">Wat willen we bereiken?</h2>
      {goals.length === 0 ? (
        <p class="nl-paragraph">Het document noemt bij dit onderdeel geen doelen.</p>
      ) : (
        <ul class="sk-goals">
          {goals.map((g) => (
            <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={ctx.tenant} />
          ))}
        </ul>
      )}
      {node.goals.length === 0 && goals.length > 0 ? (
        <p class="nl-paragraph">
          Dit zijn de doelen van het thema waar dit programma onder valt
          {linkedGoalIds.size > 0
            ? "; de activiteiten van dit programma zijn aan de doelen met een voortgang gekoppeld."
            : "."}
        </p>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Wat gaan we daarvoor doen?</h2>
      {node.activities.length === 0 ? (
        <p class="nl-paragraph">Geen activiteiten.</p>
      ) : (
        <ActivityList items={node.activities} />
      )}
      <h2 class="nl-heading nl-heading--level-2">Wat doen we samen?</h2>
      {partnerships.length === 0 ? (
        <p class="nl-paragraph">Het document noemt geen samenwerkingsverbanden.</p>
      ) : (
        <ul>
          {partnerships.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.members.length > 0
                ? ` (${p.members.join(", ")})`
                : p.membersNote
                  ? ` (${p.membersNote})`
                  : ""}
              : {p.description}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <SectionEditForm ctx={ctx} document={d} section={s} /> : null}
    </Layout>
  );
}

function collectPartnerships(nodes: SectionNode[]): repo.PartnershipRow[] {
  const all = new Map<string, repo.PartnershipRow>();
  const walk = (ns: SectionNode[]) => {
    for (const n of ns) {
      for (const p of n.partnerships) all.set(p.id, p);
      walk(n.children);
    }
  };
  walk(nodes);
  return [...all.values()];
}

type ReportRow = {
  activity: repo.ActivityRow;
  year: repo.ActivityYearRow;
  section: repo.SectionRow;
};

export function AnnualReportPage(props: {
  ctx: PageContext;
  report: repo.DocumentRow;
  budget: repo.DocumentRow | undefined;
  goals: repo.GoalRow[];
  rows: ReportRow[];
  summary: { status: (typeof ACTIVITY_STATUSES)[number]; count: number }[];
}) {
  const r = props.report;
  return (
    <Layout
      ctx={props.ctx}
      title={`Jaarverslag ${r.firstYear}`}
      breadcrumbs={crumbs(r, [{ href: `${docHref(r)}/jaarverslag`, label: "Jaarverslag" }])}
    >
      <h1 class="nl-heading nl-heading--level-1">
        Jaarverslag {r.firstYear}: {r.title.split(": ")[1] ?? r.title}
      </h1>
      {props.budget ? (
        <p class="nl-paragraph">
          Verantwoording over{" "}
          <a class="nl-link" href={docHref(props.budget)}>
            {props.budget.title}
          </a>
          .
        </p>
      ) : null}
      {props.goals.length > 0 ? (
        <ul>
          {props.goals.map((g) => (
            <li key={g.id}>
              Doel {g.number}: {g.text}
            </li>
          ))}
        </ul>
      ) : null}
      <StatusSummaryTable
        summary={props.summary}
        caption={`Samenvatting: ${props.rows.length} activiteiten per status`}
      />
      <p class="nl-paragraph">
        Kleur van de status volgt de legenda van de jaarstukken: groen gerealiseerd, geel deels of
        in uitvoering, rood niet (op tijd) uitgevoerd, blauw extra; de tekst zegt het altijd ook.
      </p>
      {props.rows.map((row, i) => (
        <section key={row.activity.id} class="sk-report-row" aria-labelledby={`act-${i}`}>
          <div>
            <h2 class="nl-heading nl-heading--level-3" id={`act-${i}`}>
              {i + 1}. Wat wilden we daarvoor doen?
            </h2>
            <SourceText text={row.year.plannedText} />
            <p class="nl-paragraph sk-source">Programma {row.section.title}</p>
          </div>
          <div>
            <h3 class="nl-heading nl-heading--level-3">Wat hebben we daarvoor gedaan?</h3>
            <p class="nl-paragraph">
              <StatusBadge status={row.year.status} />
              {row.year.elsewhere ? ` Ondergebracht in: ${row.year.elsewhere}.` : ""}
            </p>
            <SourceText text={row.year.realisationText ?? ""} />
            <p class="nl-paragraph">
              <a class="nl-link" href={`/activiteiten/${row.activity.id}`}>
                Details en statusgeschiedenis
                <span class="sk-visually-hidden"> van activiteit {i + 1}</span>
              </a>
            </p>
          </div>
        </section>
      ))}
    </Layout>
  );
}

export function ActivityPage(props: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof import("./service.js").getActivity>>;
  canEdit: boolean;
  errors?: FieldError[];
  values?: {
    jaar?: string;
    status?: string;
    toelichting?: string;
    elders?: string;
    realisatie?: string | undefined;
  };
}) {
  const { activity, document, section, years, history } = props.data;
  // Histories written by the loader name the source file; the public sees the document instead.
  const sourceCatalog = loadSourceCatalog(fromRoot(props.ctx.tenant.dataSet));
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const latest = years.at(-1);
  return (
    <Layout
      ctx={props.ctx}
      title="Activiteit"
      breadcrumbs={crumbs(document, [
        { href: `/activiteiten/${activity.id}`, label: "Activiteit" },
      ])}
    >
      <h1 class="nl-heading nl-heading--level-1">
        Activiteit {activity.number ? `${activity.number} ` : ""}van {section.title}
      </h1>
      <ErrorSummary errors={errors} />
      <SourceText text={activity.text} />
      <p class="nl-paragraph sk-source">
        <SourceRef source={activity.source} tenant={props.ctx.tenant} />
      </p>
      {years.map((y) => (
        <section key={y.id} aria-labelledby={`jaar-${y.year}`}>
          <h2 class="nl-heading nl-heading--level-2" id={`jaar-${y.year}`}>
            {y.year}
          </h2>
          <p class="nl-paragraph">
            Status: <StatusBadge status={y.status} />
            {y.elsewhere ? ` Ondergebracht in: ${y.elsewhere}.` : ""}
          </p>
          {y.statusExplanation ? (
            <p class="nl-paragraph">Toelichting: {y.statusExplanation}</p>
          ) : null}
          {y.realisationText ? (
            <>
              <h3 class="nl-heading nl-heading--level-3">Wat hebben we daarvoor gedaan?</h3>
              <SourceText text={y.realisationText} />
            </>
          ) : null}
          <h3 class="nl-heading nl-heading--level-3">Statusgeschiedenis</h3>
          {history.filter((h) => h.activityYearId === y.id).length === 0 ? (
            <p class="nl-paragraph">Nog geen statuswijzigingen.</p>
          ) : (
            <div class="sk-table-wrapper">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">Statusgeschiedenis {y.year}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Wanneer
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Wie
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Van
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Naar
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Waarom
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {history
                    .filter((h) => h.activityYearId === y.id)
                    .map((h) => (
                      <tr key={h.id} class="utrecht-table__row">
                        <td class="utrecht-table__cell">{formatDateTime(h.changedAt)}</td>
                        <td class="utrecht-table__cell">{h.actorName}</td>
                        <td class="utrecht-table__cell">
                          {h.fromStatus ? <StatusBadge status={h.fromStatus} /> : "—"}
                        </td>
                        <td class="utrecht-table__cell">
                          <StatusBadge status={h.toStatus} />
                        </td>
                        <td class="utrecht-table__cell">
                          {h.explanation ? nameDocuments(h.explanation, sourceCatalog) : "—"}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {props.canEdit ? (
        <section aria-labelledby="activiteit-bewerken">
          <h2 class="nl-heading nl-heading--level-2" id="activiteit-bewerken">
            Activiteit bewerken
          </h2>
          <form
            method="post"
            action={`/activiteiten/${activity.id}/bewerken`}
            class="sk-form"
            novalidate
          >
            <CsrfField token={props.ctx.csrfToken} />
            <TextField
              name="tekst"
              label="Tekst"
              value={activity.text}
              error={fieldError(errors, "tekst")}
              required
            />
            <TextField
              name="gewicht"
              label="Gewicht in de voortgang van de doelen"
              help="Standaard 1; 0 telt niet mee."
              value={String(activity.weight)}
              error={fieldError(errors, "gewicht")}
            />
            <fieldset class="utrecht-form-fieldset sk-goal-choice">
              <legend class="utrecht-form-fieldset__legend">
                Doelen die deze activiteit dient
              </legend>
              <input type="hidden" name="doelenVeld" value="1" />
              {props.data.goals.length === 0 ? (
                <p class="nl-paragraph">Dit document heeft geen doelen.</p>
              ) : null}
              {props.data.goals.map((g) => (
                <div key={g.id} class="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    type="checkbox"
                    id={`doel-${g.id}`}
                    name="doelen"
                    value={g.id}
                    checked={props.data.goalIds.includes(g.id)}
                  />
                  <label
                    class="utrecht-form-label utrecht-form-label--checkbox"
                    for={`doel-${g.id}`}
                  >
                    {levelLabel(g.level)} {g.number ? `${g.number}. ` : ""}
                    {g.text.length > 120 ? `${g.text.slice(0, 120)}…` : g.text}
                  </label>
                </div>
              ))}
            </fieldset>
            <SelectField
              name="nvt"
              label="Telt mee in de voortgang"
              value={activity.notApplicable ? "ja" : "nee"}
              options={[
                { value: "nee", label: "Ja, telt mee" },
                { value: "ja", label: "Nee, niet van toepassing" },
              ]}
            />
            <SelectField
              name="archiveren"
              label="Archiveren"
              value={activity.archived ? "ja" : "nee"}
              options={[
                { value: "nee", label: "Niet archiveren" },
                {
                  value: "ja",
                  label: "Archiveren (verdwijnt uit overzichten, blijft in de audittrail)",
                },
              ]}
            />
            <div>
              <SubmitButton>Activiteit opslaan</SubmitButton>
            </div>
          </form>
          <MoveButtons ctx={props.ctx} action={`/activiteiten/${activity.id}/verplaatsen`} />
          <form method="post" action={`/activiteiten/${activity.id}/doorschuiven`} class="sk-form">
            <CsrfField token={props.ctx.csrfToken} />
            <p class="nl-paragraph">
              Doorschuiven kopieert het plan naar {latest ? latest.year + 1 : "het volgende jaar"}{" "}
              met status gepland en een verwijzing naar {latest?.year}.
            </p>
            <div>
              <button type="submit" class="nl-button nl-button--secondary">
                Doorschuiven naar {latest ? latest.year + 1 : "volgend jaar"}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {props.canEdit && latest ? (
        <section aria-labelledby="status-wijzigen">
          <h2 class="nl-heading nl-heading--level-2" id="status-wijzigen">
            Status wijzigen
          </h2>
          <form
            method="post"
            action={`/activiteiten/${activity.id}/status`}
            class="sk-form"
            novalidate
          >
            <CsrfField token={props.ctx.csrfToken} />
            <SelectField
              name="jaar"
              label="Jaar"
              value={v.jaar ?? String(latest.year)}
              options={years.map((y) => ({ value: String(y.year), label: String(y.year) }))}
              required
            />
            <SelectField
              name="status"
              label="Nieuwe status"
              value={v.status ?? latest.status}
              options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }))}
              error={fieldError(errors, "status")}
              required
            />
            <TextField
              name="toelichting"
              label="Toelichting"
              help="Verplicht bij vertraagd, uitgesteld en niet uitgevoerd."
              value={v.toelichting}
              error={fieldError(errors, "toelichting")}
            />
            <TextField
              name="realisatie"
              label="Wat hebben we daarvoor gedaan? (realisatie)"
              help="Leeg laten om de bestaande tekst te houden."
              value={v.realisatie}
              error={fieldError(errors, "realisatie")}
            />
            <TextField
              name="elders"
              label="Ondergebracht in (bij ondergebracht elders)"
              value={v.elders}
              error={fieldError(errors, "elders")}
            />
            <div>
              <SubmitButton>Status opslaan</SubmitButton>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\uE000[^\uE001]*\uE001)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith("\uE000") ? (
          <mark key={i} class="sk-hit">
            {p.slice(1, -1)}
          </mark>
        ) : (
          p
        ),
      )}
    </>
  );
}

const ITEM_LABEL: Record<string, string> = {
  document: "Document",
  section: "Onderdeel",
  goal: "Doel",
  indicator: "Indicator",
  activity: "Activiteit",
  realisation: "Realisatie",
};

export function SearchPage(props: {
  ctx: PageContext;
  result: Awaited<ReturnType<typeof import("./service.js").searchPolicy>>;
  errors: FieldError[];
}) {
  const r = props.result;
  const hrefFor = (h: (typeof r.hits)[number]) =>
    h.itemType === "activity"
      ? `/activiteiten/${h.itemId}`
      : h.document
        ? docHref(h.document)
        : "/beleid";
  return (
    <Layout
      ctx={props.ctx}
      title={r.query ? `Zoeken: ${r.query}` : "Zoeken"}
      breadcrumbs={crumbs(undefined, [{ href: "/zoeken", label: "Zoeken" }])}
    >
      <h1 class="nl-heading nl-heading--level-1">Zoeken in beleid</h1>
      <ErrorSummary errors={props.errors} />
      <SearchForm query={r.query} />
      {r.query ? (
        <p class="nl-paragraph" role="status">
          {r.total === 0
            ? `Geen resultaten voor "${r.query}".`
            : `${countOf(r.total, "resultaat", "resultaten")} voor "${r.query}".`}
        </p>
      ) : null}
      <ol class="utrecht-ordered-list">
        {r.hits.map((h) => (
          <li key={`${h.itemType}-${h.itemId}`} class="utrecht-ordered-list__item">
            <p class="nl-paragraph">
              <a class="nl-link" href={hrefFor(h)}>
                {ITEM_LABEL[h.itemType] ?? h.itemType}:{" "}
                {h.title.length > 100 ? `${h.title.slice(0, 100)}…` : h.title}
              </a>{" "}
              <span class="sk-source">({h.document?.title})</span>
            </p>
            <p class="nl-paragraph">
              <Highlighted text={h.headline} />
            </p>
          </li>
        ))}
      </ol>
      <Pagination
        page={r.page}
        pages={r.pages}
        hrefFor={(p) => `/zoeken?q=${encodeURIComponent(r.query)}&pagina=${p}`}
      />
    </Layout>
  );
}

function flatSections(nodes: SectionNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((n) => [
    {
      id: n.section.slug,
      label: `${"— ".repeat(depth)}${kindLabel(n.section.kind)} ${n.section.title}`,
    },
    ...flatSections(n.children, depth + 1),
  ]);
}

/** Staff forms to add sections, goals and activities to a document. */
function ManageForms({
  ctx,
  tree,
  others,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  others: repo.DocumentRow[];
}) {
  const base = docHref(tree.document);
  const sections = flatSections(tree.sections);
  const sectionOptions = [{ id: "", label: "Geen (direct onder het document)" }, ...sections].map(
    (s) => ({ value: s.id, label: s.label }),
  );
  return (
    <section aria-labelledby="beheer" class="sk-manage">
      <h2 class="nl-heading nl-heading--level-2" id="beheer">
        Beheer
      </h2>
      <DocumentEditForm ctx={ctx} document={tree.document} others={others} />
      <form method="post" action={`${base}/onderdelen`} class="sk-form">
        <CsrfField token={ctx.csrfToken} />
        <h3 class="nl-heading nl-heading--level-3">Onderdeel toevoegen</h3>
        <SelectField
          name="soort"
          label="Soort onderdeel"
          value="programma"
          options={SECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          required
        />
        <TextField name="titel" label="Titel van het onderdeel" required />
        <SelectField name="ouder" label="Valt onder" value="" options={sectionOptions} />
        <div>
          <SubmitButton>Onderdeel toevoegen</SubmitButton>
        </div>
      </form>
      <form method="post" action={`${base}/doelen`} class="sk-form">
        <CsrfField token={ctx.csrfToken} />
        <h3 class="nl-heading nl-heading--level-3">Doel toevoegen</h3>
        <SelectField
          name="niveau"
          label="Niveau"
          value="beleidsdoelstelling"
          options={GOAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))}
          required
        />
        <TextField name="tekst" label="Tekst van het doel" required />
        <SelectField
          name="onderdeel"
          label="Onderdeel van het doel"
          value=""
          options={sectionOptions}
        />
        <div>
          <SubmitButton>Doel toevoegen</SubmitButton>
        </div>
      </form>
      {sections.length > 0 ? (
        <form method="post" action={`${base}/activiteiten`} class="sk-form">
          <CsrfField token={ctx.csrfToken} />
          <h3 class="nl-heading nl-heading--level-3">Activiteit toevoegen</h3>
          <SelectField
            name="onderdeel"
            label="Onderdeel van de activiteit"
            value={sections[0]?.id}
            options={sections.map((s) => ({ value: s.id, label: s.label }))}
            required
          />
          <TextField name="tekst" label="Wat gaan we daarvoor doen?" required />
          <div>
            <SubmitButton>Activiteit toevoegen</SubmitButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}
