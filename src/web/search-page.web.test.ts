import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/helpers/app.js";

const t = useTestApp();

const search = (query: string, extra = "") =>
  t.app.inject({ url: `/zoeken?q=${encodeURIComponent(query)}${extra}` });

/** The HTML of one kind's group on the results page. */
function group(body: string, kind: string): string {
  const start = body.indexOf(`id="soort-${kind}"`);
  if (start < 0) return "";
  const end = body.indexOf('id="soort-', start + 1);
  return body.slice(start, end < 0 ? undefined : end);
}

const countOf = (body: string, kind: string) =>
  Number(/\((\d+)\)<\/h2>/.exec(group(body, kind))?.[1] ?? 0);

describe("search across areas, indicators and policy texts", () => {
  it("finds the wijk Galecop by name", async () => {
    const res = await search("Galecop");
    expect(res.statusCode).toBe(200);
    expect(group(res.body, "gebieden")).toContain('href="/gebieden/WK035608"');
    expect(res.body).not.toContain("Bedoelde u");
  });

  it("finds the indicator and the policy texts for eenzaamheid, by Dutch stem", async () => {
    const res = await search("eenzaamheid");
    expect(group(res.body, "indicatoren")).toContain('href="/monitor/msk-eenzaamheid"');
    expect(group(res.body, "indicatoren")).toContain("Mate van eenzaamheid");
    const policy = ["beleidsdocumenten", "onderdelen", "doelen", "activiteiten"];
    expect(policy.reduce((n, kind) => n + countOf(res.body, kind), 0)).toBeGreaterThan(0);
    // "eenzaam" has the same stem: the same indicator is found.
    expect(group((await search("eenzaam")).body, "indicatoren")).toContain(
      'href="/monitor/msk-eenzaamheid"',
    );
    // The page says how many results of each kind.
    expect(res.body).toMatch(/Indicatoren: \d+/);
    expect(res.body).toMatch(/\d+ resultaten voor &quot;eenzaamheid&quot;/);
  });

  it("finds a wijk by its code, in any case", async () => {
    expect(group((await search("wk035601")).body, "gebieden")).toContain(
      'href="/gebieden/WK035601"',
    );
  });

  it('offers "Bedoelde u" for a typo, as a link to the corrected search', async () => {
    const typo = await search("eenzaamhied");
    expect(typo.body).toContain('Bedoelde u <a class="nl-link" href="/zoeken?q=eenzaamheid">');
    const wijk = await search("Galecopp");
    expect(wijk.body).toContain('href="/zoeken?q=Galecop">Galecop</a>');
  });

  it("lists one kind with pages, and links back to all kinds", async () => {
    // websearch syntax: any of these words.
    const q = "inwoners or wijk or zorg or ondersteuning";
    const all = await search(q);
    const total = countOf(all.body, "activiteiten");
    expect(total).toBeGreaterThan(20);
    const href = `/zoeken?q=${encodeURIComponent(q)}&amp;soort=activiteiten`;
    expect(all.body).toContain(`href="${href}"`);
    const first = await search(q, "&soort=activiteiten");
    expect(first.body).toContain(`Activiteiten (${total})`);
    expect(first.body).toContain(`href="${href}&amp;pagina=2"`);
    expect(first.body).toContain("Terug naar alle soorten resultaten");
    expect(group(first.body, "indicatoren")).toBe("");
  });

  it("says 1 resultaat, not 1 resultaten", async () => {
    // A wijk code is named by its wijk only: no policy text or indicator contains it.
    const page = await search("WK035601");
    expect(page.body).toContain("1 resultaat voor");
    expect(page.body).not.toContain("1 resultaten voor");
  });

  it("refuses a query over 200 characters with a Dutch error", async () => {
    const res = await search("a".repeat(201));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Zoekterm is te lang (max. 200 tekens).");
  });

  it("shows the form alone without a query, and escapes what was typed", async () => {
    const empty = await t.app.inject({ url: "/zoeken" });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('role="status"');
    const script = await search("<script>alert(1)</script>");
    expect(script.body).not.toContain("<script>alert(1)</script>");
  });

  it("keeps the policy search API working", async () => {
    const res = await t.app.inject({ url: "/api/v1/zoeken?q=eenzaamheid" });
    expect(res.statusCode).toBe(200);
    expect(res.json().totaal).toBeGreaterThan(0);
  });
});
