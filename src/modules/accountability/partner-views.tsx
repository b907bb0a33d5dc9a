import { formatNumber } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { Badge } from "../../web/components/badge.js";
import {
  ActionForm,
  ErrorSummary,
  type FieldSpec,
  FormSection,
  RowActionForm,
  UploadForm,
} from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { DataTable, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_REPORT,
  attachmentPath,
} from "./attachment-rules.js";
import { fieldsOf, REACH, VALUE_NOTE_MAX } from "./fields.js";
import { formatDay, formatSize, STAGE_LABELS, STATE_LABELS } from "./labels.js";
import type { DueRequirement, ReportDetail, ReportListItem } from "./reads.js";
import { Paragraphs, reportCrumbs, reportTitle } from "./report-view.js";

type Values = Record<string, string | undefined>;
const HOME = "/partner/verantwoordingen";

/** The requirements near or past their date: what the partner has to do first. */
export function DueTable(props: { due: readonly DueRequirement[]; caption: string }) {
  if (props.due.length === 0) return null;
  return (
    <DataTable
      caption={props.caption}
      columns={["Organisatie", "Subsidie", "Uiterlijk", "Stand", "Verantwoording"]}
      rows={props.due.map((r) => ({
        key: r.id,
        cells: [
          r.organisationName,
          r.subsidyReference ? `${r.subsidyYear} (${r.subsidyReference})` : r.subsidyYear,
          formatDay(r.dueOn),
          <Badge key="b">{STAGE_LABELS[r.stage]}</Badge>,
          r.report ? (
            <a key="a" class="nl-link" href={`/verantwoordingen/${r.report.id}`}>
              {STATE_LABELS[r.report.state]}
            </a>
          ) : (
            "Nog niet begonnen"
          ),
        ],
      }))}
    />
  );
}

/** A list of reports with their state and a link to each. */
export function ReportTable(props: {
  reports: readonly ReportListItem[];
  caption: string;
  href: (r: ReportListItem) => string;
}) {
  return (
    <DataTable
      caption={props.caption}
      columns={["Verantwoording", "Organisatie", "Subsidie", "Status"]}
      rows={props.reports.map((r) => ({
        key: r.report.id,
        cells: [
          <a key="a" class="nl-link" href={props.href(r)}>
            Periode {r.period}
          </a>,
          r.organisationName,
          r.subsidyYear,
          <Badge key="b">{STATE_LABELS[r.report.state]}</Badge>,
        ],
      }))}
    />
  );
}

/** /partner/verantwoordingen: what is due, the organisation's reports, and a new one. */
export function MyReportsPage(props: {
  ctx: PageContext;
  reports: readonly ReportListItem[];
  paging: Paging;
  due: readonly DueRequirement[];
  subsidies: readonly {
    id: string;
    organisationName: string;
    year: number;
    reference: string | null;
  }[];
  errors?: FieldError[];
  values?: Values;
}) {
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  return (
    <Layout
      ctx={props.ctx}
      title="Mijn verantwoordingen"
      breadcrumbs={[
        { href: "/partner", label: "Partnerportaal" },
        { href: HOME, label: "Mijn verantwoordingen" },
      ]}
      heading
      intro="Hier legt uw organisatie verantwoording af over de subsidie van de gemeente: wat u deed, wat het opleverde en de afgesproken indicatoren."
    >
      <ErrorSummary errors={errors} />
      <DueTable due={props.due} caption="Binnenkort of te laat in te dienen" />
      {props.reports.length === 0 ? (
        <p class="nl-paragraph">Uw organisatie heeft nog geen verantwoordingen.</p>
      ) : (
        <ReportTable
          reports={props.reports}
          caption={`Verantwoordingen van uw organisatie (${props.paging.total})`}
          href={(r) =>
            r.report.state === "concept" || r.report.state === "aanvulling_nodig"
              ? `${HOME}/${r.report.id}/bewerken`
              : `/verantwoordingen/${r.report.id}`
          }
        />
      )}
      <Pagination
        page={props.paging.page}
        pages={props.paging.pages}
        hrefFor={(p) => `${HOME}?pagina=${p}`}
      />
      {props.subsidies.length === 0 ? (
        <p class="nl-paragraph">
          Uw organisatie heeft geen verleende subsidie om over te verantwoorden.
        </p>
      ) : (
        <FormSection
          id="nieuwe-verantwoording"
          heading="Nieuwe verantwoording"
          action={HOME}
          csrfToken={props.ctx.csrfToken}
          submit="Concept aanmaken"
          errors={errors}
          fields={[
            {
              kind: "select",
              name: "subsidie",
              label: "Subsidie",
              required: true,
              value: v.subsidie,
              options: props.subsidies.map((s) => ({
                value: s.id,
                label: `${s.organisationName}, ${s.year}${s.reference ? ` (${s.reference})` : ""}`,
              })),
            },
            {
              name: "periodeBegin",
              label: "Begin van de periode",
              type: "date",
              help: "Leeg laten: 1 januari van het subsidiejaar.",
              value: v.periodeBegin,
            },
            {
              name: "periodeEinde",
              label: "Einde van de periode",
              type: "date",
              help: "Leeg laten: 31 december van het subsidiejaar.",
              value: v.periodeEinde,
            },
          ]}
        />
      )}
    </Layout>
  );
}

