import type { FieldError } from "../../platform/errors.js";
import { NOTE_MAX, TEXT_MAX } from "../../platform/schema-types.js";
import {
  ErrorSummary,
  emptyFirstSelect,
  FieldsForm,
  FormSection,
  labelledChoices,
  RowActionForm,
} from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import {
  GoalList,
  HistoryTable,
  IndicatorTable,
  RequirementTable,
  StateBadge,
  subsidyTitle,
} from "./components.js";
import { MANAGE_PATH, manageCrumbs, subsidyFields, type Values, valuesOf } from "./manage-views.js";
import type { FormChoices, SubsidyDetail } from "./reads.js";
import { NEXT_STATES, REPORT_KIND_LABELS, STATE_ACTIONS } from "./rules.js";
import { REPORT_KINDS } from "./schema.js";

/** Which form on the page was refused: its errors and typed values show there. */
export type Refused = { form: "gegevens" | "status"; errors: FieldError[]; values: Values };

function VersionField({ version }: { version: number }) {
  return <input type="hidden" name="versie" value={String(version)} />;
}

/** The staff page of one decision: its fields, its state, and what it serves and asks back. */
export function EditSubsidyPage(props: {
  ctx: PageContext;
  detail: SubsidyDetail;
  choices: FormChoices;
  refused?: Refused | undefined;
}) {
  const d = props.detail;
  const s = d.subsidy;
  const base = `${MANAGE_PATH}/${s.id}`;
  const csrf = props.ctx.csrfToken;
  const refused = props.refused;
  const errorsOf = (form: Refused["form"]) => (refused?.form === form ? refused.errors : []);
  const next = NEXT_STATES[s.state];
  const linkedGoals = new Set(d.goals.map((g) => g.goal.id));
  const agreed = new Set(d.indicators.map((i) => i.indicatorId));
  return (
    <Layout
      ctx={props.ctx}
      title={subsidyTitle(d)}
      breadcrumbs={manageCrumbs([{ href: base, label: subsidyTitle(d) }])}
      heading
    >
      <ErrorSummary errors={refused?.errors ?? []} />
      <p class="nl-paragraph">
        Status: <StateBadge state={s.state} /> ·{" "}
        <a class="nl-link" href={`/subsidies/${s.id}`}>
          Bekijk zoals bezoekers haar zien
        </a>
      </p>
      <FormSection
        id="gegevens"
        heading="Gegevens"
        action={base}
        csrfToken={csrf}
        submit="Gegevens opslaan"
        fields={subsidyFields(
          refused?.form === "gegevens"
            ? refused.values
            : valuesOf(s, d.organisationSlug, d.workAreaCode),
          props.choices,
          false,
        )}
        errors={errorsOf("gegevens")}
      >
        <VersionField version={s.version} />
      </FormSection>
      {next.length === 0 ? (
        <section aria-labelledby="status">
          <h2 class="nl-heading nl-heading--level-2" id="status">
            Status wijzigen
          </h2>
          <p class="nl-paragraph">Deze subsidie is definitief: haar status verandert niet meer.</p>
        </section>
      ) : (
        <FormSection
          id="status"
          heading="Status wijzigen"
          action={`${base}/status`}
          csrfToken={csrf}
          submit="Status wijzigen"
          errors={errorsOf("status")}
          fields={[
            {
              kind: "select",
              name: "status",
              label: "Nieuwe status",
              value: refused?.form === "status" ? refused.values.status : next[0],
              options: next.map((n) => ({ value: n, label: STATE_ACTIONS[n] })),
            },
            ...(next.includes("vastgesteld")
              ? [
                  {
                    // Another name than the field in "Gegevens": one page, one id per field.
                    name: "vaststellingsbedrag",
                    label: "Vastgesteld bedrag (bij vaststellen)",
                    help: "Nodig om vast te stellen, tenzij het al bij de gegevens staat. In euro, bijvoorbeeld 1.250,00.",
                    value: refused?.form === "status" ? refused.values.vaststellingsbedrag : "",
                  },
                ]
              : []),
            {
              kind: "textarea",
              name: "toelichting",
              label: "Toelichting",
              value: refused?.form === "status" ? refused.values.toelichting : "",
              maxLength: NOTE_MAX,
              rows: 3,
            },
          ]}
        >
          <VersionField version={s.version} />
        </FormSection>
      )}
      <section aria-labelledby="doelen">
        <h2 class="nl-heading nl-heading--level-2" id="doelen">
          Doelen en resultaten
        </h2>
        <GoalList
          goals={d.goals}
          action={(g) => (
            <RowActionForm
              csrfToken={csrf}
              action={`${base}/doelen/verwijderen`}
              label="Weghalen"
              rowName={`doel ${g.goal.number ?? ""} ${g.goal.text.slice(0, 80)}`}
            >
              <input type="hidden" name="doel" value={g.goal.id} />
            </RowActionForm>
          )}
        />
        <FieldsForm
          action={`${base}/doelen`}
          csrfToken={csrf}
          heading="Doel of resultaat toevoegen"
          submit="Doel toevoegen"
          fields={[
            emptyFirstSelect({
              name: "doel",
              label: "Doel of resultaat uit een beleidsdocument",
              empty: "Kies een doel",
              choices: props.choices.goals
                .filter((g) => !linkedGoals.has(g.id))
                .map((g) => ({
                  value: g.id,
                  label: `${g.documentTitle}: ${g.number ? `${g.number} ` : ""}${g.text.slice(0, 120)}`,
                })),
            }),
          ]}
        />
      </section>
      <section aria-labelledby="indicatoren">
        <h2 class="nl-heading nl-heading--level-2" id="indicatoren">
          Afgesproken indicatoren
        </h2>
        <IndicatorTable
          indicators={d.indicators}
          action={(i) => (
            <RowActionForm
              csrfToken={csrf}
              action={`${base}/indicatoren/verwijderen`}
              label="Weghalen"
              rowName={i.name}
            >
              <input type="hidden" name="afspraak" value={i.id} />
            </RowActionForm>
          )}
        />
        <p class="nl-paragraph">
          Weghalen verwijdert ook de waarden die in verslagen bij deze indicator zijn opgegeven.
        </p>
        <FieldsForm
          action={`${base}/indicatoren`}
          csrfToken={csrf}
          heading="Indicator afspreken"
          submit="Indicator afspreken"
          fields={[
            emptyFirstSelect({
              name: "indicator",
              label: "Indicator uit de monitor",
              empty: "Kies een indicator",
              choices: props.choices.indicators
                .filter((i) => !agreed.has(i.id))
                .map((i) => ({ value: i.id, label: `${i.name} (${i.unit})` })),
            }),
            {
              name: "streefwaarde",
              label: "Streefwaarde",
              help: "Een getal, bijvoorbeeld 120 of 7,5. Mag leeg.",
            },
          ]}
        />
      </section>
      <section aria-labelledby="verantwoording">
        <h2 class="nl-heading nl-heading--level-2" id="verantwoording">
          Verantwoording
        </h2>
        <RequirementTable
          requirements={d.requirements}
          action={(r) => (
            <RowActionForm
              csrfToken={csrf}
              action={`${base}/verantwoording/verwijderen`}
              label="Weghalen"
              rowName={`${REPORT_KIND_LABELS[r.kind]} ${r.dueOn}`}
            >
              <input type="hidden" name="eis" value={r.id} />
            </RowActionForm>
          )}
        />
        <FieldsForm
          action={`${base}/verantwoording`}
          csrfToken={csrf}
          heading="Verantwoording vragen"
          submit="Verantwoording vragen"
          fields={[
            {
              kind: "select",
              name: "soort",
              label: "Soort",
              options: labelledChoices(REPORT_KINDS, REPORT_KIND_LABELS),
            },
            {
              name: "uiterlijk",
              label: "Uiterlijk op",
              type: "date",
              help: "Bijvoorbeeld 2026-04-01.",
            },
            {
              kind: "textarea",
              name: "omschrijving",
              label: "Omschrijving",
              maxLength: TEXT_MAX,
              rows: 3,
            },
          ]}
        />
      </section>
      <section aria-labelledby="geschiedenis">
        <h2 class="nl-heading nl-heading--level-2" id="geschiedenis">
          Geschiedenis
        </h2>
        <HistoryTable history={d.history} />
      </section>
    </Layout>
  );
}
