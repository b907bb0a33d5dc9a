import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/database.js";
import { insertOrganisation } from "../../../test/helpers/partners.js";
import { indicators } from "../monitoring/index.js";
import {
  getSubsidyForReport,
  listOpenRequirements,
  listSubsidiesOfOrganisations,
} from "./report-reads.js";
import { subsidies, subsidyIndicators, subsidyReportRequirements } from "./schema.js";

const GM = "0356";
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

async function decision(organisationId: string, state: "aanvraag" | "verleend", year = 2025) {
  const [row] = await database.db
    .insert(subsidies)
    .values({
      municipalityCode: GM,
      organisationId,
      year,
      form: "projectsubsidie",
      state,
      amountCents: 125_000,
      assignment: "Buurtactiviteiten",
      internalNote: "geheim",
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

describe("reads for the accountability module", () => {
  it("gives a decision with its agreed indicators and requirements, never the internal note", async () => {
    const org = await insertOrganisation(database.db, GM, { kind: "informeel" });
    const s = await decision(org.id, "verleend");
    const [ind] = await database.db
      .insert(indicators)
      .values({
        municipalityCode: GM,
        slug: "deelnemers",
        name: "Deelnemers",
        unit: "aantal",
        source: "test",
      })
      .returning();
    if (!ind) throw new Error("no indicator");
    await database.db
      .insert(subsidyIndicators)
      .values({ subsidyId: s.id, indicatorId: ind.id, target: 40 });
    await database.db.insert(subsidyReportRequirements).values([
      { subsidyId: s.id, kind: "verantwoording", dueOn: "2026-04-01", description: "Eindverslag" },
      { subsidyId: s.id, kind: "voortgangsgesprek", dueOn: "2025-09-01" },
    ]);

    const report = await getSubsidyForReport(database.db, GM, s.id);
    expect(report).toMatchObject({
      id: s.id,
      organisationId: org.id,
      organisationName: org.name,
      organisationKind: "informeel",
      year: 2025,
      state: "verleend",
      assignment: "Buurtactiviteiten",
      indicators: [{ indicatorId: ind.id, name: "Deelnemers", unit: "aantal", target: 40 }],
    });
    expect(report?.requirements.map((r) => r.dueOn)).toEqual(["2025-09-01", "2026-04-01"]);
    expect(JSON.stringify(report)).not.toContain("geheim");
    expect(await getSubsidyForReport(database.db, "9999", s.id)).toBeNull();

    const open = await listOpenRequirements(database.db, GM, "2026-01-01");
    expect(open.filter((r) => r.subsidyId === s.id)).toMatchObject([
      { kind: "voortgangsgesprek", dueOn: "2025-09-01", organisationName: org.name },
    ]);
  });

  it("lists only the organisations asked for, optionally one year", async () => {
    const a = await insertOrganisation(database.db, GM);
    const b = await insertOrganisation(database.db, GM);
    await decision(a.id, "aanvraag", 2024);
    await decision(a.id, "verleend", 2025);
    await decision(b.id, "verleend", 2025);
    const all = await listSubsidiesOfOrganisations(database.db, GM, [a.id]);
    expect(all.map((s) => [s.organisationId, s.year])).toEqual([
      [a.id, 2024],
      [a.id, 2025],
    ]);
    expect(await listSubsidiesOfOrganisations(database.db, GM, [a.id, b.id], 2025)).toHaveLength(2);
    expect(await listSubsidiesOfOrganisations(database.db, GM, [])).toEqual([]);
  });
});
