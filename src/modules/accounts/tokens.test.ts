import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSession, pageStatus, startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { measurementCsv } from "../../../test/helpers/measurements.js";
import { systemActor } from "../../platform/actor.js";
import { auditEntries, countAuditEntries } from "../audit/index.js";
import { deactivateAccount } from "./admin-service.js";
import { apiTokens } from "./schema.js";
import { createAccount } from "./service.js";
import { issueApiToken } from "./token-service.js";

let t: TestApp;
let admin: string;
let systemAccountId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.sessionFor("beheerder");
  // A system account as a beheerder makes one: a generated one-time password, never logged in.
  // That password binds a person logging in, not the token: its calls must work all the same.
  const { account } = await createAccount(t.database.db, systemActor("GM0356"), {
    username: "koppeling-monitor",
    displayName: "Koppeling monitor (CBS-systeem)",
    role: "beleidsmedewerker",
  });
  systemAccountId = account.id;
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (url: string, cookie: string, fields: Record<string, string>) =>
  t.app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: form(fields),
  });

/** A CSV import of one measurement, authenticated only by the bearer token: no cookie at all. */
const importWithToken = (token: string, year: number, value: number) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/metingen/import",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    payload: measurementCsv(`cbs-wmo-clienten,WK035608,${year},,realisatie,${value},Test,,,`),
  });
const measurement = async (year: number) => {
  const list = (
    await t.app.inject({ url: "/api/v1/indicatoren/cbs-wmo-clienten/metingen?gebied=WK035608" })
  ).json().metingen as { jaar: number; waarde: number }[];
  return list.find((m) => m.jaar === year)?.waarde;
};
const tokenRow = async (id: string) =>
  (await db().select().from(apiTokens).where(eq(apiTokens.id, id)))[0];
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Issues a token through the page as a beheerder would; returns the token and the page. */
async function issueThroughPage(name: string, accountId = systemAccountId) {
  const { token: csrf, cookie, page } = await formSession(t.app, "/beheer/tokens", admin);
  expect(page.statusCode).toBe(200);
  const expires = /name="verloopt" value="(\d{4}-\d{2}-\d{2})"/.exec(page.body)?.[1];
  expect(expires).toBeDefined();
  const res = await postForm("/beheer/tokens", cookie, {
    _csrf: csrf,
    account: accountId,
    naam: name,
    verloopt: expires ?? "",
  });
  const token = /sk_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
  return { res, token: token ?? "", cookie };
}

const expectInvalidToken = (res: Awaited<ReturnType<typeof importWithToken>>) => {
  expect(res.statusCode).toBe(401);
  expect(res.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.json().detail).toContain("token");
};

