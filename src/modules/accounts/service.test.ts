import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/database.js";
import { systemActor } from "../../platform/actor.js";
import { ensureInitialAdministrator, login, resolveSession } from "./service.js";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("initial beheerder and sessions", () => {
  it("creates the beheerder on an empty database, then never again", async () => {
    const actor = systemActor("GM0356");
    const password = await ensureInitialAdministrator(database.db, actor);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await ensureInitialAdministrator(database.db, actor)).toBeUndefined();
    const session = await login(database.db, "beheerder", password ?? "");
    expect(session).toBeDefined();
    const account = await resolveSession(database.db, session?.token ?? "");
    expect(account?.roles).toEqual([{ role: "beheerder", scope: "", scopeLabel: "" }]);
  });

  it("stores only a hash of the session token and expires sessions", async () => {
    const password = "nog-een-lang-wachtwoord";
    const { createAccount } = await import("./service.js");
    await createAccount(database.db, systemActor("GM0356"), {
      username: "kees",
      displayName: "Kees",
      role: "inwoner",
      password,
    });
    const now = new Date("2026-01-01T10:00:00Z");
    const session = await login(database.db, "kees", password, now);
    const rows = await database.db.query.sessions.findMany();
    expect(rows.some((r) => r.id === session?.token)).toBe(false);
    // Active every 29 minutes, it lives until its absolute end, 12 hours after login.
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    for (let minutes = 29; minutes < 12 * 60; minutes += 29) {
      expect(await resolveSession(database.db, session?.token ?? "", at(minutes))).toBeDefined();
    }
    expect(
      await resolveSession(database.db, session?.token ?? "", new Date("2026-01-01T22:01:00Z")),
    ).toBeUndefined();
  });

  it("ends a session after 30 minutes without requests, and writes lastSeenAt at most once a minute", async () => {
    const now = new Date("2026-02-01T10:00:00Z");
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    const session = await login(database.db, "kees", "nog-een-lang-wachtwoord", now);
    const token = session?.token ?? "";
    const lastSeen = async () =>
      (await database.db.query.sessions.findMany()).find(
        (r) => r.expiresAt.getTime() === session?.expiresAt.getTime(),
      )?.lastSeenAt;
    expect(await resolveSession(database.db, token, at(59))).toBeDefined();
    expect(await lastSeen()).toEqual(now);
    expect(await resolveSession(database.db, token, at(60))).toBeDefined();
    expect(await lastSeen()).toEqual(at(60));
    // 30 minutes after the last recorded activity it has ended, whatever happens next.
    expect(await resolveSession(database.db, token, at(60 + 30 * 60 - 1))).toBeDefined();
    expect(
      await resolveSession(database.db, token, at(60 + 30 * 60 - 1 + 30 * 60)),
    ).toBeUndefined();
    // A shorter idle limit from the configuration applies too.
    const other = await login(database.db, "kees", "nog-een-lang-wachtwoord", now, {
      idleMinutes: 5,
      maxHours: 1,
    });
    const policy = { idleMinutes: 5, maxHours: 1 };
    expect(await resolveSession(database.db, other?.token ?? "", at(4 * 60), policy)).toBeDefined();
    expect(
      await resolveSession(database.db, other?.token ?? "", at(10 * 60), policy),
    ).toBeUndefined();
    expect(other?.expiresAt).toEqual(at(3600));
  });
});
