import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { insertOrganisation, insertSubsidyWithAgreements } from "../../../test/helpers/partners.js";
import { systemActor } from "../../platform/actor.js";
import { createAccount } from "../accounts/index.js";
import { issueApiToken } from "../accounts/token-service.js";
import { ATTACHMENT_MAX_BYTES, wrongTypeMessage } from "./attachment-rules.js";

// A partner system (API token, no browser) adds, reads and removes the attachments of its own
// report with the raw file as body; another organisation's token is refused before the body is read.

const GM = "GM0356";
let t: TestApp;
let token: string;
let otherToken: string;
let staff: string;
let reportId: string;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

async function tokenOf(organisationId: string, username: string) {
  const db = t.database.db;
  const { account } = await createAccount(db, systemActor(GM), {
    username,
    displayName: `Koppeling ${username}`,
    role: "partner",
    scope: organisationId,
  });
  const expires = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  return (await issueApiToken(db, systemActor(GM), { accountId: account.id, name: "k", expires }))
    .token;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const own = await insertOrganisation(db, GM, { kind: "informeel" });
  const other = await insertOrganisation(db, GM);
  const subsidy = await insertSubsidyWithAgreements(db, GM, { organisationId: own.id, year: 2026 });
  token = await tokenOf(own.id, "koppeling-eigen");
  otherToken = await tokenOf(other.id, "koppeling-ander");
  staff = await t.sessionFor("beleidsmedewerker");
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/verantwoordingen",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    payload: {
      subsidie: subsidy.id,
      verhaal: "Wat we deden.",
      inzet: "Twee avonden per week.",
      resultaat: "Veertig bezoekers.",
    },
  });
  expect(created.statusCode).toBe(201);
  reportId = created.json().id;
});
afterAll(async () => {
  await t?.close();
});

const send = (
  body: Buffer | string,
  options: { type?: string; bearer?: string; name?: string; report?: string } = {},
) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/verantwoordingen/${options.report ?? reportId}/bijlagen${
      options.name ? `?bestandsnaam=${encodeURIComponent(options.name)}` : ""
    }`,
    headers: {
      authorization: `Bearer ${options.bearer ?? token}`,
      "content-type": options.type ?? "application/pdf",
    },
    payload: body,
  });

const listed = async () =>
  (
    await t.app.inject({
      url: `/api/v1/verantwoordingen/${reportId}`,
      headers: { authorization: `Bearer ${token}` },
    })
  ).json().bijlagen as { id: string; naam: string; mediatype: string }[];

describe("attachments through the API with a partner's token", () => {
  it("adds a PDF sent as the body, named by bestandsnaam with the extension of what it is", async () => {
    const res = await send(PDF, { name: "jaarverslag 2026.png" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      naam: "jaarverslag 2026.pdf",
      mediatype: "application/pdf",
      grootte: PDF.length,
    });
    expect((await listed()).map((a) => a.id)).toContain(body.id);

    const download = await t.app.inject({
      url: `/api/v1/verantwoordingen/${reportId}/bijlagen/${body.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // Staff read it too; another organisation and an anonymous caller do not.
    expect(
      (
        await t.app.inject({
          url: `/api/v1/verantwoordingen/${reportId}/bijlagen/${body.id}`,
          headers: { cookie: staff },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/verantwoordingen/${reportId}/bijlagen/${body.id}`,
          headers: { authorization: `Bearer ${otherToken}` },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: `/api/v1/verantwoordingen/${reportId}/bijlagen/${body.id}` }))
        .statusCode,
    ).toBe(401);
  });

  it("takes the type from the bytes, not from Content-Type: a PNG sent as octet-stream is a PNG", async () => {
    const res = await send(PNG, { type: "application/octet-stream" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ naam: "bijlage.png", mediatype: "image/png" });
  });

  it("refuses what is no PDF, PNG or JPEG, an empty body, a text type and a file over 5 MB, storing nothing", async () => {
    const before = (await listed()).length;
    const exe = await send(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100, 1)]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().detail).toBe(wrongTypeMessage);
    expect((await send(Buffer.alloc(0))).statusCode).toBe(400);
    expect((await send("%PDF-1.7 als tekst", { type: "text/plain" })).statusCode).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20)]);
    expect((await send(big)).statusCode).toBe(413);
    expect((await listed()).length).toBe(before);
  });

  it("refuses another organisation's token (403) and an unknown report (404)", async () => {
    const before = (await listed()).length;
    expect((await send(PDF, { bearer: otherToken })).statusCode).toBe(403);
    expect((await send(PDF, { report: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(
      404,
    );
    expect((await listed()).length).toBe(before);
  });

  it("removes one (204), then refuses changes once the report is submitted (409)", async () => {
    const [first] = await listed();
    const url = `/api/v1/verantwoordingen/${reportId}/bijlagen/${first?.id}`;
    const otherDelete = await t.app.inject({
      method: "DELETE",
      url,
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(otherDelete.statusCode).toBe(403);
    const removed = await t.app.inject({
      method: "DELETE",
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.statusCode).toBe(204);
    expect((await listed()).map((a) => a.id)).not.toContain(first?.id);

    const submitted = await t.app.inject({
      method: "POST",
      url: `/api/v1/verantwoordingen/${reportId}/indienen`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(submitted.statusCode).toBe(200);
    expect((await send(PDF)).statusCode).toBe(409);
  });

  it("is in the OpenAPI document as a file body of the accepted types", async () => {
    const doc = (await jsonRequest(t.app, "GET", "/api/v1/openapi.json")).json();
    const content = doc.paths["/verantwoordingen/{id}/bijlagen"].post.requestBody.content;
    expect(Object.keys(content)).toEqual([
      "application/pdf",
      "image/png",
      "image/jpeg",
      "application/octet-stream",
    ]);
    expect(content["application/pdf"].schema).toMatchObject({ type: "string", format: "binary" });
  });
});
