import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formPost,
  formSession,
  jsonRequest,
  startTestApp,
  submitForm,
  type TestApp,
} from "../../../test/helpers/app.js";
import { insertOrganisation, insertSubsidyWithAgreements } from "../../../test/helpers/partners.js";
import {
  capturedLogger,
  startSmtpServer,
  type TestSmtpServer,
} from "../../../test/helpers/smtp.js";
import { systemActor } from "../../platform/actor.js";
import {
  createMailer,
  deliverOutbox,
  listNotifications,
} from "../../platform/notifications/index.js";
import { createAccount, login, SESSION_COOKIE } from "../accounts/index.js";
import { issueApiToken } from "../accounts/token-service.js";
import { indicators } from "../monitoring/index.js";

// The acceptance flow of issue item 4 through HTTP: a partner writes and submits a report for its
// own subsidy, another partner is refused everywhere, staff ask for more and then approve, and the
// reported value appears as a measurement on the indicator's monitor page.

const GM = "GM0356";
let t: TestApp;
let smtp: TestSmtpServer;
let own: { id: string; slug: string; name: string };
let subsidy: Awaited<ReturnType<typeof insertSubsidyWithAgreements>>;
let partner: string;
let partnerId: string;
let otherPartner: string;
let otherToken: string;
let staff: string;

