import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  formPost,
  formSession,
  jsonRequest,
  pageStatus,
  sessionIdOf,
  submitForm,
  useTestApp,
} from "../../../test/helpers/app.js";
import { outboxMessages, sessions } from "../../db/schema.js";
import { createAccount } from "../../modules/accounts/index.js";
import { systemActor } from "../actor.js";
import { runDueJobs } from "../jobs/index.js";
import { notify } from "./service.js";

const t = useTestApp(["beheerder", "beleidsmedewerker"]);

/** The account behind a session cookie. */
async function accountIdOf(cookie: string): Promise<string> {
  const [row] = await t.database.db
    .select({ accountId: sessions.accountId })
    .from(sessions)
    .where(eq(sessions.id, sessionIdOf(cookie)));
  if (!row) throw new Error("no session");
  return row.accountId;
}

const send = (accountId: string, subject: string, link: string | null = "/beleid") =>
  t.database.db.transaction((tx) =>
    notify(tx, {
      municipalityCode: t.tenant.municipality.code,
      accountId,
      subject,
      body: `Over ${subject}.\n\nTweede alinea.`,
      link,
    }),
  );

const page = (cookie: string, url = "/meldingen") => t.app.inject({ url, headers: { cookie } });

describe("/meldingen", () => {
  it("asks a visitor to log in, and shows no header link to visitors", async () => {
    const res = await t.app.inject({ url: "/meldingen" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/inloggen/);
    expect((await t.app.inject({ url: "/" })).body).not.toContain("Meldingen (");
  });

  it("says so when there are none, and shows Meldingen (0) in the header", async () => {
    const cookie = await t.sessionFor("inwoner");
    const res = await page(cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("U heeft geen meldingen.");
    expect(res.body).toContain('href="/meldingen">Meldingen (0)</a>');
  });

  it("lists the user's own messages newest first, unread ones marked, with the unread count in the header", async () => {
    const cookie = await t.sessionFor("partner");
    const me = await accountIdOf(cookie);
    const other = await accountIdOf(t.cookie("beleidsmedewerker"));
    await send(me, "Eerste bericht");
    await send(me, "Tweede bericht", null);
    await send(other, "Niet voor u");
    const res = await page(cookie);
    expect(res.body).toContain("Meldingen (2)</a>");
    expect(res.body.indexOf("Tweede bericht")).toBeLessThan(res.body.indexOf("Eerste bericht"));
    expect(res.body).not.toContain("Niet voor u");
    expect(res.body.match(/sk-badge[^>]*>Ongelezen</g)).toHaveLength(2);
    expect(res.body).toContain('<a class="nl-link" href="/beleid">Bekijken');
    expect(res.body).toContain("Tweede alinea.");
  });

  it("marks one message read (CSRF, flash, redirect) and then all of them", async () => {
    const cookie = await t.sessionFor("partner");
    const me = await accountIdOf(cookie);
    const first = await send(me, "Lees mij");
    await send(me, "En mij");
    await send(me, "En mij ook");

    const done = await submitForm(t.app, "/meldingen", cookie, `/meldingen/${first.id}/gelezen`, {
      pagina: "1",
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/meldingen");
    const after = await page(`${cookie}; ${done.headers["set-cookie"]?.toString().split(";")[0]}`);
    expect(after.body).toContain("De melding is als gelezen gemarkeerd.");
    expect(after.body).toContain("Meldingen (2)</a>");

    const { token, cookie: withCsrf } = await formSession(t.app, "/meldingen", cookie);
    const all = await formPost(t.app, "/meldingen/gelezen", withCsrf, { _csrf: token });
    expect(all.statusCode).toBe(303);
    const final = await page(`${withCsrf}; ${all.headers["set-cookie"]?.toString().split(";")[0]}`);
    expect(final.body).toContain("2 meldingen zijn als gelezen gemarkeerd.");
    expect(final.body).toContain("Meldingen (0)</a>");
    expect(final.body).not.toContain("Alles als gelezen markeren");
  });

  it("refuses a post without its form token, and another account's message is not found", async () => {
    const cookie = await t.sessionFor("partner");
    const mine = await send(await accountIdOf(cookie), "Van mij");
    const theirs = await send(await accountIdOf(t.cookie("beleidsmedewerker")), "Van een ander");
    expect((await formPost(t.app, `/meldingen/${mine.id}/gelezen`, cookie, {})).statusCode).toBe(
      403,
    );
    const res = await submitForm(
      t.app,
      "/meldingen",
      cookie,
      `/meldingen/${theirs.id}/gelezen`,
      {},
    );
    expect(res.statusCode).toBe(404);
  });

  it("pages 20 at a time with the kit's pagination", async () => {
    const cookie = await t.sessionFor("partner");
    const me = await accountIdOf(cookie);
    for (let i = 1; i <= 23; i++) await send(me, `Bericht ${i}`);
    const first = await page(cookie);
    expect(first.body).toContain("Pagina 1 van 2");
    expect(first.body).toContain("Bericht 23");
    expect(first.body).not.toContain("Bericht 3<");
    const second = await page(cookie, "/meldingen?pagina=2");
    expect(second.body).toContain("Bericht 3<");
    expect(second.body).not.toContain("Bericht 4<");
    expect(second.body).toContain("Meldingen (23)</a>");
  });
});

describe("/api/v1/meldingen", () => {
  it("gives the caller's own messages, paged, and 401 without a login", async () => {
    const cookie = await t.sessionFor("partner");
    const me = await accountIdOf(cookie);
    await send(me, "Via de API 1");
    await send(me, "Via de API 2", null);
    await send(await accountIdOf(t.cookie("beleidsmedewerker")), "Niet van mij");
    const res = await jsonRequest(
      t.app,
      "GET",
      "/api/v1/meldingen?paginaGrootte=1",
      undefined,
      cookie,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.paginering).toEqual({ pagina: 1, paginaGrootte: 1, totaal: 2, aantalPaginas: 2 });
    expect(body.meldingen).toEqual([
      {
        id: expect.any(String),
        onderwerp: "Via de API 2",
        tekst: "Over Via de API 2.\n\nTweede alinea.",
        link: null,
        aangemaakt: expect.any(String),
        gelezenOp: null,
      },
    ]);
    expect((await jsonRequest(t.app, "GET", "/api/v1/meldingen", undefined, null)).statusCode).toBe(
      401,
    );
  });

  it("marks one of the caller's messages read (204); another account's is 404", async () => {
    const cookie = await t.sessionFor("partner");
    const mine = await send(await accountIdOf(cookie), "Markeer via API");
    const theirs = await send(await accountIdOf(t.cookie("beleidsmedewerker")), "Niet markeren");
    const url = (id: string) => `/api/v1/meldingen/${id}/gelezen`;
    expect((await jsonRequest(t.app, "POST", url(mine.id), undefined, cookie)).statusCode).toBe(
      204,
    );
    expect((await jsonRequest(t.app, "POST", url(mine.id), undefined, cookie)).statusCode).toBe(
      204,
    );
    const notFound = await jsonRequest(t.app, "POST", url(theirs.id), undefined, cookie);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers["content-type"]).toMatch(/application\/problem\+json/);
    const list = (await jsonRequest(t.app, "GET", "/api/v1/meldingen", undefined, cookie)).json();
    expect(list.meldingen[0].gelezenOp).toEqual(expect.any(String));
    const theirsList = (
      await jsonRequest(t.app, "GET", "/api/v1/meldingen", undefined, t.cookie("beleidsmedewerker"))
    ).json();
    expect(
      theirsList.meldingen.find((m: { onderwerp: string }) => m.onderwerp === "Niet markeren")
        .gelezenOp,
    ).toBeNull();
  });
});

describe("/beheer/e-mail and the delivery job", () => {
  it("shows a beheerder the mail that has not gone out, without its text, until the job sends it", async () => {
    const { account } = await createAccount(
      t.database.db,
      systemActor(t.tenant.municipality.code),
      {
        username: "met-e-mail",
        displayName: "Met e-mail",
        role: "partner",
        scope: "Testorganisatie",
        email: "iemand@organisatie.example",
      },
    );
    await send(account.id, "Wacht op verzending");
    const admin = t.cookie("beheerder");
    const before = await page(admin, "/beheer/e-mail");
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("Wacht op verzending");
    expect(before.body).toContain("iemand@organisatie.example");
    expect(before.body).not.toContain("Tweede alinea.");
    expect(await pageStatus(t.app, "/beheer/e-mail", t.cookie("beleidsmedewerker"))).toBe(403);

    const outcomes = await runDueJobs(t.database.db, t.app.jobs, new Date(), "test");
    expect(outcomes).toContainEqual({ name: "e-mail-versturen", ok: true });
    const [row] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, "Wacht op verzending"));
    expect(row).toMatchObject({ status: "sent", sentVia: "log" });
    expect((await page(admin, "/beheer/e-mail")).body).toContain(
      "Er wacht geen e-mail: alles is verstuurd.",
    );
  });
});
