import type { FieldError } from "../../platform/errors.js";
import { STATEMENT_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { FormSection } from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { TARGET_YEAR_RANGE } from "./indicator-service.js";
import type { IndicatorRow } from "./repository.js";

const options = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));
const DIRECTIONS = options([
  ["hoger_is_beter", "Hoger is beter"],
  ["lager_is_beter", "Lager is beter"],
  ["neutraal", "Geen gewenste richting"],
]);
const ROLES = options([
  ["effectindicator", "Effectindicator"],
  ["prestatie_indicator", "Prestatie-indicator"],
  ["verplichte_beleidsindicator", "Verplichte beleidsindicator (BBV)"],
]);
const ARCHIVE = options([
  ["nee", "Nee"],
  ["ja", "Ja (verdwijnt uit de monitor, metingen blijven bewaard)"],
]);

/** Staff form to edit an indicator, its target and the story behind the figures. */
export function IndicatorEditForm({
  ctx,
  indicator: i,
  errors = [],
  values = {},
}: {
  ctx: PageContext;
  indicator: IndicatorRow;
  errors?: FieldError[];
  /** What was typed, after a refused save: shown instead of the stored values. */
  values?: Record<string, string | undefined>;
}) {
  const stored: Record<string, string> = {
    naam: i.name,
    definitie: i.definition,
    bron: i.source,
    richting: i.direction,
    rol: i.role,
    streefwaarde: i.targetValue === null ? "" : String(i.targetValue).replace(".", ","),
    streefjaar: i.targetYear === null ? "" : String(i.targetYear),
    verhaal: i.story,
    archiveren: i.archived ? "ja" : "nee",
  };
  const value = (name: string) => values[name] ?? stored[name] ?? "";
  return (
    <FormSection
      id="indicator-bewerken"
      heading="Indicator bewerken"
      action={`/monitor/${i.slug}/bewerken`}
      csrfToken={ctx.csrfToken}
      submit="Indicator opslaan"
      errors={errors}
      summary
      fields={[
        {
          name: "naam",
          label: "Naam",
          value: value("naam"),
          maxLength: TITLE_MAX,
          required: true,
        },
        {
          kind: "textarea",
          name: "definitie",
          label: "Definitie",
          value: value("definitie"),
          maxLength: STATEMENT_MAX,
          rows: 4,
        },
        {
          name: "bron",
          label: "Bron",
          value: value("bron"),
          maxLength: TITLE_MAX,
          required: true,
        },
        {
          kind: "select",
          name: "richting",
          label: "Richting",
          value: value("richting"),
          options: DIRECTIONS,
        },
        { kind: "select", name: "rol", label: "Rol", value: value("rol"), options: ROLES },
        {
          name: "streefwaarde",
          label: "Streefwaarde",
          value: value("streefwaarde"),
        },
        {
          name: "streefjaar",
          label: "Streefjaar",
          help: `Een jaar van ${TARGET_YEAR_RANGE.min} tot en met ${TARGET_YEAR_RANGE.max}.`,
          value: value("streefjaar"),
        },
        {
          kind: "textarea",
          name: "verhaal",
          label: "Het verhaal achter de cijfers",
          help: "Wat verklaart het verloop, wie dragen bij, wat werkt.",
          value: value("verhaal"),
          maxLength: TEXT_MAX,
          rows: 8,
        },
        {
          kind: "select",
          name: "archiveren",
          label: "Archiveren",
          value: value("archiveren"),
          options: ARCHIVE,
        },
      ]}
    />
  );
}
