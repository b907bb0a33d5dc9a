import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  activities,
  activityStatusChanges,
  activityYears,
  auditEntries,
  indicators,
  measurements,
} from "../src/db/schema.js";
import {
  formPost,
  formSession,
  jsonRequest,
  startTestApp,
  type TestApp,
  useTestApp,
} from "./helpers/app.js";
import { testDatabaseUrl } from "./helpers/database.js";

// Races only show with real parallel connections; PGlite runs one transaction at a time, where the
// point is instead that waiting is bounded (last block).
const onPostgres = testDatabaseUrl() !== undefined;

/** Statuses that need no explanation, so every request is valid and only the race is tested. */
const STATUSES = ["in_uitvoering", "gerealiseerd", "deels_gerealiseerd", "gepland", "extra"];

/** The i-th of a burst of status changes of one activity-year: each one valid, so only the race counts. */
const statusChange = (t: TestApp, a: { id: string; jaar: number }, i: number, cookie: string) =>
  jsonRequest(
    t.app,
    "PATCH",
    `/api/v1/activiteiten/${a.id}/jaren/${a.jaar}`,
    { status: STATUSES[i % STATUSES.length], realisatie: `poging ${i}` },
    cookie,
  );

async function firstActivity(t: TestApp) {
  const list = (
    await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020&jaar=2020" })
  ).json().activiteiten;
  return list[0] as { id: string; jaar: number; status: string };
}

/** History and audit of one activity-year, in the order they say things happened. */
async function trail(t: TestApp, activityId: string, year: number) {
  const db = t.database.db;
  const history = await db
    .select({
      from: activityStatusChanges.fromStatus,
      to: activityStatusChanges.toStatus,
      at: activityStatusChanges.changedAt,
    })
    .from(activityStatusChanges)
    .innerJoin(activityYears, eq(activityYears.id, activityStatusChanges.activityYearId))
    .where(and(eq(activityYears.activityId, activityId), eq(activityYears.year, year)))
    .orderBy(asc(activityStatusChanges.changedAt));
  const audit = await db
    .select()
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.entityType, "activiteit"),
        eq(auditEntries.entityId, `${activityId}/${year}`),
      ),
    )
    .orderBy(asc(auditEntries.occurredAt), asc(auditEntries.id));
  return { history, audit };
}

describe.skipIf(!onPostgres)("concurrent writes on PostgreSQL", () => {
  const t = useTestApp(["beleidsmedewerker"]);
  const staff = () => t.cookie("beleidsmedewerker");

  it("50 status changes of one activity: no 5xx, history and audit form one unbroken chain", async () => {
    const a = await firstActivity(t);
    const initial = await trail(t, a.id, a.jaar);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => statusChange(t, a, i, staff())),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);

    const { history, audit } = await trail(t, a.id, a.jaar);
    const newHistory = history.slice(initial.history.length);
    const newAudit = audit.slice(initial.audit.length);
    expect(newHistory).toHaveLength(50);
    expect(newAudit).toHaveLength(50);
    // Each change starts where the previous one ended; a stale read breaks the chain.
    let status = a.status;
    for (const h of newHistory) {
      expect(h.from).toBe(status);
      status = h.to;
    }
    // Timestamps are distinct, so the order above is the order the changes were made in.
    expect(new Set(newHistory.map((h) => h.at.getTime())).size).toBe(50);
    let after = newAudit[0]?.before as { status: string; realisatie: string | null };
    expect(after.status).toBe(a.status);
    for (const entry of newAudit) {
      expect(entry.before).toEqual(after);
      after = entry.after as typeof after;
    }
    const [row] = await t.database.db
      .select()
      .from(activityYears)
      .where(and(eq(activityYears.activityId, a.id), eq(activityYears.year, a.jaar)));
    expect(row?.status).toBe(status);
    expect(row?.realisationText).toBe(after.realisatie);
  });

  it("two imports of the same new measurement: one wins, the other gets 409 or is merged, never 500", async () => {
    const header =
      "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting";
    const importCsv = (year: number, value: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/metingen/import",
        headers: { cookie: staff(), "content-type": "text/csv" },
        payload: `${header}\nmsk-sociale-samenhang,GM0356,${year},,realisatie,${value},Test,,definitief,\n`,
      });
    // Ten pairs at once, so at least some pairs really overlap.
    // Past years: a realisation for a future year is refused by the import.
    const years = Array.from({ length: 10 }, (_, i) => 1960 + i);
    const pairs = await Promise.all(
      years.map((year) => Promise.all([importCsv(year, 6.1), importCsv(year, 6.2)])),
    );
    const [indicator] = await t.database.db
      .select()
      .from(indicators)
      .where(eq(indicators.slug, "msk-sociale-samenhang"));
    for (const [year, pair] of pairs.map((p, i) => [years[i] as number, p] as const)) {
      const codes = pair.map((r) => r.statusCode);
      expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
      expect(codes).toContain(200);
      const results = pair.filter((r) => r.statusCode === 200).map((r) => r.json());
      // Exactly one import created the measurement; a second successful one corrected it.
      expect(results.reduce((n, r) => n + r.nieuw, 0)).toBe(1);
      for (const r of pair.filter((x) => x.statusCode === 409)) {
        expect(r.headers["content-type"]).toContain("application/problem+json");
        expect(r.json().detail).toMatch(/meting/i);
      }
      const rows = await t.database.db
        .select()
        .from(measurements)
        .where(
          and(
            eq(measurements.indicatorId, indicator?.id as string),
            eq(measurements.areaCode, "GM0356"),
            eq(measurements.year, year),
          ),
        );
      expect(rows).toHaveLength(1);
    }
  });

  it("activities created at once in one section get distinct slugs and numbers", async () => {
    const doc = await jsonRequest(
      t.app,
      "POST",
      "/api/v1/beleidsdocumenten",
      { soort: "begroting", titel: "Gelijktijdig 2030", eersteJaar: 2030, laatsteJaar: 2031 },
      staff(),
    );
    expect(doc.statusCode).toBe(201);
    const section = await jsonRequest(
      t.app,
      "POST",
      `/api/v1/beleidsdocumenten/${doc.json().code}/onderdelen`,
      { soort: "programma", titel: "Samen doen" },
      staff(),
    );
    expect(section.statusCode).toBe(201);
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        jsonRequest(
          t.app,
          "POST",
          "/api/v1/activiteiten",
          { document: doc.json().code, onderdeel: section.json().code, tekst: `Activiteit ${i}` },
          staff(),
        ),
      ),
    );
    expect(created.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const rows = await t.database.db
      .select()
      .from(activities)
      .where(eq(activities.sectionId, section.json().id));
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(30);
    expect(new Set(rows.map((r) => r.number)).size).toBe(30);
    expect(new Set(rows.map((r) => r.position)).size).toBe(30);
  });

  it("a unique-key conflict the service did not foresee is a 409 with a Dutch message", async () => {
    const body = { naam: "Regio Lekstroom gelijktijdig", soort: "regionaal" };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        jsonRequest(t.app, "POST", "/api/v1/samenwerkingsverbanden", body, staff()),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c !== 201 && c !== 409)).toEqual([]);
    for (const r of responses.filter((x) => x.statusCode === 409))
      expect(r.json().detail).toMatch(/al een samenwerkingsverband/);
  });
});

