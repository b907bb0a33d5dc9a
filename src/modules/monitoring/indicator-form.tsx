import type { FieldError } from "../../platform/errors.js";
import { STATEMENT_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import {
  CsrfField,
  ErrorSummary,
  fieldError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { TARGET_YEAR_RANGE } from "./indicator-service.js";
import type { IndicatorRow } from "./repository.js";

const options = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));

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
      <form method="post" action={`/monitor/${i.slug}/bewerken`} class="sk-form" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="naam"
          label="Naam"
          value={i.name}
          error={fieldError(errors, "naam")}
          maxLength={TITLE_MAX}
          required
        />
        <TextAreaField
          name="definitie"
          label="Definitie"
          value={i.definition}
          error={fieldError(errors, "definitie")}
          maxLength={STATEMENT_MAX}
          rows={4}
        />
        <TextField
          name="bron"
          label="Bron"
          value={i.source}
          error={fieldError(errors, "bron")}
          maxLength={TITLE_MAX}
          required
        />
        <SelectField
          name="richting"
          label="Richting"
          value={i.direction}
          options={options([
            ["hoger_is_beter", "Hoger is beter"],
            ["lager_is_beter", "Lager is beter"],
            ["neutraal", "Geen gewenste richting"],
          ])}
        />
        <SelectField
          name="rol"
          label="Rol"
          value={i.role}
          options={options([
            ["effectindicator", "Effectindicator"],
            ["prestatie_indicator", "Prestatie-indicator"],
            ["verplichte_beleidsindicator", "Verplichte beleidsindicator (BBV)"],
          ])}
        />
        <TextField
          name="streefwaarde"
          label="Streefwaarde"
          value={i.targetValue === null ? "" : String(i.targetValue).replace(".", ",")}
          error={fieldError(errors, "streefwaarde")}
        />
        <TextField
          name="streefjaar"
          label="Streefjaar"
          help={`Een jaar van ${TARGET_YEAR_RANGE.min} tot en met ${TARGET_YEAR_RANGE.max}.`}
          value={i.targetYear === null ? "" : String(i.targetYear)}
          error={fieldError(errors, "streefjaar")}
        />
        <TextAreaField
          name="verhaal"
          label="Het verhaal achter de cijfers"
          help="Wat verklaart het verloop, wie dragen bij, wat werkt."
          value={i.story}
          error={fieldError(errors, "verhaal")}
          maxLength={TEXT_MAX}
          rows={8}
        />
        <SelectField
          name="archiveren"
          label="Archiveren"
          value={i.archived ? "ja" : "nee"}
          options={options([
            ["nee", "Nee"],
            ["ja", "Ja (verdwijnt uit de monitor, metingen blijven bewaard)"],
          ])}
        />
        <div>
          <SubmitButton>Indicator opslaan</SubmitButton>
        </div>
      </form>
    </section>
  );
}
