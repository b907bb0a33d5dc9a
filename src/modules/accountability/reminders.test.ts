import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { insertOrganisation, insertSubsidyWithAgreements } from "../../../test/helpers/partners.js";
import { runDueJobs } from "../../platform/jobs/index.js";
import { listNotifications } from "../../platform/notifications/index.js";
import { listPartnerAccountIds } from "../accounts/index.js";
import { REMINDER_JOB, sendReminders } from "./index.js";

const GM = "GM0356";
let t: TestApp;
let partner: string;
let partnerId: string;
let organisationName: string;
let later: Awaited<ReturnType<typeof insertSubsidyWithAgreements>>;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const own = await insertOrganisation(db, GM, { name: "Buurtvereniging Herinnering" });
  organisationName = own.name;
  partner = await t.sessionFor("partner", own.id);
  [partnerId] = (await listPartnerAccountIds(db, own.id)) as [string];
  await insertSubsidyWithAgreements(db, GM, {
    organisationId: own.id,
    year: 2029,
    requirements: [{ dueOn: "2030-05-11" }, { dueOn: "2030-04-01" }, { dueOn: "2020-01-01" }],
  });
  later = await insertSubsidyWithAgreements(db, GM, {
    organisationId: own.id,
    year: 2030,
    requirements: [{ dueOn: "2030-06-30" }],
  });
  // An application asks nothing back yet: no reminder for it.
  await insertSubsidyWithAgreements(db, GM, {
    organisationId: own.id,
    year: 2030,
    state: "aanvraag",
    requirements: [{ dueOn: "2030-05-05" }],
  });
});
afterAll(async () => {
  await t?.close();
});

const subjects = async () =>
  (await listNotifications(t.database.db, partnerId, 1, 100)).rows.map((n) => n.subject);

describe("reminders for reports due soon or overdue", () => {
  it("reminds once per requirement and stage, however often it runs", async () => {
    const db = t.database.db;
    const may1 = new Date("2030-05-01T06:00:00Z");
    // Due in ten days, overdue since April, and long overdue: three reminders, then none again.
    expect(await sendReminders(db, GM, may1)).toBe(3);
    expect(await sendReminders(db, GM, may1)).toBe(0);
    const first = await subjects();
    expect(first).toHaveLength(3);
    expect(first).toContain(
      `Verantwoording ${organisationName} (subsidie 2029): indienen uiterlijk 11 mei 2030`,
    );
    expect(first.filter((s) => s.endsWith("de termijn is verstreken"))).toHaveLength(2);
    // Past its date, the first one is overdue: one more reminder for that stage.
    expect(await sendReminders(db, GM, new Date("2030-05-16T06:00:00Z"))).toBe(1);
    expect(await sendReminders(db, GM, new Date("2030-05-17T06:00:00Z"))).toBe(0);
  });

  it("stays quiet about a requirement once its report is submitted", async () => {
    const created = await jsonRequest(
      t.app,
      "POST",
      "/api/v1/verantwoordingen",
      { subsidie: later.id, verhaal: "Gedaan.", inzet: "Veel." },
      partner,
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (await jsonRequest(t.app, "GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json()
        .verplichting.id,
    ).toBe(later.requirementIds[0]);
    expect(
      (
        await jsonRequest(
          t.app,
          "POST",
          `/api/v1/verantwoordingen/${id}/indienen`,
          undefined,
          partner,
        )
      ).statusCode,
    ).toBe(200);
    expect(await sendReminders(t.database.db, GM, new Date("2030-06-20T06:00:00Z"))).toBe(0);
  });

  it("runs as the app's job and lists what is overdue on the staff dashboard", async () => {
    const outcomes = await runDueJobs(
      t.database.db,
      t.app.jobs,
      new Date("2030-07-15T06:00:00Z"),
      "test",
    );
    expect(outcomes).toContainEqual({ name: REMINDER_JOB, ok: true });
    const staff = await t.sessionFor("beleidsmedewerker");
    const dashboard = await t.app.inject({
      url: "/beheer/verantwoordingen",
      headers: { cookie: staff },
    });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Te laat");
    expect(dashboard.body).toContain(organisationName);
    expect(
      (await t.app.inject({ url: "/beheer/verantwoordingen", headers: { cookie: partner } }))
        .statusCode,
    ).toBe(403);
    const refused = await t.app.inject({
      url: "/beheer/verantwoordingen?jaar=twintig",
      headers: { cookie: staff },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Subsidiejaar moet een jaartal zijn");
  });
});
