import { fromRoot } from "../../config/paths.js";
import { formatDateTime } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { NOTE_MAX, STATEMENT_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { loadSourceCatalog, nameDocuments } from "../../platform/source-catalog.js";
import { CsrfField, ErrorSummary, Fields, FormSection } from "../../web/components/form.js";
import { SourceRef } from "../../web/components/source-ref.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { levelLabel, SourceText, StatusBadge } from "./components.js";
import { crumbs } from "./document-links.js";
import { MoveButtons } from "./edit-views.js";
import { WEIGHT_RANGE } from "./limits.js";
import { ACTIVITY_STATUSES } from "./schema.js";
import { STATUS_INFO } from "./status.js";

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
    /** What was sent with the edit form, shown again when it is refused. */
    tekst?: string | undefined;
    gewicht?: string | undefined;
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
          <StatusHistory
            year={y.year}
            changes={history.filter((h) => h.activityYearId === y.id)}
            sourceCatalog={sourceCatalog}
          />
        </section>
      ))}
      {props.canEdit && latest ? (
        <FormSection
          id="status-wijzigen"
          heading="Status wijzigen"
          action={`/activiteiten/${activity.id}/status`}
          csrfToken={props.ctx.csrfToken}
          submit="Status opslaan"
          errors={errors}
          fields={[
            {
              kind: "select",
              name: "jaar",
              label: "Jaar",
              value: v.jaar ?? String(latest.year),
              options: years.map((y) => ({ value: String(y.year), label: String(y.year) })),
              required: true,
            },
            {
              kind: "select",
              name: "status",
              label: "Nieuwe status",
              value: v.status ?? latest.status,
              options: ACTIVITY_STATUSES.map((s) => ({
                value: s,
                label: STATUS_INFO[s].label,
              })),
              required: true,
            },
            {
              kind: "textarea",
              name: "toelichting",
              label: "Toelichting",
              help: "Verplicht bij vertraagd, uitgesteld en niet uitgevoerd.",
              value: v.toelichting,
              maxLength: NOTE_MAX,
              rows: 4,
            },
            {
              kind: "textarea",
              name: "realisatie",
              label: "Wat hebben we daarvoor gedaan? (realisatie)",
              help: "Leeg laten om de bestaande tekst te houden.",
              value: v.realisatie,
              maxLength: TEXT_MAX,
            },
            {
              name: "elders",
              label: "Ondergebracht in (bij ondergebracht elders)",
              value: v.elders,
              maxLength: TITLE_MAX,
            },
          ]}
        />
      ) : null}
      {props.canEdit ? (
        <FormSection
          id="activiteit-bewerken"
          heading="Activiteit bewerken"
          action={`/activiteiten/${activity.id}/bewerken`}
          csrfToken={props.ctx.csrfToken}
          submit="Activiteit opslaan"
          errors={errors}
          fields={[
            {
              kind: "textarea",
              name: "tekst",
              label: "Tekst",
              value: v.tekst ?? activity.text,
              maxLength: STATEMENT_MAX,
              required: true,
            },
            {
              name: "gewicht",
              label: "Gewicht in de voortgang van de doelen",
              help: `Een getal van ${WEIGHT_RANGE.min} tot en met ${WEIGHT_RANGE.max}; standaard 1, 0 telt niet mee.`,
              value: v.gewicht ?? String(activity.weight),
            },
          ]}
          after={
            <>
              <MoveButtons ctx={props.ctx} action={`/activiteiten/${activity.id}/verplaatsen`} />
              <form
                method="post"
                action={`/activiteiten/${activity.id}/doorschuiven`}
                class="sk-form"
              >
                <CsrfField token={props.ctx.csrfToken} />
                <p class="nl-paragraph">
                  Doorschuiven kopieert het plan naar{" "}
                  {latest ? latest.year + 1 : "het volgende jaar"} met status gepland en een
                  verwijzing naar {latest?.year}.
                </p>
                <div>
                  <button type="submit" class="nl-button nl-button--secondary">
                    Doorschuiven naar {latest ? latest.year + 1 : "volgend jaar"}
                  </button>
                </div>
              </form>
            </>
          }
        >
          <fieldset class="utrecht-form-fieldset sk-goal-choice">
            <legend class="utrecht-form-fieldset__legend">Doelen die deze activiteit dient</legend>
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
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`doel-${g.id}`}>
                  {levelLabel(g.level)} {g.number ? `${g.number}. ` : ""}
                  {g.text.length > 120 ? `${g.text.slice(0, 120)}…` : g.text}
                </label>
              </div>
            ))}
          </fieldset>
          <Fields
            fields={[
              {
                kind: "select",
                name: "nvt",
                label: "Telt mee in de voortgang",
                value: activity.notApplicable ? "ja" : "nee",
                options: [
                  { value: "nee", label: "Ja, telt mee" },
                  { value: "ja", label: "Nee, niet van toepassing" },
                ],
              },
              {
                kind: "select",
                name: "archiveren",
                label: "Archiveren",
                value: activity.archived ? "ja" : "nee",
                options: [
                  { value: "nee", label: "Niet archiveren" },
                  {
                    value: "ja",
                    label: "Archiveren (verdwijnt uit overzichten, blijft in de audittrail)",
                  },
                ],
              },
            ]}
          />
        </FormSection>
      ) : null}
    </Layout>
  );
}

/** Who changed the status of one year of an activity, when, from what to what and why. */
function StatusHistory(props: {
  year: number;
  changes: Awaited<ReturnType<typeof import("./service.js").getActivity>>["history"];
  sourceCatalog: ReturnType<typeof loadSourceCatalog>;
}) {
  if (props.changes.length === 0) return <p class="nl-paragraph">Nog geen statuswijzigingen.</p>;
  return (
    <DataTable
      caption={`Statusgeschiedenis ${props.year}`}
      captionHidden
      columns={["Wanneer", "Wie", "Van", "Naar", "Waarom"]}
      rows={props.changes.map((h) => ({
        key: h.id,
        cells: [
          formatDateTime(h.changedAt),
          h.actorName,
          h.fromStatus ? <StatusBadge key="van" status={h.fromStatus} /> : "—",
          <StatusBadge key="naar" status={h.toStatus} />,
          h.explanation ? nameDocuments(h.explanation, props.sourceCatalog) : "—",
        ],
      }))}
    />
  );
}
