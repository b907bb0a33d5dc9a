import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  cookiesFrom,
  formLogin,
  formPost,
  formSession,
  secondInstance,
  sessionIdOf,
  staffApiWrite,
  submitForm,
  useTestApp,
} from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import { auditEntries } from "../audit/index.js";
import { sessions } from "./schema.js";
import { createAccount, ensureInitialAdministrator } from "./service.js";

const t = useTestApp();

const db = () => t.database.db;
const PASSWORD = "een-lang-genoeg-wachtwoord";

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  formPost(t.app, url, cookie, fields);

let counter = 0;
/** A beleidsmedewerker with a known password, logged in from `browsers` browsers. */
async function accountWithSessions(browsers: number) {
  counter += 1;
  const username = `sessie-${counter}`;
  await createAccount(db(), systemActor("GM0356"), {
    username,
    displayName: `Sessie ${counter}`,
    role: "beleidsmedewerker",
    password: PASSWORD,
  });
  const cookies: string[] = [];
  for (let i = 0; i < browsers; i++) {
    const { response, cookie } = await formLogin(t.app, username, PASSWORD);
    expect(response.statusCode).toBe(303);
    cookies.push(cookie);
  }
  return { username, cookies };
}

const page = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
/** An API write a beleidsmedewerker may do: 200 when logged in, 401 when the session is gone. */
const apiWrite = (cookie: string) => staffApiWrite(t.app, cookie);
const expectLoggedOut = async (cookie: string) => {
  expect((await apiWrite(cookie)).statusCode).toBe(401);
  const account = await page("/account", cookie);
  expect(account.statusCode).toBe(303);
  expect(account.headers.location).toBe("/inloggen?terug=%2Faccount");
};

const setSession = (cookie: string, values: { lastSeenAt?: Date; expiresAt?: Date }) =>
  db()
    .update(sessions)
    .set(values)
    .where(eq(sessions.id, sessionIdOf(cookie)));

describe("changing the password", () => {
  it("ends the account's other sessions (401 on their next request) and keeps the current one", async () => {
    const { cookies } = await accountWithSessions(2);
    const [current = "", other = ""] = cookies;
    expect((await apiWrite(other)).statusCode).toBe(200);
    const res = await submitForm(t.app, "/account", current, "/account/wachtwoord", {
      huidig: PASSWORD,
      nieuw: "paarse-olifant-fietst-naar-vianen",
    });
    expect(res.statusCode).toBe(303);
    await expectLoggedOut(other);
    expect((await apiWrite(current)).statusCode).toBe(200);
    expect((await page("/account", current)).statusCode).toBe(200);
  });

  it("ends nothing when the current password is wrong", async () => {
    const { cookies } = await accountWithSessions(2);
    const [current = "", other = ""] = cookies;
    const res = await submitForm(t.app, "/account", current, "/account/wachtwoord", {
      huidig: "niet-het-goede-wachtwoord",
      nieuw: "paarse-olifant-fietst-naar-vianen",
    });
    expect(res.statusCode).toBe(400);
    expect((await apiWrite(other)).statusCode).toBe(200);
  });
});

describe("overal uitloggen", () => {
  it("ends every session of the account, the current one included, and sends to the login page", async () => {
    const { username, cookies } = await accountWithSessions(3);
    const [current = "", ...others] = cookies;
    const bystander = (await accountWithSessions(1)).cookies[0] ?? "";
    const { token, cookie } = await formSession(t.app, "/account", current);
    const res = await post("/account/overal-uitloggen", cookie, { _csrf: token });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/inloggen");
    expect(res.cookies.find((c) => c.name === "samenkracht_sessie")?.value).toBe("");
    const login = await page("/inloggen", cookiesFrom(res, cookie));
    expect(login.body).toContain("U bent overal uitgelogd.");
    for (const c of [current, ...others]) await expectLoggedOut(c);
    expect((await apiWrite(bystander)).statusCode).toBe(200);
    const [entry] = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.actorName, username));
    expect(entry?.summary).toBe("Overal uitgelogd: 3 sessies beëindigd");
  });

  it("is refused without a login", async () => {
    const { token, cookie } = await formSession(t.app, "/inloggen");
    expect((await post("/account/overal-uitloggen", cookie, { _csrf: token })).statusCode).toBe(
      401,
    );
  });
});

describe("session lifetime", () => {
  it("ends a session after SESSION_IDLE_MINUTES without requests", async () => {
    const [idle = "", active = ""] = (await accountWithSessions(2)).cookies;
    await setSession(idle, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    await setSession(active, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
    await expectLoggedOut(idle);
    // Still active: the request counts as activity again.
    expect((await apiWrite(active)).statusCode).toBe(200);
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(active)));
    expect(Date.now() - (row?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it("ends a session at its absolute end (SESSION_MAX_HOURS after login), however active", async () => {
    const [cookie = ""] = (await accountWithSessions(1)).cookies;
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionIdOf(cookie)));
    expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBe(12 * 3600_000);
    await setSession(cookie, { expiresAt: new Date(Date.now() - 1000) });
    await expectLoggedOut(cookie);
  });

  it("takes the limits from the configuration", async () => {
    const app = await secondInstance(t, { sessionIdleMinutes: 5, sessionMaxHours: 2 });
    try {
      const { username } = await accountWithSessions(0);
      const { response: res, cookie } = await formLogin(app, username, PASSWORD);
      expect(res.statusCode).toBe(303);
      expect(res.cookies.find((c) => c.name === "samenkracht_sessie")?.maxAge).toBe(2 * 3600);
      const [row] = await db()
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdOf(cookie)));
      expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBe(2 * 3600_000);
      await setSession(cookie, { lastSeenAt: new Date(Date.now() - 6 * 60_000) });
      expect((await app.inject({ url: "/account", headers: { cookie } })).statusCode).toBe(303);
    } finally {
      await app.close();
    }
  });
});

describe("caching", () => {
  it("sends Cache-Control: no-store with everything a logged-in account gets, not with public pages", async () => {
    const [cookie = ""] = (await accountWithSessions(1)).cookies;
    for (const url of [
      "/beleid",
      "/account",
      "/monitor/cbs-inwoners/grafiek.svg",
      "/bestaat-niet",
    ]) {
      const res = await page(url, cookie);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    const anonymous = await t.app.inject({ url: "/beleid" });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["cache-control"]).toBeUndefined();
    const chart = await t.app.inject({ url: "/monitor/cbs-inwoners/grafiek.svg" });
    expect(chart.headers["cache-control"]).toBe("public, max-age=300");
  });
});

describe("the first beheerder's one-time password", () => {
  it("must be changed before anything else", async () => {
    // The test app already has beheerders; on an empty installation the first one is made so.
    const { freshDatabase } = await import("../../../test/helpers/database.js");
    const empty = await freshDatabase();
    try {
      const password = await ensureInitialAdministrator(empty.db, systemActor("GM0356"));
      expect(password).toBeDefined();
      const row = await empty.db.query.accounts.findFirst();
      expect(row?.mustChangePassword).toBe(true);
    } finally {
      await empty.close();
    }
  });
});
