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
    expect(account?.roles).toEqual([{ role: "beheerder", scope: "" }]);
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
    expect(
      await resolveSession(database.db, session?.token ?? "", new Date("2026-01-01T21:59:00Z")),
    ).toBeDefined();
    expect(
      await resolveSession(database.db, session?.token ?? "", new Date("2026-01-01T22:01:00Z")),
    ).toBeUndefined();
  });
});
