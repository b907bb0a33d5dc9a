import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { parseCsvRecords } from "../../platform/csv.js";

/**
 * The small-count rule on every public read path: a wijk count of 3 (threshold 10) planted for an
 * "aantal" indicator must not come out of any route for a visitor without `monitoring.edit`, in
 * raw or derived form; staff get the 3, marked as not public.
 */

const INDICATOR = "cbs-wmo-clienten";
const WIJK = "WK035615"; // Park Oudegein, 15 inhabitants
const WIJK_NAME = "Park Oudegein";
const SOURCE = "Privacytoets bron Park Oudegein";
const YEAR = 2022;

let t: TestApp;
let staff: string;
let partner: string;

beforeAll(async () => {
  t = await startTestApp();
  expect(t.tenant.privacyThreshold).toBe(10);
  staff = await t.sessionFor("beleidsmedewerker");
  partner = await t.sessionFor("partner");
  const csv = [
    "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting",
    `${INDICATOR},${WIJK},${YEAR},,realisatie,3,${SOURCE},,,`,
    `${INDICATOR},${WIJK},${YEAR},,schatting,4,${SOURCE},,,`,
    `${INDICATOR},${WIJK},${YEAR + 1},2,realisatie,2,${SOURCE},,,`,
    `${INDICATOR},WK035608,${YEAR},,realisatie,420,${SOURCE},,,`,
    `${INDICATOR},GB035601,${YEAR},,realisatie,5,${SOURCE},,,`,
  ].join("\n");
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/metingen/import",
    headers: { cookie: staff, "content-type": "text/csv" },
    payload: csv,
  });
  expect(res.json()).toMatchObject({ geslaagd: true, nieuw: 4 });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, headers: cookie ? { cookie } : {} });

interface Meting {
  indicator?: string;
  gebied: string;
  jaar: number;
  kwartaal: number | null;
  waarde: number | null;
  schatting: number | null;
  openbaar: boolean;
  nietGetoond: boolean;
}
const planted = (metingen: Meting[]) =>
  metingen.filter(
    (m) =>
      (m.indicator ?? INDICATOR) === INDICATOR && (m.gebied === WIJK || m.gebied === "GB035601"),
  );

/** The table row of the wijk on the indicator page. */
const wijkRow = (html: string) =>
  new RegExp(`<tr[^>]*>(?:(?!</tr>).)*href="/gebieden/${WIJK}"(?:(?!</tr>).)*</tr>`, "s").exec(
    html,
  )?.[0];

const csvRowsOf = (body: string) =>
  parseCsvRecords(body).filter(
    (r) => r.indicator === INDICATOR && (r.gebied === WIJK || r.gebied === "GB035601"),
  );

