import { and, desc, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  formLogin,
  formPost,
  formSession,
  sessionIdOf,
  staffApiWrite,
  useTestApp,
} from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import { auditEntries, countAuditEntries } from "../audit/index.js";
import { accountRoles, accounts, sessions } from "./schema.js";
import { createAccount } from "./service.js";
import { issueApiToken } from "./token-service.js";

const t = useTestApp(["beheerder"]);
const admin = () => t.cookie("beheerder");

const db = () => t.database.db;
const PASSWORD = "een-lang-genoeg-wachtwoord";
const NEW_PASSWORD = "paarse-olifant-fietst-naar-vianen";

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  formPost(t.app, url, cookie, fields);

/** Logs in through the form, as another browser would; the cookie header, or undefined. */
async function browserLogin(username: string, password: string) {
  const { response, cookie } = await formLogin(t.app, username, password);
  return response.statusCode === 303 ? cookie : undefined;
}

/** Posts one of the small forms of an account page as the beheerder (CSRF token from that page). */
async function adminAction(id: string, action: string, fields: Record<string, string> = {}) {
  const { token, cookie } = await formSession(t.app, `/beheer/gebruikers/${id}`, admin());
  return post(`/beheer/gebruikers/${id}/${action}`, cookie, { _csrf: token, ...fields });
}

async function makeAccount(username: string, role = "beleidsmedewerker", scope?: string) {
  const { account } = await createAccount(db(), systemActor("GM0356"), {
    username,
    displayName: `Test ${username}`,
    role,
    scope,
    password: PASSWORD,
  });
  return account.id;
}

/** An API write a beleidsmedewerker may do: 200 with the right, 403 without, 401 anonymous. */
const apiWrite = (cookie: string) => staffApiWrite(t.app, cookie);

/** The account behind a session cookie. */
async function accountIdOf(cookie: string): Promise<string> {
  const [row] = await db()
    .select()
    .from(sessions)
    .where(eq(sessions.id, sessionIdOf(cookie)));
  if (!row) throw new Error("no session for this cookie");
  return row.accountId;
}

const lastAudit = async (entityId: string) =>
  (
    await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, entityId))
      .orderBy(desc(auditEntries.id))
      .limit(1)
  )[0];

describe("the account list", () => {
  it("pages and sorts, with status, last login and the one-time password mark", async () => {
    await db()
      .insert(accounts)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          municipalityCode: "GM0356",
          username: `lijst-${String(i).padStart(2, "0")}`,
          displayName: `Lijst ${99 - i}`,
          passwordHash: "geen-echte-hash",
          active: i !== 3,
          mustChangePassword: i === 4,
        })),
      );
    const first = await t.app.inject({ url: "/beheer/gebruikers", headers: { cookie: admin() } });
    expect(first.statusCode).toBe(200);
    expect(first.body.match(/<tr class="utrecht-table__row">/g)?.length).toBe(1 + 25);
    expect(first.body).toContain('href="/beheer/gebruikers?pagina=2"');
    expect(first.body).toMatch(/aria-sort="ascending"[^>]*>\s*<a[^>]*>Gebruikersnaam/);

    const second = await t.app.inject({
      url: "/beheer/gebruikers?pagina=2",
      headers: { cookie: admin() },
    });
    expect(second.body).toContain("lijst-29");
    expect(second.body).not.toContain("lijst-00<");

    const byName = await t.app.inject({
      url: "/beheer/gebruikers?sorteer=naam&volgorde=aflopend",
      headers: { cookie: admin() },
    });
    // Names 99, 98, 97… belong to lijst-00, lijst-01, lijst-02…
    const order = [...byName.body.matchAll(/>(lijst-\d\d)</g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["lijst-00", "lijst-01", "lijst-02"]);
    expect(byName.body).toMatch(/aria-sort="descending"[^>]*>\s*<a[^>]*>Naam/);

    const row = (name: string, body: string) =>
      new RegExp(`<tr[^>]*>(?:(?!</tr>).)*>${name}<(?:(?!</tr>).)*</tr>`, "s").exec(body)?.[0];
    expect(row("lijst-03", first.body)).toContain("Gedeactiveerd");
    expect(row("lijst-04", first.body)).toContain("moet wachtwoord wijzigen");
    expect(row("lijst-05", first.body)).toContain("Actief");
    expect(row("lijst-05", first.body)).toContain("nooit");

    // A page past the end shows the last page; a bad sort the default.
    const past = await t.app.inject({
      url: "/beheer/gebruikers?pagina=999&sorteer=wachtwoord",
      headers: { cookie: admin() },
    });
    expect(past.statusCode).toBe(200);
    expect(past.body).toMatch(/Pagina (\d+) van \1/);
  });

  it("is for the beheerder only, also the account pages and their actions", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const id = await makeAccount("alleen-beheer");
    expect(
      (await t.app.inject({ url: `/beheer/gebruikers/${id}`, headers: { cookie: staff } }))
        .statusCode,
    ).toBe(403);
    const { token, cookie } = await formSession(t.app, "/account", staff);
    const before = await countAuditEntries(db());
    for (const action of ["deactiveren", "wachtwoord-herstellen", "rollen"]) {
      const res = await post(`/beheer/gebruikers/${id}/${action}`, cookie, {
        _csrf: token,
        rol: "beheerder",
      });
      expect(res.statusCode, action).toBe(403);
    }
    expect(await countAuditEntries(db())).toBe(before);
    expect(
      (await t.app.inject({ url: "/beheer/gebruikers/geen-id", headers: { cookie: admin() } }))
        .statusCode,
    ).toBe(404);
  });
});

