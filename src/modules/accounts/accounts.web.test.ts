import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formLogin,
  formPost,
  formSession,
  pageStatus,
  startTestApp,
  submitForm,
  type TestApp,
} from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import { countAuditEntries } from "../audit/index.js";
import { createAccount, ensureInitialAdministrator } from "./service.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createAccount(t.database.db, systemActor("GM0356"), {
    username: "marieke",
    displayName: "Marieke de Vries",
    role: "beleidsmedewerker",
    password: "een-lang-genoeg-wachtwoord",
  });
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, cookie: string, fields: Record<string, string>, ip = "127.0.0.1") =>
  formPost(t.app, url, cookie, fields, ip);

describe("logging in and out", () => {
  it("logs in with a valid form, sets an httpOnly SameSite=Lax session cookie and shows the account", async () => {
    const { response: res, cookie } = await formLogin(
      t.app,
      "Marieke",
      "een-lang-genoeg-wachtwoord",
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/account");
    const session = res.cookies.find((c) => c.name === "samenkracht_sessie");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const account = await t.app.inject({
      url: "/account",
      headers: { cookie },
    });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain("Marieke de Vries");
    expect(account.body).toContain("Beleidsmedewerker");
  });

  it("rejects a wrong password with a Dutch error summary and no session", async () => {
    const { response: res } = await formLogin(t.app, "marieke", "fout");
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain("Er is iets niet goed ingevuld");
    expect(res.body).toContain("gebruikersnaam en wachtwoord is onjuist");
    expect(res.cookies.find((c) => c.name === "samenkracht_sessie")).toBeUndefined();
  });

  it("refuses a form post without a valid CSRF token", async () => {
    const { cookie } = await formSession(t.app, "/inloggen");
    const res = await post(
      "/inloggen",
      cookie,
      { _csrf: "vervalst", gebruikersnaam: "marieke", wachtwoord: "een-lang-genoeg-wachtwoord" },
      "10.0.0.3",
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Het formulier is verlopen");
  });

  it("limits login attempts per account name", async () => {
    const { token, cookie } = await formSession(t.app, "/inloggen");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await post(
        "/inloggen",
        cookie,
        { _csrf: token, gebruikersnaam: "niet-bestaand", wachtwoord: "fout" },
        "10.0.0.4",
      );
      statuses.push(res.statusCode);
    }
    // Five free failures for one account name, then a growing delay (login-throttle.ts).
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(6).fill(429));
  });

  it("sends anonymous visitors of the account page to the login page, and back afterwards", async () => {
    const res = await t.app.inject({ url: "/account" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/inloggen?terug=%2Faccount");
  });

  it("ends the session on logout", async () => {
    const session = await t.sessionFor("inwoner");
    const { token, cookie } = await formSession(t.app, "/account", session);
    const res = await post("/uitloggen", cookie, { _csrf: token });
    expect(res.statusCode).toBe(303);
    const after = await t.app.inject({ url: "/account", headers: { cookie: session } });
    expect(after.statusCode).toBe(303);
  });
});

describe("managing users", () => {
  it("is for the beheerder only: a partner gets 403, an anonymous visitor the login page", async () => {
    const partner = await t.sessionFor("partner");
    expect(await pageStatus(t.app, "/beheer/gebruikers", partner)).toBe(403);
    expect(await pageStatus(t.app, "/beheer/gebruikers")).toBe(303);
  });

  /** Posts the new-user form with the session, opening the form from `page` first. */
  const createUser = (
    session: string,
    fields: Record<string, string>,
    page = "/beheer/gebruikers",
  ) => submitForm(t.app, page, session, "/beheer/gebruikers", fields);
  /** Runs `act` and checks it wrote no audit entry: nothing was created. */
  const withoutAuditEntry = async <T>(act: () => Promise<T>) => {
    const before = await countAuditEntries(t.database.db);
    const result = await act();
    expect(await countAuditEntries(t.database.db)).toBe(before);
    return result;
  };

  it("refuses a partner's form post with 403 and creates nothing", async () => {
    const partner = await t.sessionFor("partner");
    // A partner has no user form; it posts with the CSRF token of its own account page.
    const res = await withoutAuditEntry(() =>
      createUser(partner, { gebruikersnaam: "indringer", naam: "X", rol: "beheerder" }, "/account"),
    );
    expect(res.statusCode).toBe(403);
  });

  it("lets the beheerder create an account, shows the password once and audits it without the hash", async () => {
    const res = await createUser(await t.sessionFor("beheerder"), {
      gebruikersnaam: "buurtwerker",
      naam: "Sam Buurtwerker",
      email: "",
      rol: "buurtverbinder",
      scope: "Buurtplein Doorslag",
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).toMatch(
      /Eenmalig wachtwoord.*<code class="sk-password">[A-Za-z0-9]{20}<\/code>/s,
    );
    const audit = await t.database.db.query.auditEntries.findFirst({
      where: (a, { eq }) =>
        eq(
          a.summary,
          "Gebruiker buurtwerker aangemaakt met rol buurtverbinder (Buurtplein Doorslag)",
        ),
    });
    expect(audit?.after).toMatchObject({
      username: "buurtwerker",
      roles: [{ role: "buurtverbinder", scope: "Buurtplein Doorslag" }],
    });
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("shows every validation error in Dutch and creates nothing", async () => {
    const admin = await t.sessionFor("beheerder");
    const res = await withoutAuditEntry(() =>
      createUser(admin, { gebruikersnaam: "x", naam: "", rol: "partner", scope: "" }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Gebruikersnaam moet 3 tot 40 tekens zijn");
    expect(res.body).toContain("Naam is verplicht");
    expect(res.body).toContain("hoort een organisatie of buurtplein");
    expect(res.body).toContain('href="#veld-gebruikersnaam"');
  });

  it("refuses a username that is taken (409)", async () => {
    const res = await createUser(await t.sessionFor("beheerder"), {
      gebruikersnaam: "MARIEKE",
      naam: "Dubbel",
      rol: "inwoner",
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("al in gebruik");
  });
});

describe("the initial beheerder", () => {
  it("is created once, when no beheerder exists", async () => {
    // Earlier tests created beheerders, so a start now creates none and prints no password.
    expect(await ensureInitialAdministrator(t.database.db, systemActor("GM0356"))).toBeUndefined();
  });
});
