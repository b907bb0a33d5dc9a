import type { FieldError } from "../../platform/errors.js";
import { STATEMENT_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { ErrorSummary, Fields, PostForm } from "../../web/components/form.js";
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
}: {
  ctx: PageContext;
  indicator: IndicatorRow;
  errors?: FieldError[];
}) {
  return (
    <section aria-labelledby="indicator-bewerken">
      <h2 class="nl-heading nl-heading--level-2" id="indicator-bewerken">
        Indicator bewerken
      </h2>
      <ErrorSummary errors={errors} />
      <PostForm
        action={`/monitor/${i.slug}/bewerken`}
        csrfToken={ctx.csrfToken}
        submit="Indicator opslaan"
      >
        <Fields
          errors={errors}
          fields={[
            { name: "naam", label: "Naam", value: i.name, maxLength: TITLE_MAX, required: true },
            {
              kind: "textarea",
              name: "definitie",
              label: "Definitie",
              value: i.definition,
              maxLength: STATEMENT_MAX,
              rows: 4,
            },
            { name: "bron", label: "Bron", value: i.source, maxLength: TITLE_MAX, required: true },
            {
              kind: "select",
              name: "richting",
              label: "Richting",
              value: i.direction,
              options: DIRECTIONS,
            },
            { kind: "select", name: "rol", label: "Rol", value: i.role, options: ROLES },
            {
              name: "streefwaarde",
              label: "Streefwaarde",
              value: i.targetValue === null ? "" : String(i.targetValue).replace(".", ","),
            },
            {
              name: "streefjaar",
              label: "Streefjaar",
              help: `Een jaar van ${TARGET_YEAR_RANGE.min} tot en met ${TARGET_YEAR_RANGE.max}.`,
              value: i.targetYear === null ? "" : String(i.targetYear),
            },
            {
              kind: "textarea",
              name: "verhaal",
              label: "Het verhaal achter de cijfers",
              help: "Wat verklaart het verloop, wie dragen bij, wat werkt.",
              value: i.story,
              maxLength: TEXT_MAX,
              rows: 8,
            },
            {
              kind: "select",
              name: "archiveren",
              label: "Archiveren",
              value: i.archived ? "ja" : "nee",
              options: ARCHIVE,
            },
          ]}
        />
      </PostForm>
    </section>
  );
}
