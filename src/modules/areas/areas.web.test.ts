import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formPost, formSession, startTestApp, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const postGebied = (cookie: string, fields: Record<string, string>) =>
  formPost(t.app, "/gebieden/WK035625/gebied", cookie, fields);

describe("area pages", () => {
  it("lists gebieden and all 22 wijken with the assumption labelled", async () => {
    const res = await t.app.inject({ url: "/gebieden" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="nl"');
    expect(res.body.match(/href="\/gebieden\/WK0356\d\d"/g)).toHaveLength(22);
    expect(res.body).toContain("aanname");
    expect(res.body).toContain("Doorslag &amp; Centrum");
    expect(res.body).toContain('role="img"');
  });

  it("sorts the wijken by population, largest first, when asked", async () => {
    const res = await t.app.inject({ url: "/gebieden?sorteer=inwoners&volgorde=aflopend" });
    const order = [
      ...res.body.matchAll(/scope="row"><a class="nl-link" href="\/gebieden\/(WK\d+)"/g),
    ].map((m) => m[1]);
    expect(order[0]).toBe("WK035608"); // Galecop, 8,130
    expect(order.at(-1)).toBe("WK035615"); // Park Oudegein, 15
    expect(res.body).toContain('aria-sort="descending"');
  });

  it("shows a wijk with breadcrumbs, population and a map, without an edit form for visitors", async () => {
    const res = await t.app.inject({ url: "/gebieden/WK035625" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Wijk Rijnhuizen");
    expect(res.body).toContain("1.925");
    expect(res.body).toContain("sk-map__area--current");
    expect(res.body).not.toContain("Gebied wijzigen");
    // A wijk page has no table of wijken: its map caption must not point to one.
    const caption = /<figcaption[^>]*>(.*?)<\/figcaption>/s.exec(res.body)?.[1] ?? "";
    expect(caption).toContain("Rijnhuizen is donker gekleurd");
    expect(caption).not.toContain("tabel");
  });

  it("answers an unknown area with a Dutch 404 page", async () => {
    const res = await t.app.inject({ url: "/gebieden/WK000000" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Pagina niet gevonden");
  });

  it("sends a code typed in lower case to the canonical page (301)", async () => {
    const res = await t.app.inject({ url: "/gebieden/wk035601" });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/gebieden/WK035601");
    expect((await t.app.inject({ url: "/gebieden/WK035601" })).statusCode).toBe(200);
  });

  it("lets a beleidsmedewerker move a wijk through the form (post, redirect, get)", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const { token, cookie, page } = await formSession(t.app, "/gebieden/WK035625", staff);
    expect(page.body).toContain("Gebied wijzigen");
    const res = await postGebied(cookie, {
      _csrf: token,
      gebied: "GB035604",
      toelichting: "Ligt dichter bij het centrum",
    });
    expect(res.statusCode).toBe(303);
    const after = await t.app.inject({ url: "/gebieden/WK035625", headers: { cookie } });
    expect(after.body).toContain("Doorslag &amp; Centrum");
    expect(after.body).toContain("Ligt dichter bij het centrum");
  });

  it("re-renders the form with an error summary for an unknown gebied", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const { token, cookie } = await formSession(t.app, "/gebieden/WK035625", staff);
    const res = await postGebied(cookie, { _csrf: token, gebied: "GB000000" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Er is iets niet goed ingevuld");
    expect(res.body).toContain("geen gebied van deze gemeente");
  });

  it("refuses a partner (403) and an anonymous form post", async () => {
    const partner = await t.sessionFor("partner");
    const { token, cookie } = await formSession(t.app, "/gebieden/WK035625", partner);
    expect((await postGebied(cookie, { _csrf: token, gebied: "GB035601" })).statusCode).toBe(403);
    const anonymous = await formSession(t.app, "/inloggen");
    expect(
      (await postGebied(anonymous.cookie, { _csrf: anonymous.token, gebied: "GB035601" }))
        .statusCode,
    ).toBe(401);
  });
});
