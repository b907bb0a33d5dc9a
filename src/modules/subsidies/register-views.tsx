import type { FieldError } from "../../platform/errors.js";
import {
  ErrorSummary,
  emptyFirstSelect,
  type FieldSpec,
  FilterForm,
} from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { DataTable, EMPTY } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { organisationField, PLACEMENT_LABELS, workAreaField } from "../organisations/index.js";
import {
  euro,
  GoalList,
  HistoryTable,
  IndicatorTable,
  RequirementTable,
  SubsidyFacts,
  subsidyTitle,
} from "./components.js";
import type { FormChoices, SubsidyDetail } from "./reads.js";
import type { ListedSubsidy } from "./repository.js";
import { FORM_LABELS } from "./rules.js";

export interface RegisterFilterValues {
  jaar?: string | undefined;
  werkgebied?: string | undefined;
  organisatie?: string | undefined;
}

/** The filter fields of the register (and, with status and sorting, of the staff list). */
export function registerFilterFields(
  f: RegisterFilterValues,
  years: readonly number[],
  choices: Pick<FormChoices, "organisations" | "workAreas">,
): FieldSpec[] {
  return [
    emptyFirstSelect({
      name: "jaar",
      label: "Jaar",
      value: f.jaar ?? "",
      empty: "Alle jaren",
      choices: years.map((y) => ({ value: String(y), label: String(y) })),
    }),
    workAreaField(f.werkgebied, "Alle werkgebieden", choices.workAreas),
    organisationField(f.organisatie, "Alle organisaties", choices.organisations),
  ];
}

/** A query string with the filter's values and the page. */
export const queryOf = (values: Record<string, string | undefined>, page?: number) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  if (page !== undefined) params.set("pagina", String(page));
  const q = params.toString();
  return q ? `?${q}` : "";
};

export function RegisterPage(props: {
  ctx: PageContext;
  rows: ListedSubsidy[];
  paging: Paging;
  years: number[];
  choices: Pick<FormChoices, "organisations" | "workAreas">;
  filter: RegisterFilterValues;
  errors: FieldError[];
}) {
  const f = props.filter;
  const filterValues = { jaar: f.jaar, werkgebied: f.werkgebied, organisatie: f.organisatie };
  return (
    <Layout
      ctx={props.ctx}
      title="Subsidieregister"
      path="/subsidies"
      heading
      intro="Welke organisaties krijgen subsidie van de gemeente, waarvoor en hoeveel: de verleende en vastgestelde subsidies in het sociaal domein."
    >
      <ErrorSummary errors={props.errors} />
      <FilterForm
        action="/subsidies"
        submit="Filteren"
        errors={props.errors}
        fields={registerFilterFields(f, props.years, props.choices)}
      />
      <p class="nl-paragraph">
        <a class="nl-link" href={`/subsidies/register.csv${queryOf(filterValues)}`}>
          Download deze selectie als CSV
        </a>{" "}
        ·{" "}
        <a class="nl-link" href="/begroting-welzijn">
          Begroting welzijn
        </a>
      </p>
      {props.rows.length === 0 ? (
        <p class="nl-paragraph">
          Er zijn geen verleende of vastgestelde subsidies die hieraan voldoen.
        </p>
      ) : (
        <DataTable
          caption={`Subsidies (${props.paging.total})`}
          layout="reflow"
          rowHeaders
          columns={[
            "Organisatie",
            "Jaar",
            "Vorm",
            "Werkgebied",
            "Plaats",
            { label: "Verleend", numeric: true },
            { label: "Vastgesteld", numeric: true },
            "Opdracht",
          ]}
          rows={props.rows.map((r) => ({
            key: r.subsidy.id,
            cells: [
              <a key="o" class="nl-link" href={`/organisaties/${r.organisationSlug}`}>
                {r.organisationName}
              </a>,
              String(r.subsidy.year),
              FORM_LABELS[r.subsidy.form],
              r.workAreaName ?? EMPTY,
              r.subsidy.placement ? PLACEMENT_LABELS[r.subsidy.placement] : EMPTY,
              euro(r.subsidy.amountCents),
              euro(r.subsidy.establishedCents),
              <>
                {r.subsidy.assignment || EMPTY}{" "}
                <a class="nl-link" href={`/subsidies/${r.subsidy.id}`}>
                  Meer<span class="sk-visually-hidden"> over {subsidyTitle(r)}</span>
                </a>
              </>,
            ],
          }))}
        />
      )}
      <Pagination
        page={props.paging.page}
        pages={props.paging.pages}
        hrefFor={(p) => `/subsidies${queryOf(filterValues, p)}`}
      />
    </Layout>
  );
}

/** One decision: public fields for visitors; staff also see the internal note and history. */
export function SubsidyPage(props: { ctx: PageContext; detail: SubsidyDetail; staff: boolean }) {
  const d = props.detail;
  return (
    <Layout
      ctx={props.ctx}
      title={subsidyTitle(d)}
      breadcrumbs={[
        { href: "/subsidies", label: "Subsidieregister" },
        { href: `/subsidies/${d.subsidy.id}`, label: subsidyTitle(d) },
      ]}
      heading
    >
      {props.staff ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`/beheer/subsidies/${d.subsidy.id}`}>
            Deze subsidie bewerken
          </a>
        </p>
      ) : null}
      <SubsidyFacts s={d} internal={props.staff} />
      <h2 class="nl-heading nl-heading--level-2">Doelen en resultaten</h2>
      <GoalList goals={d.goals} />
      <h2 class="nl-heading nl-heading--level-2">Afgesproken indicatoren</h2>
      <IndicatorTable indicators={d.indicators} />
      <h2 class="nl-heading nl-heading--level-2">Verantwoording</h2>
      <RequirementTable requirements={d.requirements} />
      {props.staff ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">Geschiedenis</h2>
          <HistoryTable history={d.history} />
        </>
      ) : null}
    </Layout>
  );
}
