import type { FieldError } from "../../platform/errors.js";
import { formatAmountInput } from "../../platform/money.js";
import { ChartFigure } from "../../web/components/chart.js";
import { ErrorSummary, FilterForm, FormSection } from "../../web/components/form.js";
import { DataTable, EMPTY } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { CostSeries } from "../monitoring/index.js";
import { formatShare } from "./budget.js";
import type { BudgetYear } from "./budget-service.js";
import { budgetChartHeight } from "./charts.js";
import { euro } from "./components.js";
import { FORM_LABELS, STATE_LABELS, VOLUNTEER_RULE } from "./rules.js";

export const BUDGET_PATH = "/begroting-welzijn";
export const BUDGET_MANAGE_PATH = "/beheer/begroting-welzijn";

const yearFilter = (action: string, year: number, years: readonly number[]) => (
  <FilterForm
    action={action}
    submit="Toon jaar"
    fields={[
      {
        kind: "select",
        name: "jaar",
        label: "Jaar",
        value: String(year),
        options: years.map((y) => ({ value: String(y), label: String(y) })),
      },
    ]}
  />
);

/** The welfare budget of a year: planned against granted and established, shares, costs beside it. */
export function BudgetPage(props: {
  ctx: PageContext;
  budget: BudgetYear;
  years: number[];
  costs: CostSeries[];
  canEdit: boolean;
  errors: FieldError[];
}) {
  const { overview: o, year } = props.budget;
  const t = o.totals;
  const hasFigures = t.plannedCents > 0 || o.decisions.length > 0;
  return (
    <Layout
      ctx={props.ctx}
      title={`Begroting welzijn ${year}`}
      path={BUDGET_PATH}
      heading
      intro="Wat de gemeente per werkgebied van plan was uit te geven aan welzijn, wat zij aan subsidies heeft verleend en wat daarvan is vastgesteld. Alle bedragen komen uit ingevoerde begrotingsposten en subsidiebeschikkingen."
    >
      <ErrorSummary errors={props.errors} />
      {yearFilter(BUDGET_PATH, year, props.years)}
      {props.canEdit ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`${BUDGET_MANAGE_PATH}?jaar=${year}`}>
            Geplande bedragen {year} invullen
          </a>
        </p>
      ) : null}
      {!hasFigures ? (
        <p class="nl-paragraph">
          Voor {year} zijn nog geen geplande bedragen of verleende subsidies ingevoerd.
        </p>
      ) : (
        <>
          <h2 class="nl-heading nl-heading--level-2">Per werkgebied</h2>
          <ChartFigure
            src={`${BUDGET_PATH}/grafiek.svg?jaar=${year}`}
            narrowSrc={`${BUDGET_PATH}/grafiek.svg?jaar=${year}&formaat=smal`}
            alt={`Staafdiagram van de begroting welzijn ${year}: per werkgebied het geplande, verleende en vastgestelde bedrag. De bedragen staan in de tabel hieronder.`}
            width={640}
            height={budgetChartHeight(o.lines.length, "breed")}
            narrow={{ width: 320, height: budgetChartHeight(o.lines.length, "smal") }}
            caption="Gepland (grijs), verleend (blauw) en vastgesteld (oranje) per werkgebied, in euro."
          >
            <DataTable
              caption={`Begroting welzijn ${year} per werkgebied`}
              rowHeaders
              columns={[
                "Werkgebied",
                { label: "Gepland", numeric: true },
                { label: "Verleend", numeric: true },
                { label: "Aandeel verleend", numeric: true },
                { label: "Vastgesteld", numeric: true },
              ]}
              rows={[
                ...o.lines.map((l) => ({
                  key: l.workAreaId ?? "geen",
                  cells: [
                    l.name,
                    l.plannedCents === null ? "Niet ingevuld" : euro(l.plannedCents),
                    euro(l.grantedCents),
                    formatShare(l.grantedCents, t.grantedCents),
                    euro(l.establishedCents),
                  ],
                })),
                {
                  key: "totaal",
                  cells: [
                    "Totaal",
                    euro(t.plannedCents),
                    euro(t.grantedCents),
                    formatShare(t.grantedCents, t.grantedCents),
                    euro(t.establishedCents),
                  ],
                },
              ]}
            />
          </ChartFigure>
          <p class="nl-paragraph">
            Verleend telt de subsidies die verleend of vastgesteld zijn (het verleende bedrag);
            vastgesteld telt alleen vastgestelde subsidies. Percentages zijn afgerond op één
            decimaal; de bedragen zijn exact.
          </p>
          <h2 class="nl-heading nl-heading--level-2">
            Vrijwilligersorganisaties en ontmoetingsplekken
          </h2>
          <p class="nl-paragraph">
            {euro(o.volunteerCents)} van {euro(t.grantedCents)} verleend (
            {formatShare(o.volunteerCents, t.grantedCents)}) gaat naar vrijwilligersorganisaties en
            ontmoetingsplekken.
          </p>
          <p class="nl-paragraph">Regel: {VOLUNTEER_RULE}</p>
          <h2 class="nl-heading nl-heading--level-2">Gepland en werkelijk per subsidie</h2>
          {o.decisions.length === 0 ? (
            <p class="nl-paragraph">Er zijn voor {year} nog geen verleende subsidies.</p>
          ) : (
            <DataTable
              caption={`Subsidies ${year}: verleend tegen vastgesteld`}
              rowHeaders
              columns={[
                "Organisatie",
                "Status",
                { label: "Verleend", numeric: true },
                { label: "Vastgesteld", numeric: true },
                { label: "Verschil", numeric: true },
              ]}
              rows={o.decisions.map((d) => ({
                key: d.id,
                cells: [
                  <a key="s" class="nl-link" href={`/subsidies/${d.id}`}>
                    {d.organisationName}
                  </a>,
                  STATE_LABELS[d.state],
                  euro(d.amountCents),
                  d.state === "vastgesteld" ? euro(d.establishedCents) : EMPTY,
                  d.differenceCents === null
                    ? EMPTY
                    : `${d.differenceCents > 0 ? "+" : ""}${euro(d.differenceCents)}`,
                ],
              }))}
            />
          )}
        </>
      )}
      <CostSection costs={props.costs} />
    </Layout>
  );
}