describe.skipIf(!onPostgres)("PostgreSQL: a write waits at most DB_WAIT_LIMIT_MS", () => {
  it("a status change blocked by a row lock beyond the limit gets 503 with Retry-After and changes nothing", async () => {
    const t = await startTestApp({ dbWaitLimitMs: 300 });
    try {
      const staff = await t.sessionFor("beleidsmedewerker");
      const a = await firstActivity(t);
      const before = await trail(t, a.id, a.jaar);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let signalLocked: () => void = () => undefined;
      const locked = new Promise<void>((resolve) => {
        signalLocked = resolve;
      });
      // Another session holds the row, as a long transaction of a colleague would.
      const holder = t.database.db.transaction(async (tx) => {
        await tx
          .select()
          .from(activityYears)
          .where(and(eq(activityYears.activityId, a.id), eq(activityYears.year, a.jaar)))
          .for("update");
        signalLocked();
        await held;
      });
      await locked;
      const res = await jsonRequest(
        t.app,
        "PATCH",
        `/api/v1/activiteiten/${a.id}/jaren/${a.jaar}`,
        { status: "extra", realisatie: "geblokkeerd" },
        staff,
      );
      release();
      await holder;
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("1");
      expect(res.json().detail).toMatch(/niets gewijzigd/);
      const after = await trail(t, a.id, a.jaar);
      expect(after.history).toHaveLength(before.history.length);
      expect(after.audit).toHaveLength(before.audit.length);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(onPostgres)("PGlite: a transaction waits at most DB_WAIT_LIMIT_MS", () => {
  const t = useTestApp(["beleidsmedewerker"]);
  const staff = () => t.cookie("beleidsmedewerker");
  /** Runs a burst of requests with a 1 ms limit: every write that has to wait is given up. */
  async function withLowLimit<T>(burst: () => Promise<T>): Promise<T> {
    const queue = t.database.transactions;
    if (!queue) throw new Error("PGlite has a transaction queue");
    const limit = queue.waitLimitMs;
    queue.waitLimitMs = 1;
    try {
      return await burst();
    } finally {
      queue.waitLimitMs = limit;
    }
  }

  it("writes beyond the limit get 503 with Retry-After and change nothing", async () => {
    const a = await firstActivity(t);
    const initial = await trail(t, a.id, a.jaar);
    const responses = await withLowLimit(() =>
      Promise.all(Array.from({ length: 30 }, (_, i) => statusChange(t, a, i, staff()))),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c !== 200 && c !== 503)).toEqual([]);
    const busy = responses.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.headers["retry-after"]).toMatch(/^[1-9]\d*$/);
      expect(r.headers["content-type"]).toContain("application/problem+json");
      expect(r.json().detail).toMatch(/probeer het/i);
    }
    const done = codes.filter((c) => c === 200).length;
    const { history, audit } = await trail(t, a.id, a.jaar);
    expect(history.length - initial.history.length).toBe(done);
    expect(audit.length - initial.audit.length).toBe(done);
  });

  it("a form beyond the limit gets the error page with 503 and Retry-After", async () => {
    const a = await firstActivity(t);
    const { token, cookie } = await formSession(t.app, `/activiteiten/${a.id}`, staff());
    const responses = await withLowLimit(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          formPost(t.app, `/activiteiten/${a.id}/status`, cookie, {
            _csrf: token,
            jaar: String(a.jaar),
            status: STATUSES[i % STATUSES.length] as string,
          }),
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((c) => c !== 303 && c !== 503)).toEqual([]);
    const busy = responses.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.headers["retry-after"]).toMatch(/^[1-9]\d*$/);
      expect(r.headers["content-type"]).toContain("text/html");
    }
  });
});