/** The form's fields for this report: the period, its format's texts, reach and indicator values. */
function reportFields(d: ReportDetail, v: Values | undefined): FieldSpec[] {
  const r = d.report;
  const value = (name: string, stored: string) => (v ? (v[name] ?? "") : stored);
  const fields: FieldSpec[] = [
    {
      name: "periodeBegin",
      label: "Begin van de periode",
      type: "date",
      value: value("periodeBegin", r.periodStart),
    },
    {
      name: "periodeEinde",
      label: "Einde van de periode",
      type: "date",
      value: value("periodeEinde", r.periodEnd),
    },
    ...fieldsOf(r.format).map(
      (f): FieldSpec => ({
        kind: "textarea",
        name: f.key,
        label: f.label,
        help: "help" in f ? f.help : undefined,
        maxLength: f.max,
        value: value(f.key, r[f.column]),
      }),
    ),
  ];
  if (r.format === "formeel") {
    fields.push({
      name: REACH.key,
      label: REACH.label,
      help: "Hoeveel inwoners namen deel of werden bereikt? Een geheel getal.",
      value: value(REACH.key, r.reach === null ? "" : String(r.reach)),
    });
    for (const x of d.values) {
      const unit = x.indicator.unit;
      const target =
        x.indicator.target === null ? "" : `, streefwaarde ${formatNumber(x.indicator.target)}`;
      fields.push(
        {
          name: `waarde-${x.indicator.id}`,
          label: `${x.indicator.name} (${unit}${target})`,
          help: "Leeg laten als u deze waarde niet hebt. Decimale komma mag.",
          value: value(
            `waarde-${x.indicator.id}`,
            x.value === undefined ? "" : String(x.value).replace(".", ","),
          ),
        },
        {
          name: `toelichting-${x.indicator.id}`,
          label: `Toelichting bij ${x.indicator.name}`,
          maxLength: VALUE_NOTE_MAX,
          value: value(`toelichting-${x.indicator.id}`, x.note),
        },
      );
    }
  }
  return fields;
}

/** /partner/verantwoordingen/{id}/bewerken: the concept, its attachments and submitting it. */
export function ReportEditPage(props: {
  ctx: PageContext;
  d: ReportDetail;
  errors?: FieldError[];
  values?: Values;
}) {
  const { d } = props;
  const r = d.report;
  const errors = props.errors ?? [];
  const base = `${HOME}/${r.id}`;
  const feedback = d.events.filter((e) => e.toState === "aanvulling_nodig" && e.comment);
  const last = feedback.at(-1);
  return (
    <Layout
      ctx={props.ctx}
      title={`${reportTitle(d)} bewerken`}
      breadcrumbs={reportCrumbs(d, false, [{ href: `${base}/bewerken`, label: "Bewerken" }])}
      heading
      intro={`Status: ${STATE_LABELS[r.state]}. Sla uw tekst op zo vaak u wilt; pas bij indienen moeten het verhaal en de inzet er staan.`}
    >
      <ErrorSummary errors={errors} />
      {r.state === "aanvulling_nodig" && last ? (
        <section aria-labelledby="reactie-gemeente">
          <h2 class="nl-heading nl-heading--level-2" id="reactie-gemeente">
            Wat de gemeente vraagt
          </h2>
          <Paragraphs text={last.comment} />
        </section>
      ) : null}
      <FormSection
        id="verantwoording-tekst"
        heading="Verantwoording"
        action={`${base}/bewerken`}
        csrfToken={props.ctx.csrfToken}
        submit="Opslaan"
        errors={errors}
        fields={reportFields(d, props.values)}
      >
        <input type="hidden" name="versie" value={String(r.version)} />
      </FormSection>
      <section aria-labelledby="bijlagen">
        <h2 class="nl-heading nl-heading--level-2" id="bijlagen">
          Bijlagen
        </h2>
        {d.attachments.length === 0 ? (
          <p class="nl-paragraph">Nog geen bijlagen.</p>
        ) : (
          <DataTable
            caption="Bijlagen bij deze verantwoording"
            captionHidden
            columns={["Bestand", "Soort", numeric("Grootte"), "Actie"]}
            rows={d.attachments.map((a) => ({
              key: a.id,
              cells: [
                <a key="a" class="nl-link" href={attachmentPath(r.id, a.id)}>
                  {a.fileName}
                </a>,
                a.mediaType,
                formatSize(a.size),
                <RowActionForm
                  key="x"
                  csrfToken={props.ctx.csrfToken}
                  action={`${base}/bijlagen/${a.id}/verwijderen`}
                  label="Verwijderen"
                  rowName={a.fileName}
                />,
              ],
            }))}
          />
        )}
        <UploadForm
          action={`${base}/bijlagen`}
          csrfToken={props.ctx.csrfToken}
          name="bijlage"
          label="Bijlage toevoegen"
          help={`PDF, PNG of JPEG, hoogstens ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB per bestand en ${ATTACHMENTS_PER_REPORT} bestanden. Zonder namen van inwoners.`}
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          submit="Bijlage toevoegen"
          errors={errors}
        />
      </section>
      <section aria-labelledby="indienen">
        <h2 class="nl-heading nl-heading--level-2" id="indienen">
          Indienen
        </h2>
        <ActionForm
          csrfToken={props.ctx.csrfToken}
          action={`${base}/indienen`}
          id="knop-indienen"
          label="Verantwoording indienen"
          help="Sla eerst uw wijzigingen op. Na het indienen beoordeelt de gemeente de verantwoording; wijzigen kan dan alleen als zij om een aanvulling vraagt."
          primary
        />
      </section>
    </Layout>
  );
}
