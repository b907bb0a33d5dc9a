import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/database.js";
import { insertOrganisation, insertWorkArea } from "../../../test/helpers/partners.js";
import type { Actor } from "../../platform/actor.js";
import { AppError } from "../../platform/errors.js";
import { auditEntries } from "../audit/index.js";
import { indicators } from "../monitoring/index.js";
import { saveBudgetPlans } from "./budget-service.js";
import {
  addReportRequirement,
  addSubsidyIndicator,
  removeSubsidyIndicator,
} from "./links-service.js";
import * as repo from "./repository.js";
import { subsidies } from "./schema.js";
import { changeSubsidyState, createSubsidy, editSubsidy } from "./service.js";

const GM = "GM0356";
const actor: Actor = {
  accountId: null,
  name: "tester",
  publicName: "Gemeente (beleidsmedewerker)",
  municipalityCode: GM,
};
let database: Awaited<ReturnType<typeof freshDatabase>>;
let org: { id: string; slug: string };
let area: { id: string; code: string };

beforeAll(async () => {
  database = await freshDatabase();
  org = await insertOrganisation(database.db, GM, { kind: "formeel" });
  area = await insertWorkArea(database.db, GM);
});
afterAll(async () => {
  await database.close();
});

/** The status and field errors an AppError carries, or the error itself when it is something else. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("not refused");
}

const auditOf = (id: string) =>
  database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityId, id), eq(auditEntries.municipalityCode, GM)));

const newDecision = (extra: Parameters<typeof createSubsidy>[2] = {}) =>
  createSubsidy(database.db, actor, {
    organisation: org.slug,
    year: 2025,
    form: "budgetfinanciering",
    workArea: area.code,
    placement: "basis",
    amountCents: 1_250_000,
    assignment: "Sociaal werk in de wijk",
    internalNote: "Let op de looptijd",
    ...extra,
  });

describe("a subsidy decision", () => {
  it("is created with its first history line and an audit entry", async () => {
    const s = await newDecision();
    expect(s.state).toBe("aanvraag");
    expect(s.amountCents).toBe(1_250_000);
    expect(s.workAreaId).toBe(area.id);
    const history = await repo.listStateChanges(database.db, s.id);
    expect(history).toMatchObject([
      { fromState: null, toState: "aanvraag", actorName: actor.publicName },
    ]);
    expect(await auditOf(s.id)).toHaveLength(1);
  });

  it("moves through its states by the rule, with history and one audit entry per change", async () => {
    const s = await newDecision();
    await changeSubsidyState(database.db, actor, s.id, { to: "verleend", note: "Besluit B&W" });
    expect(
      await refusal(changeSubsidyState(database.db, actor, s.id, { to: "aanvraag" })),
    ).toMatchObject({
      status: 409,
    });
    // Establishing needs the established amount.
    expect(
      await refusal(changeSubsidyState(database.db, actor, s.id, { to: "vastgesteld" })),
    ).toMatchObject({ status: 400, fields: [{ field: "vastgesteldBedrag" }] });
    await changeSubsidyState(database.db, actor, s.id, {
      to: "vastgesteld",
      establishedCents: 1_200_050,
    });
    expect(
      await refusal(changeSubsidyState(database.db, actor, s.id, { to: "ingetrokken" })),
    ).toMatchObject({ status: 409 });
    const history = await repo.listStateChanges(database.db, s.id);
    expect(history.map((h) => [h.fromState, h.toState, h.note])).toEqual([
      [null, "aanvraag", "Ingevoerd"],
      ["aanvraag", "verleend", "Besluit B&W"],
      ["verleend", "vastgesteld", null],
    ]);
    expect(await auditOf(s.id)).toHaveLength(3);
    const [row] = await database.db.select().from(subsidies).where(eq(subsidies.id, s.id));
    expect(row).toMatchObject({ state: "vastgesteld", establishedCents: 1_200_050, version: 3 });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const s = await newDecision();
    await editSubsidy(database.db, actor, s.id, { assignment: "Nieuw", version: 1 });
    expect(
      await refusal(editSubsidy(database.db, actor, s.id, { assignment: "Oud", version: 1 })),
    ).toMatchObject({ status: 409 });
    expect(
      await refusal(changeSubsidyState(database.db, actor, s.id, { to: "verleend", version: 1 })),
    ).toMatchObject({ status: 409 });
    const [row] = await database.db.select().from(subsidies).where(eq(subsidies.id, s.id));
    expect(row).toMatchObject({ assignment: "Nieuw", state: "aanvraag", version: 2 });
    expect(await auditOf(s.id)).toHaveLength(2);
  });

  it("gives one concurrent edit of the same version and 409 for the other", async () => {
    const s = await newDecision();
    const results = await Promise.allSettled([
      editSubsidy(database.db, actor, s.id, { assignment: "A", version: 1 }),
      editSubsidy(database.db, actor, s.id, { assignment: "B", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).status).toBe(409);
    const history = await auditOf(s.id);
    expect(history).toHaveLength(2);
  });

  it("refuses a negative, over-large or missing amount with a Dutch message, changing nothing", async () => {
    const before = (await database.db.select().from(subsidies)).length;
    expect(await refusal(newDecision({ amountCents: -1 }))).toMatchObject({
      status: 400,
      fields: [{ field: "bedrag", message: "Bedrag mag niet negatief zijn." }],
    });
    expect(await refusal(newDecision({ amountCents: 10_000_000_001 }))).toMatchObject({
      fields: [{ field: "bedrag", message: expect.stringMatching(/te groot/) }],
    });
    expect(await refusal(newDecision({ amountCents: 12.5 }))).toMatchObject({
      fields: [{ field: "bedrag", message: expect.stringMatching(/bedrag in euro/) }],
    });
    expect(await refusal(newDecision({ amountCents: undefined }))).toMatchObject({
      fields: [{ field: "bedrag", message: "Bedrag is verplicht." }],
    });
    expect(await refusal(newDecision({ organisation: "bestaat-niet" }))).toMatchObject({
      fields: [{ field: "organisatie" }],
    });
    expect((await database.db.select().from(subsidies)).length).toBe(before);
  });

  it("agrees indicators and requirements, each an audited change of the decision", async () => {
    const s = await newDecision();
    const [ind] = await database.db
      .insert(indicators)
      .values({ municipalityCode: GM, slug: "bereik", name: "Bereik", unit: "aantal", source: "t" })
      .returning();
    if (!ind) throw new Error("no indicator");
    const agreed = await addSubsidyIndicator(database.db, actor, s.id, {
      indicatorId: ind.id,
      target: 120,
    });
    expect(
      await refusal(addSubsidyIndicator(database.db, actor, s.id, { indicatorId: ind.id })),
    ).toMatchObject({ status: 409 });
    await addReportRequirement(database.db, actor, s.id, {
      kind: "verantwoording",
      dueOn: "2026-04-01",
    });
    expect(
      await refusal(
        addReportRequirement(database.db, actor, s.id, {
          kind: "verantwoording",
          dueOn: "2026-02-30",
        }),
      ),
    ).toMatchObject({ status: 400, fields: [{ field: "uiterlijk" }] });
    await removeSubsidyIndicator(database.db, actor, s.id, agreed.id);
    const [row] = await database.db.select().from(subsidies).where(eq(subsidies.id, s.id));
    expect(row?.version).toBe(4);
  });
});

describe("budget plans", () => {
  it("saves planned amounts all or nothing, with a 409 on a stale version", async () => {
    const other = await insertWorkArea(database.db, GM);
    await saveBudgetPlans(database.db, actor, 2030, [
      { workAreaId: area.id, plannedCents: 5_000_000 },
      { workAreaId: other.id, plannedCents: 100 },
    ]);
    expect(
      await refusal(
        saveBudgetPlans(database.db, actor, 2030, [
          { workAreaId: area.id, plannedCents: 1 },
          { workAreaId: other.id, plannedCents: -5 },
        ]),
      ),
    ).toMatchObject({ status: 400 });
    const plans = await repo.listBudgetPlans(database.db, GM, 2030);
    expect(plans.map((p) => p.plannedCents).sort()).toEqual([100, 5_000_000]);
    await saveBudgetPlans(database.db, actor, 2030, [
      { workAreaId: area.id, plannedCents: 6_000_000, version: 1 },
    ]);
    expect(
      await refusal(
        saveBudgetPlans(database.db, actor, 2030, [
          { workAreaId: area.id, plannedCents: 7, version: 1 },
        ]),
      ),
    ).toMatchObject({ status: 409 });
    const again = await repo.listBudgetPlans(database.db, GM, 2030);
    expect(again.find((p) => p.workAreaId === area.id)?.plannedCents).toBe(6_000_000);
  });
});