describe("API tokens", () => {
  let token: string;
  let tokenId: string;

  it("a beheerder issues a token on /beheer/tokens; it is shown once, never stored or audited", async () => {
    const before = await countAuditEntries(db());
    const { res, token: issued } = await issueThroughPage("CBS-koppeling");
    expect(res.statusCode).toBe(201);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(issued).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toContain("niet opnieuw getoond");
    token = issued;

    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.name, "CBS-koppeling"));
    if (!row) throw new Error("token row missing");
    tokenId = row.id;
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.accountId).toBe(systemAccountId);
    expect(row.lastUsedAt).toBeNull();
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(88);
    expect(days).toBeLessThan(91);

    expect(await countAuditEntries(db())).toBe(before + 1);
    const [entry] = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, tokenId));
    expect(entry).toMatchObject({ action: "create", entityType: "api-token" });
    const audited = JSON.stringify(entry);
    expect(audited).toContain("koppeling-monitor");
    expect(audited).not.toContain(token);
    expect(audited).not.toContain(row.tokenHash);

    // The list shows the token's facts but never the token itself.
    const list = await t.app.inject({ url: "/beheer/tokens", headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("CBS-koppeling");
    expect(list.body).toContain("koppeling-monitor");
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(row.tokenHash);
    expect(list.body).not.toMatch(/sk_[A-Za-z0-9_-]{43}/);
  });

  it("posts a CSV import of measurements with the token and no cookie; the last use is recorded", async () => {
    expect(await measurement(2019)).toBeUndefined();
    const res = await importWithToken(token, 2019, 431);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await measurement(2019)).toBe(431);

    const used = await tokenRow(tokenId);
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    // The import is audited in the name of the token's account.
    const [entry] = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.actorId, systemAccountId));
    expect(entry?.actorName).toBe("koppeling-monitor");

    // Within a minute a second call does not write lastUsedAt again.
    expect((await importWithToken(token, 2019, 432)).statusCode).toBe(200);
    expect((await tokenRow(tokenId))?.lastUsedAt?.getTime()).toBe(used?.lastUsedAt?.getTime());

    const list = await t.app.inject({ url: "/beheer/tokens", headers: { cookie: admin } });
    const row = /<tr[^>]*>(?:(?!<\/tr>).)*CBS-koppeling(?:(?!<\/tr>).)*<\/tr>/s.exec(
      list.body,
    )?.[0];
    expect(row).toBeDefined();
    expect(row).not.toContain("nooit");
    expect(row).toContain("actief");
  });

  it("works on reads and with the account's roles only (a partner's token cannot import)", async () => {
    const read = await t.app.inject({
      url: "/api/v1/gebieden?niveau=wijk",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.statusCode).toBe(200);
    const { account } = await createAccount(db(), systemActor("GM0356"), {
      username: "partner-systeem",
      displayName: "Partner-systeem",
      role: "partner",
      scope: "MOvactor",
    });
    const issued = await issueApiToken(db(), systemActor("GM0356"), {
      accountId: account.id,
      name: "partner",
      expires: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    });
    const refused = await importWithToken(issued.token, 2018, 1);
    expect(refused.statusCode).toBe(403);
    expect(await measurement(2018)).toBeUndefined();
  });

  it("asks for a bearer token when an API call comes without credentials", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/metingen/import",
      headers: { "content-type": "text/csv" },
      payload: measurementCsv(),
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="Samenkracht"');
  });

  it("refuses a malformed or unknown token with 401, never falling back to the session cookie", async () => {
    const before = await countAuditEntries(db());
    for (const authorization of [
      "Bearer",
      "Bearer nonsense",
      `Bearer sk_${"A".repeat(43)}`,
      `Bearer ${token}x`,
    ]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/metingen/import",
        // A valid beheerder session alongside: the broken token still decides.
        headers: { authorization, cookie: admin, "content-type": "text/csv" },
        payload: measurementCsv("cbs-wmo-clienten,WK035608,2017,,realisatie,5,Test,,,"),
      });
      expectInvalidToken(res);
    }
    expect(await measurement(2017)).toBeUndefined();
    expect(await countAuditEntries(db())).toBe(before);
  });

  it("is not accepted on HTML pages: they keep the session cookie", async () => {
    const page = await t.app.inject({
      url: "/beheer/tokens",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain("/inloggen");
  });

  it("after revocation through the page the same call gets 401 and changes nothing", async () => {
    const { token: csrf, cookie } = await formSession(t.app, "/beheer/tokens", admin);
    const before = await countAuditEntries(db());
    const res = await postForm(`/beheer/tokens/${tokenId}/intrekken`, cookie, { _csrf: csrf });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/beheer/tokens");
    expect((await tokenRow(tokenId))?.revokedAt).toBeInstanceOf(Date);
    expect(await countAuditEntries(db())).toBe(before + 1);
    const [entry] = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, tokenId))
      .orderBy(auditEntries.id);
    expect(JSON.stringify(entry)).not.toContain(token);

    const audited = await countAuditEntries(db());
    expectInvalidToken(await importWithToken(token, 2019, 999));
    expect(await measurement(2019)).toBe(432);
    expect(await countAuditEntries(db())).toBe(audited);

    // Revoking again changes nothing; the list says it is revoked and offers no button.
    expect(
      (await postForm(`/beheer/tokens/${tokenId}/intrekken`, cookie, { _csrf: csrf })).statusCode,
    ).toBe(303);
    expect(await countAuditEntries(db())).toBe(audited);
    const list = await t.app.inject({ url: "/beheer/tokens", headers: { cookie: admin } });
    expect(list.body).toContain("ingetrokken");
    expect(list.body).not.toContain(`/beheer/tokens/${tokenId}/intrekken`);
  });

  it("after expiry the call gets 401 and changes nothing", async () => {
    const { res, token: expiring } = await issueThroughPage("verloopt");
    expect(res.statusCode).toBe(201);
    expect((await importWithToken(expiring, 2016, 10)).statusCode).toBe(200);
    await db()
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.tokenHash, sha256(expiring)));
    const audited = await countAuditEntries(db());
    expectInvalidToken(await importWithToken(expiring, 2016, 11));
    expect(await measurement(2016)).toBe(10);
    expect(await countAuditEntries(db())).toBe(audited);
  });

  it("a deactivated account's token gets 401 at once", async () => {
    const { account } = await createAccount(db(), systemActor("GM0356"), {
      username: "vertrokken-systeem",
      displayName: "Vertrokken systeem",
      role: "beleidsmedewerker",
    });
    const { token: own } = await issueThroughPage("vertrekt", account.id);
    expect((await importWithToken(own, 2015, 20)).statusCode).toBe(200);
    await deactivateAccount(db(), systemActor("GM0356"), account.id);
    const audited = await countAuditEntries(db());
    expectInvalidToken(await importWithToken(own, 2015, 21));
    expect(await measurement(2015)).toBe(20);
    expect(await countAuditEntries(db())).toBe(audited);
    // Deactivation revokes the account's tokens, so reactivating it does not bring them back.
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.accountId, account.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it("validates the form: a name, an active account, an expiry after today and within two years", async () => {
    const { token: csrf, cookie } = await formSession(t.app, "/beheer/tokens", admin);
    const count = async () => (await db().select().from(apiTokens)).length;
    const before = await count();
    const far = new Date(Date.now() + 3 * 365 * 86_400_000).toISOString().slice(0, 10);
    const res = await postForm("/beheer/tokens", cookie, {
      _csrf: csrf,
      account: "",
      naam: "",
      verloopt: far,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Kies de gebruiker");
    expect(res.body).toContain("Naam is verplicht");
    expect(res.body).toContain("hoogstens twee jaar");
    expect(res.body).toContain('href="#veld-verloopt"');
    const past = await postForm("/beheer/tokens", cookie, {
      _csrf: csrf,
      account: systemAccountId,
      naam: "te laat",
      verloopt: "2020-01-01",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("na vandaag");
    expect(await count()).toBe(before);
  });

  it("is for beheerders only: others get 403, anonymous callers go to the login", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    expect(await pageStatus(t.app, "/beheer/tokens", staff)).toBe(403);
    expect(await pageStatus(t.app, "/beheer/tokens")).toBe(303);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/beheer/tokens/${tokenId}/intrekken`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("is declared in the OpenAPI document as a bearer scheme, an alternative to the session", async () => {
    const doc = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(doc.components.securitySchemes.token).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/metingen/import"].post.security).toEqual([{ sessie: [] }, { token: [] }]);
  });
});