function CostSection({ costs }: { costs: CostSeries[] }) {
  const measured = costs.filter((c) => c.values.length > 0);
  return (
    <section aria-labelledby="maatwerk">
      <h2 class="nl-heading nl-heading--level-2" id="maatwerk">
        Ernaast: kosten van maatwerk
      </h2>
      {measured.length === 0 ? (
        <p class="nl-paragraph">
          {costs.length === 0
            ? "De monitor heeft geen indicator in euro (zoals de kosten van Wmo-maatwerkvoorzieningen)."
            : `De monitor heeft nog geen metingen van ${costs.map((c) => c.name).join(", ")}. Zodra ze zijn geïmporteerd, staan ze hier.`}
        </p>
      ) : (
        measured.map((c) => (
          <DataTable
            key={c.slug}
            caption={
              <>
                <a class="nl-link" href={`/monitor/${c.slug}`}>
                  {c.name}
                </a>{" "}
                (bron: {c.source})
              </>
            }
            columns={["Jaar", { label: "Bedrag", numeric: true }]}
            rows={c.values.map((v) => ({
              key: v.year,
              cells: [
                String(v.year),
                `€ ${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 }).format(v.value)}`,
              ],
            }))}
          />
        ))
      )}
    </section>
  );
}

/** The staff form: the planned amount per work area for a year. */
export function BudgetPlanPage(props: {
  ctx: PageContext;
  budget: BudgetYear;
  years: number[];
  errors?: FieldError[] | undefined;
  values?: Record<string, string | undefined> | undefined;
}) {
  const { year, workAreas, plans } = props.budget;
  const planOf = (id: string) => plans.find((p) => p.workAreaId === id);
  return (
    <Layout
      ctx={props.ctx}
      title={`Begroting welzijn ${year} invullen`}
      breadcrumbs={[
        { href: BUDGET_PATH, label: "Begroting welzijn" },
        { href: `${BUDGET_MANAGE_PATH}?jaar=${year}`, label: `Invullen ${year}` },
      ]}
      heading
      intro="Het geplande bedrag per werkgebied. Leeg laten betekent: geen plan voor dit werkgebied (een bestaand bedrag wordt weggehaald)."
    >
      {yearFilter(BUDGET_MANAGE_PATH, year, props.years)}
      {workAreas.length === 0 ? (
        <p class="nl-paragraph">Er zijn nog geen werkgebieden ingevoerd.</p>
      ) : (
        <FormSection
          id="gepland"
          heading={`Geplande bedragen ${year}`}
          action={BUDGET_MANAGE_PATH}
          csrfToken={props.ctx.csrfToken}
          submit="Opslaan"
          errors={props.errors}
          summary
          fields={workAreas.map((w) => {
            const plan = planOf(w.id);
            return {
              name: `gepland-${w.id}`,
              label: w.name,
              help: "In euro, bijvoorbeeld 1.250.000,00.",
              value:
                props.values?.[`gepland-${w.id}`] ??
                (plan ? formatAmountInput(plan.plannedCents) : ""),
            };
          })}
        >
          <input type="hidden" name="jaar" value={String(year)} />
          {workAreas.map((w) => {
            const plan = planOf(w.id);
            return plan ? (
              <input
                key={w.id}
                type="hidden"
                name={`versie-${w.id}`}
                value={String(plan.version)}
              />
            ) : null;
          })}
        </FormSection>
      )}
      <p class="nl-paragraph">
        Soorten subsidie: {Object.values(FORM_LABELS).join(", ")}. Verleende bedragen komen uit de
        subsidies (
        <a class="nl-link" href="/beheer/subsidies">
          Subsidies beheren
        </a>
        ).
      </p>
    </Layout>
  );
}
