import { type TProperties, Type } from "typebox";
import {
  Id,
  INT_MAX,
  Int,
  Measure,
  Nullable,
  STATEMENT_MAX,
  Text,
} from "../../platform/schema-types.js";
import { attachmentPath } from "./attachment-rules.js";
import { TEXT_FIELDS, type TextColumn, VALUE_NOTE_MAX } from "./fields.js";
import type { ReportDetail, ReportListItem } from "./reads.js";
import { REPORT_FORMATS, REPORT_STATES, REVIEW_DECISIONS } from "./schema.js";

// The JSON shapes of /api/v1/verantwoordingen: Dutch keys, built from the same field list as the
// forms (fields.ts), and the mapping from a report to them.

export const TAG = ["Verantwoordingen"];

const enumOf = (values: readonly string[], description: string) =>
  Type.Enum([...values], { type: "string", description });
export const ReportStatus = enumOf(
  REPORT_STATES,
  "concept, ingediend, aanvulling_nodig (terug naar de partner) of akkoord (goedgekeurd, openbaar)",
);
/** A calendar day 1900-2099: a date PostgreSQL stores without surprise. */
export const Day = (description: string) =>
  Type.String({
    format: "date",
    pattern: "^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$",
    maxLength: 10,
    description,
  });

const Period = Type.Object({
  begin: Type.String({ format: "date" }),
  einde: Type.String({ format: "date" }),
  naam: Type.String({ description: "Het jaar, of begin t/m einde" }),
});

export const ReportSummary = Type.Object({
  id: Type.String({ format: "uuid" }),
  organisatie: Type.Object({
    id: Type.String({ format: "uuid" }),
    code: Type.String(),
    naam: Type.String(),
  }),
  subsidie: Type.Object({
    id: Type.String({ format: "uuid" }),
    jaar: Type.Integer(),
    kenmerk: Nullable(Type.String()),
  }),
  vorm: enumOf(REPORT_FORMATS, "formeel (volledige set) of informeel (inzet en resultaat)"),
  status: ReportStatus,
  periode: Period,
  ingediendOp: Nullable(Type.String({ format: "date-time" })),
  beoordeeldOp: Nullable(Type.String({ format: "date-time" })),
  versie: Type.Integer({ description: "Stuur deze mee bij een wijziging (PATCH)" }),
});

const textProperties: TProperties = Object.fromEntries(
  TEXT_FIELDS.map((f) => [f.key, Type.String({ description: f.label })]),
);

/** An attachment as the API shows it: in a report's detail and as the answer to an upload. */
export const AttachmentJson = Type.Object({
  id: Type.String({ format: "uuid" }),
  naam: Type.String(),
  mediatype: Type.String(),
  grootte: Type.Integer({ description: "Bytes" }),
  adres: Type.String({ description: "Downloadadres (voor de organisatie en de gemeente)" }),
});

export const attachmentJson = (
  reportId: string,
  a: { id: string; fileName: string; mediaType: string; size: number },
) => ({
  id: a.id,
  naam: a.fileName,
  mediatype: a.mediaType,
  grootte: a.size,
  adres: attachmentPath(reportId, a.id),
});

export const ReportDetailSchema = Type.Object({
  ...ReportSummary.properties,
  ...textProperties,
  bereik: Nullable(Type.Integer()),
  verplichting: Nullable(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      soort: Type.String(),
      uiterlijk: Type.String({ format: "date" }),
      omschrijving: Type.String(),
    }),
  ),
  indicatorwaarden: Type.Array(
    Type.Object({
      subsidieIndicator: Type.String({ format: "uuid" }),
      indicator: Type.String({ format: "uuid" }),
      naam: Type.String(),
      eenheid: Type.String(),
      streefwaarde: Nullable(Type.Number()),
      waarde: Nullable(Type.Number()),
      toelichting: Type.String(),
    }),
  ),
  voortgangsgesprek: Type.Optional(
    Nullable(Type.Object({ datum: Type.String({ format: "date" }), verslag: Type.String() })),
  ),
  gebeurtenissen: Type.Optional(
    Type.Array(
      Type.Object({
        status: ReportStatus,
        toelichting: Type.String(),
        door: Type.String({ description: "Organisatie of rol, nooit een persoon" }),
        op: Type.String({ format: "date-time" }),
      }),
    ),
  ),
  bijlagen: Type.Optional(Type.Array(AttachmentJson)),
});

const IndicatorValues = Type.Array(
  Type.Object(
    {
      subsidieIndicator: Id({ description: "Id van de afgesproken indicator van de subsidie" }),
      waarde: Measure(),
      toelichting: Type.Optional(Text(VALUE_NOTE_MAX)),
    },
    { additionalProperties: false },
  ),
  { maxItems: 100, description: "Vervangt alle waarden van de verantwoording" },
);

