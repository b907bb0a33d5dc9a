import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSession, jsonRequest, startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { insertOrganisation, insertSubsidyWithAgreements } from "../../../test/helpers/partners.js";
import { ATTACHMENT_MAX_BYTES, tooLargeMessage, wrongTypeMessage } from "./attachment-rules.js";

// Attachments through HTTP: the type is what the bytes are, refusals store nothing, and only the
// organisation and staff get a file back, with headers that keep a browser from running it.

const GM = "GM0356";
let t: TestApp;
let partner: string;
let otherPartner: string;
let staff: string;
let reportId: string;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1");
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200, 1)]);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const own = await insertOrganisation(db, GM, { kind: "informeel" });
  const other = await insertOrganisation(db, GM);
  const subsidy = await insertSubsidyWithAgreements(db, GM, { organisationId: own.id, year: 2026 });
  partner = await t.sessionFor("partner", own.id);
  otherPartner = await t.sessionFor("partner", other.id);
  staff = await t.sessionFor("beleidsmedewerker");
  const created = await jsonRequest(
    t.app,
    "POST",
    "/api/v1/verantwoordingen",
    { subsidie: subsidy.id },
    partner,
  );
  expect(created.statusCode).toBe(201);
  reportId = created.json().id;
});
afterAll(async () => {
  await t?.close();
});

/** Posts one file as the edit page's upload form does: the CSRF token first, then the file. */
async function upload(
  file: { name: string; type: string; content: Buffer },
  cookie = partner,
  csrf?: string,
) {
  const session = await formSession(t.app, "/partner/verantwoordingen", cookie);
  const boundary = "----bijlagegrens";
  const head = (extra: string) => Buffer.from(`--${boundary}\r\n${extra}\r\n\r\n`, "latin1");
  const payload = Buffer.concat([
    head('Content-Disposition: form-data; name="_csrf"'),
    Buffer.from(`${csrf ?? session.token}\r\n`),
    head(
      `Content-Disposition: form-data; name="bijlage"; filename="${file.name}"\r\nContent-Type: ${file.type}`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`, "latin1"),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/partner/verantwoordingen/${reportId}/bijlagen`,
    headers: {
      cookie: session.cookie,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

const attachments = async () =>
  (
    await jsonRequest(t.app, "GET", `/api/v1/verantwoordingen/${reportId}`, undefined, partner)
  ).json().bijlagen as {
    id: string;
    naam: string;
    mediatype: string;
    grootte: number;
    adres: string;
  }[];

describe("attachments", () => {
  it("stores a PDF named .png as a PDF and serves it back only as a download", async () => {
    const res = await upload({ name: "verslag.png", type: "image/png", content: PDF });
    expect(res.statusCode).toBe(303);
    const [stored] = await attachments();
    expect(stored).toMatchObject({
      naam: "verslag.pdf",
      mediatype: "application/pdf",
      grootte: PDF.length,
    });
    const download = await t.app.inject({ url: stored?.adres ?? "", headers: { cookie: partner } });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="verslag.pdf"/);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await t.app.inject({ url: stored?.adres ?? "", headers: { cookie: staff } })).statusCode,
    ).toBe(200);
    // Another organisation's partner gets nothing; a visitor is asked to log in.
    expect(
      (await t.app.inject({ url: stored?.adres ?? "", headers: { cookie: otherPartner } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: stored?.adres ?? "" })).statusCode).toBe(303);
  });

  it("refuses a program renamed .pdf, an oversized file and a missing token, storing nothing", async () => {
    const exe = await upload({ name: "rapport.pdf", type: "application/pdf", content: EXE });
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain(wrongTypeMessage);
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const oversized = await upload({ name: "groot.pdf", type: "application/pdf", content: big });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.body).toContain(tooLargeMessage);
    expect(
      (await upload({ name: "b.pdf", type: "application/pdf", content: PDF }, partner, "vals"))
        .statusCode,
    ).toBe(403);
    expect(await attachments()).toHaveLength(1);
  });

  it("refuses uploads by another partner or a visitor before reading the file", async () => {
    expect(
      (await upload({ name: "b.pdf", type: "application/pdf", content: PDF }, otherPartner))
        .statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/partner/verantwoordingen/${reportId}/bijlagen`,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      payload: "--x--\r\n",
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await attachments()).toHaveLength(1);
  });

  it("takes no new attachment once the report is approved", async () => {
    const api = (url: string, body: unknown, cookie: string) =>
      jsonRequest(t.app, "PATCH", url, body, cookie);
    const version = (
      await jsonRequest(t.app, "GET", `/api/v1/verantwoordingen/${reportId}`, undefined, partner)
    ).json().versie;
    expect(
      (
        await api(
          `/api/v1/verantwoordingen/${reportId}`,
          {
            versie: version,
            verhaal: "Wij deden mee.",
            inzet: "Koffieochtenden.",
            resultaat: "Twintig bezoekers per week.",
          },
          partner,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await jsonRequest(
          t.app,
          "POST",
          `/api/v1/verantwoordingen/${reportId}/indienen`,
          undefined,
          partner,
        )
      ).statusCode,
    ).toBe(200);
    // An informal report is approved in a progress talk: its date is required.
    const noTalk = await jsonRequest(
      t.app,
      "POST",
      `/api/v1/verantwoordingen/${reportId}/beoordeling`,
      { besluit: "akkoord" },
      staff,
    );
    expect(noTalk.statusCode).toBe(400);
    expect(noTalk.json().detail).toContain("voortgangsgesprek");
    const approved = await jsonRequest(
      t.app,
      "POST",
      `/api/v1/verantwoordingen/${reportId}/beoordeling`,
      {
        besluit: "akkoord",
        voortgangsgesprekOp: "2027-02-10",
        voortgangsgesprekVerslag: "Goed gesprek.",
      },
      staff,
    );
    expect(approved.statusCode).toBe(200);
    const late = await upload({ name: "laat.pdf", type: "application/pdf", content: PDF });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("goedgekeurd");
    expect(await attachments()).toHaveLength(1);
    const detail = (
      await jsonRequest(t.app, "GET", `/api/v1/verantwoordingen/${reportId}`, undefined, staff)
    ).json();
    expect(detail.voortgangsgesprek).toEqual({ datum: "2027-02-10", verslag: "Goed gesprek." });
  });
});