describe.each([
  ["anonymous", undefined],
  ["partner (no monitoring.edit)", () => partner],
])("a %s visitor never gets the small count", (_who, cookieOf) => {
  const cookie = () => cookieOf?.();

  it("API metingen (JSON, also filtered on the wijk): value and estimate null, marked", async () => {
    for (const url of [
      `/api/v1/indicatoren/${INDICATOR}/metingen`,
      `/api/v1/indicatoren/${INDICATOR}/metingen?gebied=${WIJK}`,
      `/api/v1/indicatoren/${INDICATOR}/metingen?gebied=${WIJK.toLowerCase()}`,
      `/api/v1/metingen?indicator=${INDICATOR}`,
      `/api/v1/metingen?gebied=${WIJK},GB035601`,
      `/api/v1/metingen`,
    ]) {
      const res = await get(url, cookie());
      expect(res.statusCode, url).toBe(200);
      const rows = planted(res.json().metingen);
      const withGebied = !url.includes("gebied=") || url.includes("GB035601");
      expect(rows, url).toHaveLength(withGebied ? 3 : 2);
      for (const m of rows) {
        expect(m, url).toMatchObject({
          waarde: null,
          schatting: null,
          openbaar: false,
          nietGetoond: true,
        });
      }
      const galecop = (res.json().metingen as Meting[]).find(
        (m) => m.gebied === "WK035608" && m.jaar === YEAR && m.waarde === 420,
      );
      if (!url.includes("gebied=")) expect(galecop, url).toMatchObject({ openbaar: true });
    }
  });

  it("CSV exports: the line is there with an empty value and the privacy note", async () => {
    for (const url of [
      `/api/v1/indicatoren/${INDICATOR}/metingen?formaat=csv`,
      `/api/v1/indicatoren/${INDICATOR}/metingen?gebied=${WIJK}&formaat=csv`,
      `/api/v1/metingen?indicator=${INDICATOR}&formaat=csv`,
      `/api/v1/metingen?formaat=csv`,
    ]) {
      const res = await get(url, cookie());
      expect(res.statusCode, url).toBe(200);
      const rows = csvRowsOf(res.body);
      expect(rows.map((r) => `${r.gebied} ${r.jaar} ${r.kwartaal} ${r.soort}`).sort(), url).toEqual(
        [
          ...(url.includes("gebied=") ? [] : [`GB035601 ${YEAR}  realisatie`]),
          `${WIJK} ${YEAR}  realisatie`,
          `${WIJK} ${YEAR}  schatting`,
          `${WIJK} ${YEAR + 1} 2 realisatie`,
        ],
      );
      for (const r of rows) {
        expect(r.waarde, url).toBe("");
        expect(r.toelichting, url).toBe("niet getoond (privacy)");
      }
    }
  });

  it("analysis API: the wijk has no value, difference or judgement, only the fallback", async () => {
    const a = (await get(`/api/v1/indicatoren/${INDICATOR}/analyse`, cookie())).json();
    expect(a.wijken.find((w: { gebied: string }) => w.gebied === WIJK)).toEqual({
      gebied: WIJK,
      waarde: null,
      openbaar: false,
      nietGetoond: true,
      terugval: { gebied: "GM0356", waarde: 3400 },
      verschil: null,
      oordeel: null,
    });
    expect(a.reeks.map((p: { waarde: number }) => p.waarde)).toEqual([3380, 3400]);
  });

  it("indicator page: the wijk row says 'niet getoond (privacy)', the map has no value", async () => {
    const res = await get(`/monitor/${INDICATOR}`, cookie());
    expect(res.statusCode).toBe(200);
    const row = wijkRow(res.body);
    expect(row).toContain("niet getoond (privacy); Nieuwegein: 3.400");
    expect(row).not.toMatch(/>\s*[34]\s*(<|\()/);
    expect(row).not.toContain("niet openbaar");
    expect(res.body).toContain(`<title>${WIJK_NAME}: geen waarde</title>`);
    expect(res.body).toContain("<title>Galecop: 420</title>");
    expect(res.body).not.toMatch(new RegExp(`${WIJK_NAME}: [0-9]`));
    // The map legend runs from the lowest public value; with Galecop alone that is 420.
    expect(res.body).not.toMatch(/sk-legend__swatch sk-choro--1"[^>]*><\/span>\s*[0-4]? tot/);
  });

  it("chart images: no bar for the wijk; the trend is the municipality's", async () => {
    const bars = await get(`/monitor/${INDICATOR}/wijken.svg`, cookie());
    expect(bars.statusCode).toBe(200);
    expect(bars.body).toContain("Galecop");
    expect(bars.body).not.toContain(WIJK_NAME);
    for (const url of [
      `/monitor/${INDICATOR}/grafiek.svg`,
      `/monitor/${INDICATOR}/grafiek.svg?formaat=klein`,
    ]) {
      const line = await get(url, cookie());
      expect(line.statusCode).toBe(200);
      expect(line.body).not.toContain(WIJK_NAME);
    }
  });

  it("dashboard, indicator list, wijk page, evaluation and search show no wijk figure", async () => {
    const list = (await get("/api/v1/indicatoren", cookie())).json().indicatoren;
    expect(list.find((i: { code: string }) => i.code === INDICATOR).laatsteMeting).toEqual({
      periode: YEAR,
      waarde: 3400,
    });
    expect((await get(`/api/v1/indicatoren/${INDICATOR}`, cookie())).json().laatsteMeting).toEqual({
      periode: YEAR,
      waarde: 3400,
    });
    const dashboard = await get("/monitor", cookie());
    expect(dashboard.statusCode).toBe(200);
    const dashRow = new RegExp(
      `<tr[^>]*>(?:(?!</tr>).)*href="/monitor/${INDICATOR}"(?:(?!</tr>).)*</tr>`,
      "s",
    ).exec(dashboard.body)?.[0];
    expect(dashRow).toContain(`3.400 (${YEAR})`);
    const area = await get(`/gebieden/${WIJK}`, cookie());
    expect(area.statusCode).toBe(200);
    expect(area.body).not.toContain(SOURCE);
    // The wijk page lists the indicator among the wijk's figures, with the value withheld.
    const areaRow =
      new RegExp(
        `<tr[^>]*>(?:(?!</tr>).)*href="/monitor/${INDICATOR}"(?:(?!</tr>).)*</tr>`,
        "s",
      ).exec(area.body)?.[0] ?? "";
    expect(areaRow).toContain("niet getoond (privacy)");
    expect(areaRow.replace(/<[^>]+>/g, " ")).not.toMatch(/(^|\s)[234](\s|$)/);
    const evaluation = await get("/evaluatie/beleidskader-2025-2030/2026", cookie());
    expect(evaluation.statusCode).toBe(200);
    expect(evaluation.body).not.toContain(WIJK_NAME);
    expect(evaluation.body).not.toContain(SOURCE);
    const search = (await get("/api/v1/zoeken?q=Privacytoets", cookie())).json();
    expect(search.totaal).toBe(0);
    const searchPage = await get("/zoeken?q=Privacytoets", cookie());
    expect(searchPage.statusCode).toBe(200);
    expect(searchPage.body).not.toContain(`/monitor/${INDICATOR}`);
  });
});

describe("staff with monitoring.edit", () => {
  it("get the real figures in the API, marked as not public", async () => {
    const rows = planted(
      (await get(`/api/v1/indicatoren/${INDICATOR}/metingen`, staff)).json().metingen,
    );
    expect(rows.find((m) => m.gebied === WIJK && m.kwartaal === null)).toMatchObject({
      waarde: 3,
      schatting: 4,
      openbaar: false,
      nietGetoond: false,
    });
    const a = (await get(`/api/v1/indicatoren/${INDICATOR}/analyse`, staff)).json();
    expect(a.wijken.find((w: { gebied: string }) => w.gebied === WIJK)).toMatchObject({
      waarde: 3,
      openbaar: false,
      nietGetoond: false,
    });
  });

  it("get the real figures in the CSV, with 'niet openbaar' in the toelichting", async () => {
    const rows = csvRowsOf(
      (await get(`/api/v1/metingen?indicator=${INDICATOR}&formaat=csv`, staff)).body,
    );
    expect(
      rows.find((r) => r.gebied === WIJK && r.soort === "realisatie" && !r.kwartaal),
    ).toMatchObject({ waarde: "3", toelichting: "niet openbaar (privacy)" });
  });

  it("see '3 (niet openbaar)' on the page, but the map and the chart stay public", async () => {
    const res = await get(`/monitor/${INDICATOR}`, staff);
    expect(wijkRow(res.body)).toContain("3 (niet openbaar)");
    expect(res.body).toContain("zijn niet openbaar: u ziet ze omdat u");
    expect(res.body).toContain(`<title>${WIJK_NAME}: geen waarde</title>`);
    expect((await get(`/monitor/${INDICATOR}/wijken.svg`, staff)).body).not.toContain(WIJK_NAME);
  });
});

it("documents the privacy markers in the OpenAPI description", async () => {
  const doc = JSON.stringify((await get("/api/v1/openapi.json")).json());
  expect(doc).toContain("nietGetoond");
  expect(doc).toContain("niet openbaar");
});
