import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/helpers/app.js";
import { measurementCsv } from "../../../test/helpers/measurements.js";
import { systemActor } from "../../platform/actor.js";
import { importMeasurements } from "../monitoring/index.js";

const t = useTestApp(["beleidsmedewerker"]);

/** The HTML of one registered section of a wijk page, by its anchor: up to the next part of the page. */
function section(body: string, id: string): string {
  const start = body.indexOf(`<section aria-labelledby="sectie-${id}">`);
  if (start < 0) return "";
  const rest = body.slice(start + 1);
  const ends = [rest.indexOf('<section aria-labelledby="sectie-'), rest.indexOf('id="inwoners"')];
  return rest.slice(0, Math.min(...ends.filter((e) => e >= 0)));
}

/** The cells of the table row whose header links to the indicator. */
function rowOf(html: string, slug: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)]
    .map((m) => m[1] ?? "")
    .find((r) => r.includes(`href="/monitor/${slug}"`));
  // A cell's column name for the phone layout (aria-hidden) is not part of its value.
  return [...(row ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) =>
    (m[1] ?? "")
      .replace(/<span class="sk-cell-label"[^>]*>.*?<\/span>/g, "")
      .replace(/<[^>]+>/g, ""),
  );
}

describe("the wijk page as the resident's entry", () => {
  it("links the policy goals and activities whose texts name the wijk, with their document", async () => {
    const res = await t.app.inject({ url: "/gebieden/WK035601" });
    expect(res.statusCode).toBe(200);
    const policy = section(res.body, "beleid");
    expect(policy).toContain("Beleid in deze wijk");
    // The begroting 2020 names "Wijkersloot, Jutphaas en Batau-Noord" in one activity.
    expect(policy).toMatch(/href="\/activiteiten\/[0-9a-f-]{36}"/);
    expect(policy).toContain("Jutphaas");
    expect(policy).toContain("Begroting 2020");
    // Each linked page exists.
    for (const [, href] of policy.matchAll(/href="(\/(?:activiteiten|doelen|beleid)\/[^"]+)"/g)) {
      expect((await t.app.inject({ url: href as string })).statusCode, href).toBe(200);
    }
  });

  it("finds a wijk written with a hyphen where its name has a space (Batau-Noord)", async () => {
    const policy = section((await t.app.inject({ url: "/gebieden/WK035604" })).body, "beleid");
    expect(policy).toContain('<mark class="sk-hit">Batau-Noord</mark>');
    expect(policy).toContain('<mark class="sk-hit">Batau Noord</mark>');
  });

  it("leaves the policy section out for a wijk no policy text names", async () => {
    const res = await t.app.inject({ url: "/gebieden/WK035615" });
    expect(res.body).not.toContain('id="sectie-beleid"');
    expect(res.body).toContain("Op deze pagina");
  });

  it("shows an imported wijk value beside the municipality figure of the same year", async () => {
    const csv = measurementCsv(
      "msk-eenzaamheid,WK035601,2024,,realisatie,57,Wijkmonitor (test),,,",
      "msk-eenzaamheid,WK035601,2022,,realisatie,44,Wijkmonitor (test),,,",
    );
    const imported = await importMeasurements(t.database.db, systemActor("GM0356", "test"), csv);
    expect(imported.ok).toBe(true);
    const res = await t.app.inject({ url: "/gebieden/WK035601" });
    const figures = section(res.body, "cijfers");
    expect(figures).toContain("Cijfers voor deze wijk");
    // Latest year only; the municipality's 49% (beleidskader, 2024) in the next column.
    expect(rowOf(figures, "msk-eenzaamheid")).toEqual([
      "Mate van eenzaamheid",
      "2024",
      "57%",
      "49%",
    ]);
    expect(figures).toContain('href="/monitor"');
    // Another wijk has no value for it, so the indicator is not listed there.
    const other = section((await t.app.inject({ url: "/gebieden/WK035602" })).body, "cijfers");
    expect(rowOf(other, "msk-eenzaamheid")).toEqual([]);
  });

  it("applies the small-count rule as the monitor does: hidden for visitors, marked for staff", async () => {
    const csv = measurementCsv("dementie,WK035602,2023,,realisatie,4,Wijkmonitor (test),,,");
    expect((await importMeasurements(t.database.db, systemActor("GM0356", "test"), csv)).ok).toBe(
      true,
    );
    const visitor = section((await t.app.inject({ url: "/gebieden/WK035602" })).body, "cijfers");
    expect(rowOf(visitor, "dementie")[2]).toBe("niet getoond (privacy)");
    expect(visitor).toContain("Aantallen onder de 10 worden per wijk niet getoond");
    const staff = await t.app.inject({
      url: "/gebieden/WK035602",
      headers: { cookie: t.cookie("beleidsmedewerker") },
    });
    expect(rowOf(section(staff.body, "cijfers"), "dementie")[2]).toBe("4 (niet openbaar)");
  });

  it("states gebied, population and projection (the municipality's when the wijk has none), and names the wijken table once", async () => {
    const res = await t.app.inject({ url: "/gebieden/WK035601" });
    expect(res.body).toMatch(
      /Jutphaas Wijkersloot ligt in gebied <a class="nl-link" href="\/gebieden\/GB035602">/,
    );
    expect(res.body).toContain("Op 1 januari 2024 woonden er 6.565 mensen.");
    // Nieuwegein's prognosis is for the municipality only: the wijk names it as such.
    expect(res.body).toContain(
      "Voor Jutphaas Wijkersloot zelf is geen bevolkingsprognose bekend; voor gemeente Nieuwegein als geheel verwacht de prognose 5.050 inwoners meer tot 2030.",
    );
    expect(res.body).toContain("Bevolkingsprognose (gemeente Nieuwegein)</h2>");
    const overview = await t.app.inject({ url: "/gebieden" });
    expect(overview.body).toContain("Wijken (22)</h2>");
    expect(overview.body).not.toMatch(/<caption[^>]*>Wijken/);
  });
});
