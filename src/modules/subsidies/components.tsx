import type { ComponentChildren } from "preact";
import { formatDateTime } from "../../i18n/nl.js";
import { formatEuro } from "../../platform/money.js";
import { Badge } from "../../web/components/badge.js";
import { Definition } from "../../web/components/list.js";
import { DataTable, EMPTY } from "../../web/components/table.js";
import { PLACEMENT_LABELS } from "../organisations/index.js";
import type { SubsidyDetail } from "./reads.js";
import type { ReportRequirement } from "./report-reads.js";
import type { ListedSubsidy } from "./repository.js";
import { FORM_LABELS, REPORT_KIND_LABELS, STATE_LABELS } from "./rules.js";
import type { SubsidyState } from "./schema.js";

// The pieces the subsidy pages share: a decision's facts, its state, its amounts, its goals,
// indicators and requirements. Composed from the view kit; no markup of their own beyond that.

export const euro = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? EMPTY : formatEuro(cents);

export function StateBadge({ state }: { state: SubsidyState }) {
  return (
    <Badge variant={state === "aanvraag" ? "assumption" : "info"}>{STATE_LABELS[state]}</Badge>
  );
}

/** "1 april 2026" for a YYYY-MM-DD date. */
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
}

export const subsidyTitle = (s: Pick<ListedSubsidy, "organisationName" | "subsidy">) =>
  `${s.organisationName}: subsidie ${s.subsidy.year}`;

/** The public facts of a decision; the internal note only when `internal` (staff). */
export function SubsidyFacts({ s, internal }: { s: ListedSubsidy; internal: boolean }) {
  const d = s.subsidy;
  return (
    <dl class="sk-definition-list">
      <Definition term="Organisatie">
        <a class="nl-link" href={`/organisaties/${s.organisationSlug}`}>
          {s.organisationName}
        </a>
      </Definition>
      <Definition term="Jaar">{String(d.year)}</Definition>
      {d.reference ? <Definition term="Kenmerk">{d.reference}</Definition> : null}
      <Definition term="Vorm">{FORM_LABELS[d.form]}</Definition>
      <Definition term="Status">
        <StateBadge state={d.state} />
      </Definition>
      <Definition term="Werkgebied">{s.workAreaName ?? EMPTY}</Definition>
      <Definition term="Plaats">{d.placement ? PLACEMENT_LABELS[d.placement] : EMPTY}</Definition>
      <Definition term={d.state === "aanvraag" ? "Gevraagd bedrag" : "Verleend bedrag"}>
        {euro(d.amountCents)}
      </Definition>
      <Definition term="Vastgesteld bedrag">{euro(d.establishedCents)}</Definition>
      <Definition term="Telt als vrijwilligers of ontmoetingsplek">
        {d.volunteerOrMeetingPlace ? "Ja" : "Nee"}
      </Definition>
      <Definition term="Opdracht">{d.assignment || EMPTY}</Definition>
      {internal ? <Definition term="Interne notitie">{d.internalNote || EMPTY}</Definition> : null}
    </dl>
  );
}

export function GoalList({
  goals,
  action,
}: {
  goals: SubsidyDetail["goals"];
  action?: (g: SubsidyDetail["goals"][number]) => ComponentChildren;
}) {
  if (goals.length === 0)
    return <p class="nl-paragraph">Er zijn (nog) geen doelen of resultaten bij gezet.</p>;
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.goal.id}>
          {g.goal.number ? `${g.goal.number} ` : ""}
          {g.goal.text} (
          <a class="nl-link" href={`/beleid/${g.document.slug}`}>
            {g.document.title}
          </a>
          ){action ? <> {action(g)}</> : null}
        </li>
      ))}
    </ul>
  );
}

export const targetText = (target: number | null, unit: string) =>
  target === null
    ? EMPTY
    : `${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 4 }).format(target)}${unit === "percentage" ? "%" : ""}`;

export function IndicatorTable({
  indicators,
  action,
}: {
  indicators: SubsidyDetail["indicators"];
  action?: (i: SubsidyDetail["indicators"][number]) => ComponentChildren;
}) {
  if (indicators.length === 0)
    return <p class="nl-paragraph">Er zijn (nog) geen indicatoren afgesproken.</p>;
  return (
    <DataTable
      caption="Afgesproken indicatoren met streefwaarde"
      captionHidden
      columns={[
        "Indicator",
        "Eenheid",
        { label: "Streefwaarde", numeric: true },
        ...(action ? ["Actie"] : []),
      ]}
      rows={indicators.map((i) => ({
        key: i.id,
        cells: [i.name, i.unit, targetText(i.target, i.unit), ...(action ? [action(i)] : [])],
      }))}
    />
  );
}

export function RequirementTable({
  requirements,
  action,
}: {
  requirements: readonly ReportRequirement[];
  action?: (r: ReportRequirement) => ComponentChildren;
}) {
  if (requirements.length === 0)
    return <p class="nl-paragraph">Er is (nog) geen verantwoording gevraagd.</p>;
  return (
    <DataTable
      caption="Gevraagde verantwoording"
      captionHidden
      columns={[
        "Soort",
        { label: "Uiterlijk op", nowrap: true },
        "Omschrijving",
        ...(action ? ["Actie"] : []),
      ]}
      rows={requirements.map((r) => ({
        key: r.id,
        cells: [
          REPORT_KIND_LABELS[r.kind],
          formatDay(r.dueOn),
          r.description || EMPTY,
          ...(action ? [action(r)] : []),
        ],
      }))}
    />
  );
}

export function HistoryTable({ history }: { history: SubsidyDetail["history"] }) {
  return (
    <DataTable
      caption="Geschiedenis van de status"
      captionHidden
      columns={["Wanneer", "Van", "Naar", "Door", "Toelichting"]}
      rows={history.map((h) => ({
        key: h.id,
        cells: [
          formatDateTime(h.changedAt),
          h.fromState ? STATE_LABELS[h.fromState] : EMPTY,
          STATE_LABELS[h.toState],
          h.actorName,
          h.note || EMPTY,
        ],
      }))}
    />
  );
}
