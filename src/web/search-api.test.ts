import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/helpers/app.js";

const t = useTestApp();

const searchApi = (query: string) => t.app.inject({ url: `/api/v1/zoekresultaten?${query}` });

interface Group {
  soort: string;
  totaal: number;
  resultaten: { id: string; pagina: string; fragment: string | null; treffers: string[] }[];
}
const groupOf = (body: { groepen: Group[] }, kind: string) =>
  body.groepen.find((g) => g.soort === kind);

describe("the search API", () => {
  it("finds the wijk, the indicator and the policy texts, with plain fragments and their hits", async () => {
    const wijk = (await searchApi("q=Galecop")).json();
    expect(groupOf(wijk, "gebieden")?.resultaten.map((r) => r.pagina)).toContain(
      "/gebieden/WK035608",
    );
    const res = await searchApi("q=eenzaamheid");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(groupOf(body, "indicatoren")?.resultaten.map((r) => r.id)).toContain("msk-eenzaamheid");
    const activity = groupOf(body, "activiteiten")?.resultaten[0];
    expect(activity?.fragment).not.toMatch(/[\uE000\uE001<]/);
    expect(activity?.treffers.length).toBeGreaterThan(0);
    expect(body.totaal).toBe(body.groepen.reduce((sum: number, g: Group) => sum + g.totaal, 0));
  });

  it("pages through one kind and suggests a correction for a typo", async () => {
    const one = (await searchApi("q=eenzaamheid&soort=indicatoren&pagina=1")).json();
    expect(one.groepen.map((g: Group) => g.soort)).toEqual(["indicatoren"]);
    const typo = (await searchApi("q=eenzaamhied")).json();
    expect(typo.bedoeldeU).toBe("eenzaamheid");
  });

  it("refuses an unknown kind and an empty or too long query in Dutch (400)", async () => {
    const kind = await searchApi("q=wijk&soort=vacatures");
    expect(kind.statusCode).toBe(400);
    // The schema lists the registered kinds, so the refusal names them.
    expect(kind.json().detail).toContain("soort: moet een van deze waarden zijn: gebieden");
    expect(kind.json().detail).toContain("organisaties");
    expect((await searchApi("q=")).statusCode).toBe(400);
    expect((await searchApi(`q=${"a".repeat(201)}`)).statusCode).toBe(400);
  });
});