const writable = {
  periodeBegin: Type.Optional(
    Day("Begin van de periode (standaard 1 januari van het subsidiejaar)"),
  ),
  periodeEinde: Type.Optional(Day("Einde van de periode; het jaar van de metingen")),
  ...Object.fromEntries(
    TEXT_FIELDS.map((f) => [f.key, Type.Optional(Text(f.max, { description: f.label }))]),
  ),
  bereik: Type.Optional(Nullable(Int({ minimum: 0, maximum: INT_MAX }))),
  indicatorwaarden: Type.Optional(IndicatorValues),
};

export const CreateBody = Type.Object(
  {
    subsidie: Id({ description: "Id van een subsidie van uw organisatie" }),
    verplichting: Type.Optional(
      Id({ description: "Welke gevraagde verantwoording; standaard de eerstvolgende open" }),
    ),
    ...writable,
  },
  { additionalProperties: false },
);

export const PatchBody = Type.Object(
  { versie: Int({ minimum: 1, description: "De versie die u las (GET)" }), ...writable },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  {
    besluit: enumOf(REVIEW_DECISIONS, "akkoord of aanvulling_nodig"),
    toelichting: Type.Optional(
      Text(STATEMENT_MAX, { description: "Verplicht bij aanvulling_nodig: wat moet er bij?" }),
    ),
    voortgangsgesprekOp: Type.Optional(
      Day("Datum van het voortgangsgesprek (verplicht bij akkoord op een informele)"),
    ),
    voortgangsgesprekVerslag: Type.Optional(Text(4_000)),
  },
  { additionalProperties: false },
);

export const StepResult = Type.Object({
  id: Type.String({ format: "uuid" }),
  status: ReportStatus,
  versie: Type.Integer(),
});

export type WriteBody = {
  periodeBegin?: string;
  periodeEinde?: string;
  bereik?: number | null;
  indicatorwaarden?: { subsidieIndicator: string; waarde: number; toelichting?: string }[];
} & Partial<Record<(typeof TEXT_FIELDS)[number]["key"], string>>;

/** The service's input from a JSON body. */
export const inputFromBody = (b: WriteBody) => ({
  periodStart: b.periodeBegin,
  periodEnd: b.periodeEinde,
  texts: Object.fromEntries(
    TEXT_FIELDS.filter((f) => b[f.key] !== undefined).map((f) => [f.column, b[f.key]]),
  ) as Partial<Record<TextColumn, string>>,
  reach: b.bereik,
  values: b.indicatorwaarden?.map((v) => ({
    subsidyIndicatorId: v.subsidieIndicator,
    value: v.waarde,
    note: v.toelichting,
  })),
});

export const summaryJson = (r: Omit<ReportListItem, "view">) => ({
  id: r.report.id,
  organisatie: { id: r.organisationId, code: r.organisationSlug, naam: r.organisationName },
  subsidie: { id: r.report.subsidyId, jaar: r.subsidyYear, kenmerk: r.subsidyReference },
  vorm: r.report.format,
  status: r.report.state,
  periode: { begin: r.report.periodStart, einde: r.report.periodEnd, naam: r.period },
  ingediendOp: r.report.submittedAt?.toISOString() ?? null,
  beoordeeldOp: r.report.reviewedAt?.toISOString() ?? null,
  versie: r.report.version,
});

export function detailJson(d: ReportDetail) {
  const r = d.report;
  const full = d.view === "full";
  return {
    ...summaryJson(d),
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, r[f.column]])),
    bereik: r.reach,
    verplichting: d.requirement
      ? {
          id: d.requirement.id,
          soort: d.requirement.kind,
          uiterlijk: d.requirement.dueOn,
          omschrijving: d.requirement.description,
        }
      : null,
    indicatorwaarden: d.values.map((v) => ({
      subsidieIndicator: v.indicator.id,
      indicator: v.indicator.indicatorId,
      naam: v.indicator.name,
      eenheid: v.indicator.unit,
      streefwaarde: v.indicator.target,
      waarde: v.value ?? null,
      toelichting: v.note,
    })),
    ...(full
      ? {
          voortgangsgesprek: r.progressTalkOn
            ? { datum: r.progressTalkOn, verslag: r.progressTalkNotes }
            : null,
          gebeurtenissen: d.events.map((e) => ({
            status: e.toState,
            toelichting: e.comment,
            door: e.actorName,
            op: e.at.toISOString(),
          })),
          bijlagen: d.attachments.map((a) => attachmentJson(r.id, a)),
        }
      : {}),
  };
}