describe("creating an account", () => {
  it("shows a one-time password that works once logged in only for choosing an own password", async () => {
    const { token, cookie } = await formSession(t.app, "/beheer/gebruikers", admin());
    const res = await post("/beheer/gebruikers", cookie, {
      _csrf: token,
      gebruikersnaam: "nieuwkomer",
      naam: "Nina Nieuwkomer",
      rol: "beleidsmedewerker",
    });
    expect(res.statusCode).toBe(201);
    const password = /<code class="sk-password">([A-Za-z0-9]{20})<\/code>/.exec(res.body)?.[1];
    expect(password).toBeDefined();
    const [row] = await db().select().from(accounts).where(eq(accounts.username, "nieuwkomer"));
    expect(res.body).toContain(`href="/beheer/gebruikers/${row?.id}"`);
    expect(row?.mustChangePassword).toBe(true);

    const session = await browserLogin("nieuwkomer", password ?? "");
    expect(session).toBeDefined();
    const cookieHeader = session ?? "";
    // Every page but the account page sends the user there, with a message.
    for (const url of ["/beleid", "/", "/beheer/audit"]) {
      const page = await t.app.inject({ url, headers: { cookie: cookieHeader } });
      expect(page.statusCode, url).toBe(303);
      expect(page.headers.location).toBe("/account");
    }
    const api = await apiWrite(cookieHeader);
    expect(api.statusCode).toBe(403);
    expect(api.headers["content-type"]).toMatch(/problem\+json/);
    expect(api.json().detail).toMatch(/^Wijzig eerst uw wachtwoord/);
    const read = await t.app.inject({ url: "/api/v1/gebieden", headers: { cookie: cookieHeader } });
    expect(read.statusCode).toBe(403);
    // Static files are not pages: the account page needs its stylesheet.
    const css = await t.app.inject({
      url: "/assets/css/samenkracht.css",
      headers: { cookie: cookieHeader },
    });
    expect(css.statusCode).toBe(200);
    const accountPage = await t.app.inject({ url: "/account", headers: { cookie: cookieHeader } });
    expect(accountPage.statusCode).toBe(200);
    expect(accountPage.body).toContain("eenmalig wachtwoord");

    // The one-time password cannot be "changed" into itself.
    const { token: csrf, cookie: jar } = await formSession(t.app, "/account", cookieHeader);
    const same = await post("/account/wachtwoord", jar, {
      _csrf: csrf,
      huidig: password ?? "",
      nieuw: password ?? "",
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain("anders zijn dan het huidige wachtwoord");
    const changed = await post("/account/wachtwoord", jar, {
      _csrf: csrf,
      huidig: password ?? "",
      nieuw: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(303);
    expect(
      (await t.app.inject({ url: "/beleid", headers: { cookie: cookieHeader } })).statusCode,
    ).toBe(200);
    expect((await apiWrite(cookieHeader)).statusCode).toBe(200);
    const [after] = await db().select().from(accounts).where(eq(accounts.username, "nieuwkomer"));
    expect(after?.mustChangePassword).toBe(false);
  });
});

describe("deactivating and reactivating", () => {
  it("ends the account's sessions and tokens at once, refuses its login, and audits without the hash", async () => {
    const id = await makeAccount("vertrekker");
    const elsewhere = (await browserLogin("vertrekker", PASSWORD)) ?? "";
    expect((await apiWrite(elsewhere)).statusCode).toBe(200);
    const { token: apiToken } = await issueApiToken(db(), systemActor("GM0356"), {
      accountId: id,
      name: "Koppeling vertrekker",
      expires: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const withToken = () =>
      t.app.inject({
        url: "/api/v1/gebieden",
        headers: { authorization: `Bearer ${apiToken}` },
      });
    expect((await withToken()).statusCode).toBe(200);

    const page = await t.app.inject({
      url: `/beheer/gebruikers/${id}`,
      headers: { cookie: admin() },
    });
    // The most used action first: resetting the password, then (de)activating.
    expect(page.body.indexOf("wachtwoord-herstellen")).toBeLessThan(
      page.body.indexOf("deactiveren"),
    );
    const res = await adminAction(id, "deactiveren");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/beheer/gebruikers/${id}`);

    // The other browser: 401 on its next API request, the login page on its next page.
    expect((await apiWrite(elsewhere)).statusCode).toBe(401);
    const accountPage = await t.app.inject({ url: "/account", headers: { cookie: elsewhere } });
    expect(accountPage.statusCode).toBe(303);
    expect(accountPage.headers.location).toMatch(/^\/inloggen/);
    expect((await withToken()).statusCode).toBe(401);
    expect(await browserLogin("vertrekker", PASSWORD)).toBeUndefined();

    const detail = await t.app.inject({
      url: `/beheer/gebruikers/${id}`,
      headers: { cookie: admin() },
    });
    expect(detail.body).toContain("Gedeactiveerd");
    const entry = await lastAudit(id);
    expect(entry?.summary).toBe(
      "Gebruiker vertrekker gedeactiveerd; 1 sessie beëindigd, 1 API-token ingetrokken",
    );
    expect(entry?.before).toMatchObject({ active: true, username: "vertrekker" });
    expect(entry?.after).toMatchObject({ active: false });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|passwordHash/);

    // Deactivating again is refused with the reason on the page, and changes nothing.
    const before = await countAuditEntries(db());
    const again = await adminAction(id, "deactiveren");
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("al gedeactiveerd");
    expect(again.body).toContain('href="#veld-status"');
    expect(await countAuditEntries(db())).toBe(before);

    const back = await adminAction(id, "heractiveren");
    expect(back.statusCode).toBe(303);
    const session = await browserLogin("vertrekker", PASSWORD);
    expect(session).toBeDefined();
    expect((await apiWrite(session ?? "")).statusCode).toBe(200);
    expect((await lastAudit(id))?.after).toMatchObject({ active: true });
    // The token was revoked, not only refused: reactivating does not bring back system access.
    expect((await withToken()).statusCode).toBe(401);
  });
});

describe("resetting a password", () => {
  it("refuses the old password, shows a one-time password once that forces a change, and ends the sessions", async () => {
    const id = await makeAccount("vergeetachtig");
    const elsewhere = (await browserLogin("vergeetachtig", PASSWORD)) ?? "";
    const res = await adminAction(id, "wachtwoord-herstellen");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const oneTime = /<code class="sk-password">([A-Za-z0-9]{20})<\/code>/.exec(res.body)?.[1];
    expect(oneTime).toBeDefined();
    // Shown once: the account page does not show it again.
    const detail = await t.app.inject({
      url: `/beheer/gebruikers/${id}`,
      headers: { cookie: admin() },
    });
    expect(detail.body).not.toContain(oneTime);
    expect(detail.body).toContain("moet wachtwoord wijzigen");

    expect((await apiWrite(elsewhere)).statusCode).toBe(401);
    expect(await browserLogin("vergeetachtig", PASSWORD)).toBeUndefined();
    const session = (await browserLogin("vergeetachtig", oneTime ?? "")) ?? "";
    expect(session).not.toBe("");
    const page = await t.app.inject({ url: "/monitor", headers: { cookie: session } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/account");
    expect((await apiWrite(session)).statusCode).toBe(403);

    const entry = await lastAudit(id);
    expect(entry?.summary).toMatch(/^Wachtwoord van vergeetachtig opnieuw ingesteld/);
    expect(entry?.after).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify(entry)).not.toContain(oneTime);
    expect(JSON.stringify(entry)).not.toMatch(/argon2/);
  });
});

describe("roles", () => {
  it("adds and removes roles with their scope; the permission follows at once", async () => {
    const id = await makeAccount("rolwisselaar", "inwoner");
    const session = (await browserLogin("rolwisselaar", PASSWORD)) ?? "";
    expect((await apiWrite(session)).statusCode).toBe(403);

    const added = await adminAction(id, "rollen", { rol: "beleidsmedewerker", scope: "genegeerd" });
    expect(added.statusCode).toBe(303);
    expect((await apiWrite(session)).statusCode).toBe(200);
    const roles = await db().select().from(accountRoles).where(eq(accountRoles.accountId, id));
    expect(roles.map((r) => [r.role, r.scope]).sort()).toEqual([
      ["beleidsmedewerker", ""],
      ["inwoner", ""],
    ]);
    expect((await lastAudit(id))?.after).toMatchObject({
      roles: [
        { role: "inwoner", scope: "" },
        { role: "beleidsmedewerker", scope: "" },
      ],
    });

    // A partner acts for an organisation record, chosen from the records (not typed).
    const partner = await adminAction(id, "rollen", { rol: "partner", scope: "MOvactor" });
    expect(partner.statusCode).toBe(400);
    expect(partner.body).toContain("hoort een organisatie of buurtplein");
    expect(partner.body).toContain('href="#veld-organisatie"');
    const movactor = (await t.app.inject({ url: "/api/v1/organisaties/movactor" })).json();
    const scoped = await adminAction(id, "rollen", { rol: "partner", organisatie: movactor.id });
    expect(scoped.statusCode).toBe(303);
    const grant = (
      await db().select().from(accountRoles).where(eq(accountRoles.accountId, id))
    ).find((r) => r.role === "partner");
    expect(grant).toMatchObject({ scope: movactor.id, scopeLabel: "MOvactor" });
    const duplicate = await adminAction(id, "rollen", { rol: "partner", organisatie: movactor.id });
    expect(duplicate.statusCode).toBe(409);
    const unknown = await adminAction(id, "rollen", { rol: "koning" });
    expect(unknown.statusCode).toBe(400);

    const page = await t.app.inject({
      url: `/beheer/gebruikers/${id}`,
      headers: { cookie: admin() },
    });
    expect(page.body).toContain("MOvactor");

    const removed = await adminAction(id, "rollen/verwijderen", {
      rol: "beleidsmedewerker",
      scope: "",
    });
    expect(removed.statusCode).toBe(303);
    expect((await apiWrite(session)).statusCode).toBe(403);
    expect((await lastAudit(id))?.summary).toBe("Rol beleidsmedewerker afgenomen van rolwisselaar");
    const unscoped = await adminAction(id, "rollen/verwijderen", {
      rol: "partner",
      scope: movactor.id,
    });
    expect(unscoped.statusCode).toBe(303);
    const last = await adminAction(id, "rollen/verwijderen", { rol: "inwoner", scope: "" });
    expect(last.statusCode).toBe(409);
    expect(last.body).toContain("minstens één rol");
  });
});

describe("the last active beheerder", () => {
  it("cannot be deactivated or lose the beheerder role; two beheerders cannot remove each other at once", async () => {
    const adminId = await accountIdOf(admin());
    // Only this beheerder stays active.
    const others = await db()
      .select({ id: accountRoles.accountId })
      .from(accountRoles)
      .where(and(eq(accountRoles.role, "beheerder"), ne(accountRoles.accountId, adminId)));
    for (const o of others) {
      await db().update(accounts).set({ active: false }).where(eq(accounts.id, o.id));
    }
    const before = await countAuditEntries(db());
    const deactivate = await adminAction(adminId, "deactiveren");
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.body).toContain("laatste actieve beheerder");
    const removeRole = await adminAction(adminId, "rollen/verwijderen", {
      rol: "beheerder",
      scope: "",
    });
    expect(removeRole.statusCode).toBe(409);
    expect(removeRole.body).toContain("laatste actieve beheerder");
    expect(await countAuditEntries(db())).toBe(before);

    // A second beheerder: now each could go, but not both at the same moment.
    const secondId = await makeAccount("tweede-beheerder", "beheerder");
    const second = (await browserLogin("tweede-beheerder", PASSWORD)) ?? "";
    const { token: t1, cookie: c1 } = await formSession(
      t.app,
      `/beheer/gebruikers/${secondId}`,
      admin(),
    );
    const { token: t2, cookie: c2 } = await formSession(
      t.app,
      `/beheer/gebruikers/${adminId}`,
      second,
    );
    const [a, b] = await Promise.all([
      post(`/beheer/gebruikers/${secondId}/deactiveren`, c1, { _csrf: t1 }),
      post(`/beheer/gebruikers/${adminId}/deactiveren`, c2, { _csrf: t2 }),
    ]);
    // One succeeds; the other is refused: as the last beheerder (409), or because the first
    // already ended its session (401).
    const statuses = [a.statusCode, b.statusCode];
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409 || s === 401)).toHaveLength(1);
    const active = await db()
      .select({ id: accounts.id })
      .from(accounts)
      .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
      .where(and(eq(accountRoles.role, "beheerder"), eq(accounts.active, true)));
    expect(active).toHaveLength(1);
  });
});
