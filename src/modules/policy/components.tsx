import { DataTable, numeric } from "../../web/components/table.js";
import type { Rollup } from "./rollup.js";
import type { ActivityStatus } from "./schema.js";
import { STATUS_INFO } from "./status.js";

const LEVEL_LABEL: Record<string, string> = {
  maatschappelijk_effect: "Maatschappelijk effect",
  beleidsdoelstelling: "Beleidsdoelstelling",
  resultaat: "Resultaat",
  prestatie: "Dienst/prestatie",
};
export const levelLabel = (level: string) => LEVEL_LABEL[level] ?? level;

const KIND_LABEL: Record<string, string> = {
  begroting: "Begroting",
  jaarstukken: "Jaarstukken",
  beleidskader: "Beleidskader",
  meerjarenopgave: "Meerjarenopgave",
  uitvoeringsprogramma: "Uitvoeringsprogramma",
  programma: "Programma",
  thema: "Thema",
  pijler: "Pijler",
  werkgebied: "Werkgebied",
  onderdeel: "Onderdeel",
  concept: "Concept",
  vastgesteld: "Vastgesteld",
  vervallen: "Vervallen",
};
export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;

/** Status with its colour from the annual-report legend; the text always carries the meaning. */
export function StatusBadge({ status }: { status: ActivityStatus }) {
  const info = STATUS_INFO[status];
  return <span class={`sk-status sk-status--${info.colour}`}>{info.label}</span>;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const num = (n: number) => new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 }).format(n);

/** Progress of a goal plus the "zo is dit berekend" panel listing every input and weight. */
export function RollupView({
  rollup,
  year,
  subject,
}: {
  rollup: Rollup;
  year: number;
  /** The goal, named to screen readers in the caption: a document lists many such tables. */
  subject?: string;
}) {
  return (
    <div class="sk-rollup">
      <p class="nl-paragraph">
        Voortgang {year}:{" "}
        <strong>
          {rollup.progress === undefined
            ? "niet te berekenen"
            : `${pct(rollup.progress)} gerealiseerd`}
        </strong>
        {rollup.worst ? (
          <>
            {" "}
            · slechtste status eronder: <StatusBadge status={rollup.worst} />
          </>
        ) : null}
      </p>
      <details class="sk-explain">
        <summary>Zo is dit berekend</summary>
        <p class="nl-paragraph">
          Voortgang = gewicht van de gerealiseerde activiteiten ÷ gewicht van alle meetellende
          activiteiten = {num(rollup.realisedWeight)} ÷ {num(rollup.countedWeight)}
          {rollup.progress === undefined ? "" : ` = ${pct(rollup.progress)}`}. Niet van toepassing,
          gewicht 0, ondergebracht elders en extra (niet gepland) tellen niet mee.
        </p>
        <DataTable
          caption={
            <>
              Invoer van de berekening
              {subject ? <span class="sk-visually-hidden">: {subject}</span> : null}
            </>
          }
          columns={["Activiteit", "Status", numeric("Gewicht"), "Telt mee"]}
          rows={rollup.lines.map((l) => ({
            key: l.id,
            cells: [
              <a key="activiteit" class="nl-link" href={`/activiteiten/${l.id}`}>
                {l.label.length > 90 ? `${l.label.slice(0, 90)}…` : l.label}
              </a>,
              <StatusBadge key="status" status={l.status} />,
              num(l.weight),
              l.counted ? (l.realised ? "ja, gerealiseerd" : "ja") : `nee (${l.reason})`,
            ],
          }))}
        />
      </details>
    </div>
  );
}

export function StatusSummaryTable({
  summary,
  caption,
}: {
  summary: { status: ActivityStatus; count: number }[];
  caption: string;
}) {
  const total = summary.reduce((s, r) => s + r.count, 0);
  return (
    <DataTable
      caption={caption}
      tableClass="sk-summary"
      // Two narrow columns fit any phone as they are; cards would only make them longer.
      layout="scroll"
      rowHeaders
      columns={["Status", numeric("Aantal")]}
      rows={[
        ...summary
          .filter((r) => r.count > 0)
          .map((r) => ({
            key: r.status,
            cells: [<StatusBadge key="status" status={r.status} />, r.count],
          })),
        { key: "totaal", cells: ["Totaal", total] },
      ]}
    />
  );
}

/** Who takes part in a partnership: the members by name, else the document's own words. */
export const membersText = (p: { members: readonly string[]; membersNote: string | null }) =>
  p.members.length > 0 ? p.members.join(", ") : (p.membersNote ?? "");

/** Text with line breaks kept as paragraphs; list items of the source on their own line. */
export function SourceText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}|\n(?=\s*(?:•|\d+\.\s))/).filter((p) => p.trim());
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} class="nl-paragraph">
          {p.trim()}
        </p>
      ))}
    </>
  );
}