beforeAll(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  const db = t.database.db;
  own = await insertOrganisation(db, GM, { name: "Welzijn Voorbeeld", kind: "formeel" });
  const other = await insertOrganisation(db, GM, { name: "Andere Stichting", kind: "formeel" });
  const [indicator] = (await db.select().from(indicators)).filter(
    (i) => i.slug === "msk-vrijwilligerswerk",
  );
  subsidy = await insertSubsidyWithAgreements(db, GM, {
    organisationId: own.id,
    year: 2026,
    indicators: [{ indicatorId: indicator?.id ?? "", target: 40 }],
    requirements: [{ dueOn: "2027-03-01", description: "Jaarverantwoording 2026" }],
  });
  const { account } = await createAccount(db, systemActor(GM), {
    username: "partner-welzijn",
    displayName: "Partner Welzijn",
    role: "partner",
    scope: own.id,
    email: "verantwoording@welzijn.example",
    password: "correct-horse-battery-staple",
  });
  partnerId = account.id;
  const session = await login(db, "partner-welzijn", "correct-horse-battery-staple");
  partner = `${SESSION_COOKIE}=${session?.token}`;
  otherPartner = await t.sessionFor("partner", other.id);
  const { account: otherAccount } = await createAccount(db, systemActor(GM), {
    username: "koppeling-andere",
    displayName: "Koppeling andere stichting",
    role: "partner",
    scope: other.id,
  });
  otherToken = (
    await issueApiToken(db, systemActor(GM), {
      accountId: otherAccount.id,
      name: "koppeling",
      expires: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    })
  ).token;
  staff = await t.sessionFor("beleidsmedewerker");
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

const api = (
  method: "GET" | "POST" | "PATCH",
  url: string,
  body?: unknown,
  cookie?: string | null,
) => jsonRequest(t.app, method, url, body, cookie);
const withToken = (method: "GET" | "PATCH", url: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${otherToken}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
const page = (url: string, cookie?: string) =>
  t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe("a partner accounts for its subsidy; staff review; the values reach the monitor", () => {
  let id = "";

  it("lets the partner start a concept for its own subsidy through the portal", async () => {
    const list = await page("/partner/verantwoordingen", partner);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Welzijn Voorbeeld, 2026");
    const created = await submitForm(
      t.app,
      "/partner/verantwoordingen",
      partner,
      "/partner/verantwoordingen",
      { subsidie: subsidy.id, periodeBegin: "", periodeEinde: "" },
    );
    expect(created.statusCode).toBe(303);
    id = /\/partner\/verantwoordingen\/([0-9a-f-]{36})\/bewerken/.exec(
      created.headers.location ?? "",
    )?.[1] as string;
    expect(id).toBeDefined();
    const json = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json();
    expect(json).toMatchObject({
      status: "concept",
      vorm: "formeel",
      periode: { begin: "2026-01-01", einde: "2026-12-31", naam: "2026" },
      verplichting: { uiterlijk: "2027-03-01" },
    });
    // Another partner cannot start a report for this organisation's subsidy.
    expect(
      (await api("POST", "/api/v1/verantwoordingen", { subsidie: subsidy.id }, otherPartner))
        .statusCode,
    ).toBe(403);
  });

  it("needs the narrative to submit, not to save, and then submits", async () => {
    const edit = `/partner/verantwoordingen/${id}/bewerken`;
    const early = await submitForm(
      t.app,
      edit,
      partner,
      `/partner/verantwoordingen/${id}/indienen`,
      {},
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("Verhaal is verplicht om in te dienen.");
    const { token, cookie } = await formSession(t.app, edit, partner);
    const value = `waarde-${subsidy.indicatorIds[0]}`;
    const refused = await formPost(t.app, edit, cookie, {
      _csrf: token,
      versie: "1",
      verhaal: "",
      inzet: "Wekelijkse inloop in drie buurtpleinen.",
      [value]: "veel",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("moet een getal zijn, bijvoorbeeld 12,5");
    const saved = await formPost(t.app, edit, cookie, {
      _csrf: token,
      versie: "1",
      verhaal: "Meer inwoners doen mee als vrijwilliger.",
      inzet: "Wekelijkse inloop in drie buurtpleinen.",
      bereik: "1.250",
      [value]: "37,5",
    });
    expect(saved.statusCode).toBe(303);
    const submitted = await submitForm(
      t.app,
      edit,
      partner,
      `/partner/verantwoordingen/${id}/indienen`,
      {},
    );
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`/verantwoordingen/${id}`);
    const json = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json();
    expect(json).toMatchObject({ status: "ingediend", bereik: 1250 });
    expect(json.indicatorwaarden[0]).toMatchObject({ waarde: 37.5, streefwaarde: 40 });
  });

  it("refuses another partner reading or changing it: web, API with a session and with a token", async () => {
    expect((await page(`/verantwoordingen/${id}`, otherPartner)).statusCode).toBe(403);
    expect((await page(`/partner/verantwoordingen/${id}/bewerken`, otherPartner)).statusCode).toBe(
      403,
    );
    const { token, cookie } = await formSession(t.app, "/partner/verantwoordingen", otherPartner);
    expect(
      (
        await formPost(t.app, `/partner/verantwoordingen/${id}/bewerken`, cookie, {
          _csrf: token,
          versie: "3",
          verhaal: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, otherPartner)).statusCode,
    ).toBe(403);
    expect(
      (
        await api(
          "PATCH",
          `/api/v1/verantwoordingen/${id}`,
          { versie: 3, verhaal: "x" },
          otherPartner,
        )
      ).statusCode,
    ).toBe(403);
    expect((await withToken("GET", `/api/v1/verantwoordingen/${id}`)).statusCode).toBe(403);
    expect(
      (await withToken("PATCH", `/api/v1/verantwoordingen/${id}`, { versie: 3, verhaal: "x" }))
        .statusCode,
    ).toBe(403);
    // Nor does it show in the other partner's list; anonymous visitors must log in.
    const list = (await withToken("GET", "/api/v1/verantwoordingen")).json();
    expect(list.verantwoordingen).toEqual([]);
    expect((await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, null)).statusCode).toBe(
      401,
    );
    expect((await page(`/verantwoordingen/${id}`)).statusCode).toBe(303);
  });

  it("sends it back for more: the comment is required, the partner hears it in the app and by e-mail", async () => {
    const review = `/beheer/verantwoordingen/${id}/beoordelen`;
    const dashboard = await page("/beheer/verantwoordingen?status=ingediend", staff);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain(review);
    expect(dashboard.body).toContain("Wacht op beoordeling (1)");
    expect((await page(review, partner)).statusCode).toBe(403);
    const noComment = await submitForm(t.app, review, staff, review, {
      besluit: "aanvulling_nodig",
      toelichting: "",
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain("Toelichting is verplicht bij aanvulling nodig");
    const back = await submitForm(t.app, review, staff, review, {
      besluit: "aanvulling_nodig",
      toelichting: "Beschrijf ook de samenwerking met de stad.",
    });
    expect(back.statusCode).toBe(303);
    const inbox = await listNotifications(t.database.db, partnerId, 1);
    expect(inbox.rows[0]).toMatchObject({
      subject: "Verantwoording Welzijn Voorbeeld 2026: aanvulling nodig",
      link: `/verantwoordingen/${id}`,
    });
    expect(inbox.rows[0]?.body).toContain("Beschrijf ook de samenwerking met de stad.");
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: "Samenkracht <noreply@gemeente.example>",
      publicUrl: "https://samenkracht.gemeente.example",
    });
    const sent = await deliverOutbox(t.database.db, mailer, new Date(), capturedLogger().log);
    mailer.close();
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to.includes("verantwoording@welzijn.example"));
    expect(mail?.subject).toContain("aanvulling nodig");
    expect(mail?.text).toContain(`https://samenkracht.gemeente.example/verantwoordingen/${id}`);
    // The partner sees the comment on the edit page.
    const edit = await page(`/partner/verantwoordingen/${id}/bewerken`, partner);
    expect(edit.body).toContain("Beschrijf ook de samenwerking met de stad.");
  });

  it("takes the partner's change through the API only with the current version, then the resubmission", async () => {
    const current = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json();
    const stale = await api(
      "PATCH",
      `/api/v1/verantwoordingen/${id}`,
      { versie: current.versie - 1, samenwerking: "x" },
      partner,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("intussen gewijzigd");
    const changed = await api(
      "PATCH",
      `/api/v1/verantwoordingen/${id}`,
      { versie: current.versie, samenwerking: "Maandelijks overleg met het wijkteam." },
      partner,
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().versie).toBe(current.versie + 1);
    const resubmitted = await api(
      "POST",
      `/api/v1/verantwoordingen/${id}/indienen`,
      undefined,
      partner,
    );
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().status).toBe("ingediend");
    // The version answered is the stored one, so a client can go on with it.
    const stored = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json();
    expect(resubmitted.json().versie).toBe(stored.versie);
  });

  it("approves it: locked, public, notified, and its value a measurement on the monitor page", async () => {
    expect(
      (
        await api(
          "POST",
          `/api/v1/verantwoordingen/${id}/beoordeling`,
          { besluit: "akkoord" },
          partner,
        )
      ).statusCode,
    ).toBe(403);
    const approved = await api(
      "POST",
      `/api/v1/verantwoordingen/${id}/beoordeling`,
      // The longest comment allowed: quoted in the message, which is shortened to fit (was a 500).
      {
        besluit: "akkoord",
        toelichting: `Helder. ${"Goed onderbouwd. ".repeat(312)}`.slice(0, 5000),
      },
      staff,
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("akkoord");
    expect(approved.json().versie).toBe(
      (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json().versie,
    );
    const approvedMessage = (await listNotifications(t.database.db, partnerId, 1)).rows[0];
    expect(approvedMessage?.subject).toBe("Verantwoording Welzijn Voorbeeld 2026: akkoord");
    expect(approvedMessage?.body).toContain("Toelichting: Helder. Goed onderbouwd.");
    expect(approvedMessage?.body).toContain("Ingekort: de volledige tekst staat in Samenkracht.");

    const monitor = await page("/monitor/msk-vrijwilligerswerk");
    expect(monitor.statusCode).toBe(200);
    expect(monitor.body).toContain("Verantwoording Welzijn Voorbeeld 2026");
    expect(monitor.body).toContain("37,5%");

    const current = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, partner)).json();
    // The trail names the organisation or the role, never a person or an account's scope id.
    expect(
      current.gebeurtenissen.map((e: { status: string; door: string }) => `${e.status} ${e.door}`),
    ).toEqual([
      "concept Welzijn Voorbeeld",
      "ingediend Welzijn Voorbeeld",
      "aanvulling_nodig Gemeente (beleidsmedewerker)",
      "ingediend Welzijn Voorbeeld",
      "akkoord Gemeente (beleidsmedewerker)",
    ]);
    const locked = await api(
      "PATCH",
      `/api/v1/verantwoordingen/${id}`,
      { versie: current.versie, verhaal: "Later." },
      partner,
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toContain(
      "goedgekeurd (akkoord) en kan niet meer worden gewijzigd",
    );
    const { token, cookie } = await formSession(t.app, "/partner/verantwoordingen", partner);
    const viaForm = await formPost(t.app, `/partner/verantwoordingen/${id}/bewerken`, cookie, {
      _csrf: token,
      versie: String(current.versie),
      verhaal: "Later.",
    });
    expect(viaForm.statusCode).toBe(409);
    expect(viaForm.body).toContain("kan niet meer worden gewijzigd");
    expect(
      (
        await api(
          "POST",
          `/api/v1/verantwoordingen/${id}/beoordeling`,
          { besluit: "akkoord" },
          staff,
        )
      ).statusCode,
    ).toBe(409);

    // Published: anyone reads its public part, without the trail.
    const publicJson = (await api("GET", `/api/v1/verantwoordingen/${id}`, undefined, null)).json();
    expect(publicJson).toMatchObject({
      status: "akkoord",
      verhaal: "Meer inwoners doen mee als vrijwilliger.",
    });
    expect(publicJson.gebeurtenissen).toBeUndefined();
    const publicList = (await api("GET", "/api/v1/verantwoordingen", undefined, null)).json();
    expect(publicList.verantwoordingen.map((r: { id: string }) => r.id)).toContain(id);
    const farPage = await api("GET", "/api/v1/verantwoordingen?pagina=100000", undefined, null);
    expect(farPage.statusCode).toBe(200);
    expect(farPage.json().verantwoordingen).toEqual([]);
    // Past the last page any list allows: a 400 naming the parameter, never an offset the database refuses.
    const absurd = await api(
      "GET",
      "/api/v1/verantwoordingen?pagina=900000000000000",
      undefined,
      null,
    );
    expect(absurd.statusCode).toBe(400);
    expect(absurd.json().detail).toContain("pagina");
    expect((await page(`/verantwoordingen/${id}`)).statusCode).toBe(200);
    const organisationPage = await page(`/organisaties/${own.slug}`);
    if (organisationPage.statusCode === 200)
      expect(organisationPage.body).toContain(`/verantwoordingen/${id}`);
  });
});
