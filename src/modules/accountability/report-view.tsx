import { formatDateTime, formatNumber } from "../../i18n/nl.js";
import { Badge } from "../../web/components/badge.js";
import { Definition } from "../../web/components/list.js";
import { DataTable, EMPTY, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import type { Crumb } from "../../web/layout.js";
import { Layout } from "../../web/layout.js";
import { attachmentPath } from "./attachment-rules.js";
import { fieldsOf, REACH } from "./fields.js";
import {
  FORMAT_LABELS,
  formatDay,
  formatSize,
  REQUIREMENT_KIND_LABELS,
  STATE_LABELS,
} from "./labels.js";
import type { ReportDetail } from "./reads.js";

export const reportTitle = (d: Pick<ReportDetail, "organisationName" | "period">) =>
  `Verantwoording ${d.organisationName} ${d.period}`;

/** Paragraphs of a text as typed (blank lines separate them). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} class="nl-paragraph">
            {p}
          </p>
        ))}
    </>
  );
}

/** The report's facts, texts, indicator values and — for whoever may see them — its trail. */
export function ReportBody({ d }: { d: ReportDetail }) {
  const r = d.report;
  const full = d.view === "full";
  return (
    <>
      <dl class="sk-definition-list">
        <Definition term="Organisatie">
          <a class="nl-link" href={`/organisaties/${d.organisationSlug}`}>
            {d.organisationName}
          </a>
        </Definition>
        <Definition term="Subsidie">
          {d.subsidyYear}
          {d.subsidyReference ? ` (${d.subsidyReference})` : ""}
        </Definition>
        <Definition term="Periode">{d.period}</Definition>
        <Definition term="Soort">{FORMAT_LABELS[r.format]}</Definition>
        <Definition term="Status">
          <Badge>{STATE_LABELS[r.state]}</Badge>
        </Definition>
        {d.requirement ? (
          <Definition term="Gevraagd">
            {REQUIREMENT_KIND_LABELS[d.requirement.kind] ?? d.requirement.kind}, uiterlijk{" "}
            {formatDay(d.requirement.dueOn)}
            {d.requirement.description ? `: ${d.requirement.description}` : ""}
          </Definition>
        ) : null}
        {r.submittedAt ? (
          <Definition term="Ingediend">{formatDateTime(r.submittedAt)}</Definition>
        ) : null}
        {r.reviewedAt ? (
          <Definition term="Beoordeeld">{formatDateTime(r.reviewedAt)}</Definition>
        ) : null}
      </dl>
      {fieldsOf(r.format).map((f) =>
        r[f.column].trim() ? (
          <section key={f.key} aria-labelledby={`tekst-${f.key}`}>
            <h2 class="nl-heading nl-heading--level-2" id={`tekst-${f.key}`}>
              {f.label.replace(" (niet verplicht)", "")}
            </h2>
            <Paragraphs text={r[f.column]} />
          </section>
        ) : null,
      )}
      {r.format === "formeel" && r.reach !== null ? (
        <p class="nl-paragraph">
          <strong>{REACH.label}:</strong> {formatNumber(r.reach)}
        </p>
      ) : null}
      {d.values.length > 0 ? (
        <DataTable
          caption="Afgesproken indicatoren"
          columns={[
            "Indicator",
            "Eenheid",
            numeric("Streefwaarde"),
            numeric("Waarde"),
            "Toelichting",
          ]}
          rows={d.values.map((v) => ({
            key: v.indicator.id,
            cells: [
              v.indicator.name,
              v.indicator.unit,
              v.indicator.target === null ? EMPTY : formatNumber(v.indicator.target),
              v.value === undefined ? EMPTY : formatNumber(v.value),
              v.note || EMPTY,
            ],
          }))}
        />
      ) : null}
      {full && r.progressTalkOn ? (
        <section aria-labelledby="voortgangsgesprek">
          <h2 class="nl-heading nl-heading--level-2" id="voortgangsgesprek">
            Voortgangsgesprek op {formatDay(r.progressTalkOn)}
          </h2>
          <Paragraphs text={r.progressTalkNotes || "Geen verslag vastgelegd."} />
        </section>
      ) : null}
      {full && d.attachments.length > 0 ? (
        <DataTable
          caption="Bijlagen"
          columns={["Bestand", "Soort", numeric("Grootte")]}
          rows={d.attachments.map((a) => ({
            key: a.id,
            cells: [
              <a key="a" class="nl-link" href={attachmentPath(r.id, a.id)}>
                {a.fileName}
              </a>,
              a.mediaType,
              formatSize(a.size),
            ],
          }))}
        />
      ) : null}
      {full && d.events.length > 0 ? (
        <DataTable
          caption="Verloop"
          columns={["Wanneer", "Status", "Door", "Toelichting"]}
          rows={d.events.map((e) => ({
            key: e.id,
            cells: [formatDateTime(e.at), STATE_LABELS[e.toState], e.actorName, e.comment || EMPTY],
          }))}
        />
      ) : null}
    </>
  );
}

const trail = (d: ReportDetail, staff: boolean): Crumb[] =>
  staff
    ? [{ href: "/beheer/verantwoordingen", label: "Verantwoordingen" }]
    : d.view === "full"
      ? [
          { href: "/partner", label: "Partnerportaal" },
          { href: "/partner/verantwoordingen", label: "Mijn verantwoordingen" },
        ]
      : [{ href: `/organisaties/${d.organisationSlug}`, label: d.organisationName }];

/** Staff come from the dashboard, the organisation's partners from their portal, others from its page. */
export const reportCrumbs = (d: ReportDetail, staff: boolean, extra: Crumb[] = []): Crumb[] => [
  ...trail(d, staff),
  { href: `/verantwoordingen/${d.report.id}`, label: reportTitle(d) },
  ...extra,
];

/** /verantwoordingen/{id}: the report for its organisation, staff, or the public once approved. */
export function ReportPage(props: {
  ctx: PageContext;
  d: ReportDetail;
  staff: boolean;
  canEdit: boolean;
}) {
  const { d } = props;
  const id = d.report.id;
  return (
    <Layout
      ctx={props.ctx}
      title={reportTitle(d)}
      breadcrumbs={reportCrumbs(d, props.staff)}
      heading
    >
      {props.canEdit ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`/partner/verantwoordingen/${id}/bewerken`}>
            Verantwoording bewerken en indienen
          </a>
        </p>
      ) : null}
      {props.staff && d.report.state === "ingediend" ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`/beheer/verantwoordingen/${id}/beoordelen`}>
            Verantwoording beoordelen
          </a>
        </p>
      ) : null}
      <ReportBody d={d} />
    </Layout>
  );
}
