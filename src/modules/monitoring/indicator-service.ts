import type { Db } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, type FieldError, notFound } from "../../platform/errors.js";
import { choiceProblem, problems, textProblem } from "../../platform/field-rules.js";
import { STATEMENT_MAX, TEXT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { definedOnly, isCode, slugify } from "../../platform/values.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import * as repo from "./repository.js";
import { DIRECTIONS, FREQUENCIES, INDICATOR_ROLES, UNITS, type Unit } from "./schema.js";
import { resolveIndicator } from "./service.js";

export interface IndicatorInput {
  slug?: string | undefined;
  name?: string | undefined;
  definition?: string | undefined;
  unit?: string | undefined;
  scaleMin?: number | null | undefined;
  scaleMax?: number | null | undefined;
  direction?: string | undefined;
  source?: string | undefined;
  frequency?: string | undefined;
  role?: string | undefined;
  targetValue?: number | null | undefined;
  targetYear?: number | null | undefined;
  story?: string | undefined;
  archived?: boolean | undefined;
}

/** The range of a target year; the form states it, the web and API routes check it. */
export const TARGET_YEAR_RANGE = { min: 2000, max: 2100 };

function check(input: IndicatorInput, creating: boolean): FieldError[] {
  const given = (v: unknown) => creating || v !== undefined;
  const errors: FieldError[] = problems(
    given(input.name)
      ? textProblem(input.name, { field: "naam", label: "Naam", max: TITLE_MAX, required: true })
      : undefined,
    given(input.source)
      ? textProblem(input.source, { field: "bron", label: "Bron", max: TITLE_MAX, required: true })
      : undefined,
    textProblem(input.definition, { field: "definitie", label: "Definitie", max: STATEMENT_MAX }),
    textProblem(input.story, { field: "verhaal", label: "Het verhaal", max: TEXT_MAX }),
  );
  if (creating && !input.unit) errors.push({ field: "eenheid", message: "Eenheid is verplicht." });
  if (input.slug !== undefined && !isCode(input.slug)) {
    errors.push({
      field: "code",
      message: "Code mag alleen kleine letters, cijfers en streepjes bevatten.",
    });
  }
  errors.push(
    ...problems(choiceProblem(input.unit, { field: "eenheid", label: "Eenheid", allowed: UNITS })),
  );
  errors.push(
    ...problems(
      choiceProblem(input.direction, { field: "richting", label: "Richting", allowed: DIRECTIONS }),
    ),
  );
  errors.push(
    ...problems(
      choiceProblem(input.frequency, {
        field: "frequentie",
        label: "Frequentie",
        allowed: FREQUENCIES,
      }),
    ),
  );
  errors.push(
    ...problems(
      choiceProblem(input.role, { field: "rol", label: "Rol", allowed: INDICATOR_ROLES }),
    ),
  );
  if (input.scaleMin != null && input.scaleMax != null && input.scaleMin >= input.scaleMax) {
    errors.push({
      field: "schaalMax",
      message: "Het maximum van de schaal moet groter zijn dan het minimum.",
    });
  }
  return errors;
}

export async function createIndicator(db: Db, actor: Actor, input: IndicatorInput) {
  assertValid(check(input, true));
  const slug = input.slug ?? slugify(input.name ?? "");
  return db.transaction(async (tx) => {
    if ((await repo.listIndicators(tx, actor.municipalityCode)).some((i) => i.slug === slug)) {
      throw conflict(`Er is al een indicator met code "${slug}".`, [
        { field: "code", message: "Deze code is al in gebruik." },
      ]);
    }
    const row = await repo.insertIndicator(tx, {
      municipalityCode: actor.municipalityCode,
      slug,
      name: (input.name ?? "").trim(),
      definition: input.definition?.trim() ?? "",
      unit: input.unit as Unit,
      scaleMin: input.scaleMin ?? null,
      scaleMax: input.scaleMax ?? null,
      direction: (input.direction as (typeof DIRECTIONS)[number] | undefined) ?? "neutraal",
      source: (input.source ?? "").trim(),
      frequency: (input.frequency as (typeof FREQUENCIES)[number] | undefined) ?? "jaarlijks",
      role: (input.role as (typeof INDICATOR_ROLES)[number] | undefined) ?? "effectindicator",
      targetValue: input.targetValue ?? null,
      targetYear: input.targetYear ?? null,
      story: input.story?.trim() ?? "",
    });
    await recordCreated(tx, actor, "indicator", row, `Indicator "${row.name}" aangemaakt`);
    return row;
  });
}

export async function editIndicator(db: Db, actor: Actor, ref: string, input: IndicatorInput) {
  assertValid(check(input, false));
  const indicator = await resolveIndicator(db, actor.municipalityCode, ref);
  const change = definedOnly({
    name: input.name?.trim(),
    definition: input.definition?.trim(),
    // Checked against the allowed values above.
    unit: input.unit as Unit | undefined,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
    direction: input.direction as (typeof DIRECTIONS)[number] | undefined,
    source: input.source?.trim(),
    frequency: input.frequency as (typeof FREQUENCIES)[number] | undefined,
    role: input.role as (typeof INDICATOR_ROLES)[number] | undefined,
    targetValue: input.targetValue,
    targetYear: input.targetYear,
    story: input.story?.trim(),
    archived: input.archived,
  });
  return db.transaction(async (tx) => {
    // The "before" is read again under the row lock: what the previous edit left, not what was
    // read before this transaction started.
    const [before] = await repo.lockIndicators(tx, [indicator.id]);
    if (!before) throw notFound(`Er is geen indicator "${ref}".`);
    await repo.updateIndicator(tx, indicator.id, change);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "indicator",
      entityId: indicator.id,
      summary: `Indicator "${before.name}" gewijzigd`,
      before,
      after: change,
    });
    return before;
  });
}
