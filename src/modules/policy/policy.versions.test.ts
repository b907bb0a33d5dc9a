import { describe, expect, it } from "vitest";
import { apiCaller, formPost, formSession, useTestApp } from "../../../test/helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const call = apiCaller(t, staff);

describe("copying a budget year into the next year", () => {
  it("creates Begroting 2021 as a concept with the same plan, linked item by item", async () => {
    const res = await call("POST", "/api/v1/beleidsdocumenten/begroting-2020/kopie-volgend-jaar");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: "begroting-2021", eersteJaar: 2021 });
    const list = (
      await call("GET", "/api/v1/activiteiten?document=begroting-2021&jaar=2021")
    ).json();
    expect(list.activiteiten).toHaveLength(60);
    expect(list.activiteiten.every((a: { status: string }) => a.status === "gepland")).toBe(true);
    const changes = (
      await call("GET", "/api/v1/beleidsdocumenten/begroting-2021/wijzigingen")
    ).json();
    expect(changes).toMatchObject({
      vorigDocument: "begroting-2020",
      toegevoegd: [],
      vervallen: [],
      andersGeformuleerd: [],
    });
    expect(changes.ongewijzigd).toBe(70); // 60 activities + 10 goals
  });

  it("refuses a second copy for the same year (409) and a partner (403)", async () => {
    expect(
      (await call("POST", "/api/v1/beleidsdocumenten/begroting-2020/kopie-volgend-jaar"))
        .statusCode,
    ).toBe(409);
    const partner = await t.sessionFor("partner");
    expect(
      (
        await call(
          "POST",
          "/api/v1/beleidsdocumenten/begroting-2020/kopie-volgend-jaar",
          undefined,
          partner,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("shows what changed after rewording one activity and archiving another", async () => {
    const acts = (
      await call("GET", "/api/v1/activiteiten?document=begroting-2021&onderdeel=woonwijs")
    ).json().activiteiten;
    expect(
      (
        await call("PATCH", `/api/v1/activiteiten/${acts[1].id}`, {
          tekst: "We maken Nieuwegein dementievriendelijk.",
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await call("PATCH", `/api/v1/activiteiten/${acts[2].id}`, { gearchiveerd: true }))
        .statusCode,
    ).toBe(204);
    const changes = (
      await call("GET", "/api/v1/beleidsdocumenten/begroting-2021/wijzigingen")
    ).json();
    expect(changes.andersGeformuleerd).toHaveLength(1);
    expect(changes.andersGeformuleerd[0].na.tekst).toBe("We maken Nieuwegein dementievriendelijk.");
    expect(changes.vervallen).toHaveLength(1);
    const page = await call("GET", "/beleid/begroting-2021/wijzigingen", undefined, null);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("1 vervallen, 1 anders geformuleerd");
  });

  it("answers 404 for a document that was not copied", async () => {
    expect(
      (await call("GET", "/api/v1/beleidsdocumenten/begroting-2020/wijzigingen")).statusCode,
    ).toBe(404);
  });
});

describe("publishing", () => {
  it("freezes a version that later edits do not change", async () => {
    const published = await call("POST", "/api/v1/beleidsdocumenten/begroting-2021/publicaties");
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({ versie: 1 });
    const doc = (await call("GET", "/api/v1/beleidsdocumenten/begroting-2021")).json();
    expect(doc.status).toBe("vastgesteld");

    const first = (
      await call("GET", "/api/v1/activiteiten?document=begroting-2021&onderdeel=geldwijs")
    ).json().activiteiten[0];
    await call("PATCH", `/api/v1/activiteiten/${first.id}`, { tekst: "Later gewijzigde tekst" });

    const frozen = (
      await call("GET", "/api/v1/beleidsdocumenten/begroting-2021/publicaties/1")
    ).json();
    const text = JSON.stringify(frozen.inhoud);
    expect(text).toContain(first.tekst.slice(0, 40));
    expect(text).not.toContain("Later gewijzigde tekst");
    const page = await call("GET", "/beleid/begroting-2021/versies/1", undefined, null);
    expect(page.body).toContain("Gepubliceerde versie 1");
    expect(page.body).not.toContain("Later gewijzigde tekst");
    expect(
      (await call("GET", "/beleid/begroting-2021/versies/9", undefined, null)).statusCode,
    ).toBe(404);
  });

  it("publishes and copies through the document page's buttons", async () => {
    const { token, cookie, page } = await formSession(
      t.app,
      "/beleid/beleidskader-2025-2030",
      staff(),
    );
    expect(page.body).toContain("Publiceren (bevroren versie)");
    const res = await formPost(t.app, "/beleid/beleidskader-2025-2030/publiceren", cookie, {
      _csrf: token,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/beleid/beleidskader-2025-2030/versies/1");
  });
});
