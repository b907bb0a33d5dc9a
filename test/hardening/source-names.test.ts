import { describe, expect, it } from "vitest";
import {
  describeSource,
  loadSourceCatalog,
  nameDocuments,
  sourceLabel,
} from "../../src/platform/source-catalog.js";
import { useTestApp } from "../helpers/app.js";

const t = useTestApp();
const INTERNAL_FILE = /\d{3}_[0-9a-f]{16}\.txt/;
const catalog = loadSourceCatalog("data/nieuwegein");

describe("sources are named as people know them", () => {
  it("maps a file and its section to the document's title and edition", () => {
    expect(sourceLabel("000_535bd9871ac073a5.txt, Programma Geldwijs, activiteit 1", catalog)).toBe(
      "Begroting 2020, Programma Geldwijs, activiteit 1",
    );
    expect(describeSource("000_535bd9871ac073a5.txt en 001_d9192273cbc2e4ef.txt", catalog)).toEqual(
      { documents: [{ label: "Begroting 2020", slug: "begroting-2020" }], section: "" },
    );
    expect(
      nameDocuments("Uitgevoerd (gelezen uit 003_9940bfe3de03ac92.txt, activiteit 4)", catalog),
    ).toBe("Uitgevoerd (gelezen uit Jaarstukken 2020, activiteit 4)");
    // A source without a known file stays as written.
    expect(sourceLabel("Toegevoegd door de gemeente", catalog)).toBe("Toegevoegd door de gemeente");
    expect(sourceLabel("onbekend.txt, §1", catalog)).toBe("onbekend.txt, §1");
  });

  it("a data set without a catalog shows sources as written", () => {
    const empty = loadSourceCatalog("data/bestaat-niet");
    expect(sourceLabel("000_535bd9871ac073a5.txt, §1", empty)).toBe("000_535bd9871ac073a5.txt, §1");
  });

  it("no public page of a document, section, goal or activity shows an internal file name", async () => {
    const urls = [
      "/beleid/begroting-2020",
      "/beleid/beleidskader-2025-2030",
      "/beleid/meerjarenopgave-welzijn-2021-2024",
      "/beleid/jaarstukken-2020",
      "/beleid/jaarstukken-2020/jaarverslag",
      "/samenwerkingsverbanden",
    ];
    const activities = (
      await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020&jaar=2020" })
    ).json().activiteiten as { id: string; bronDocument: string }[];
    // The API keeps the raw source and adds the document's name beside it.
    expect(activities[0]?.bronDocument).toMatch(/^Begroting 2020, Programma /);
    for (const a of activities) urls.push(`/activiteiten/${a.id}`);
    const framework = (await t.app.inject({ url: "/beleid/beleidskader-2025-2030" })).body;
    const budget = (await t.app.inject({ url: "/beleid/begroting-2020" })).body;
    const sectionPath = budget.match(/href="(\/beleid\/begroting-2020\/onderdelen\/[^"?]+)/)?.[1];
    const goalPath = framework.match(/href="(\/doelen\/[0-9a-f-]{36})"/)?.[1];
    if (sectionPath) urls.push(sectionPath);
    if (goalPath) urls.push(goalPath);
    expect(sectionPath).toBeDefined();
    expect(goalPath).toBeDefined();
    let historyNamed = false;
    for (const url of urls) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(INTERNAL_FILE);
      if (res.body.includes("gelezen uit Jaarstukken 2020")) historyNamed = true;
    }
    expect(historyNamed).toBe(true);

    const activity = await t.app.inject({ url: `/activiteiten/${activities[0]?.id}` });
    expect(activity.body).toContain(
      '<a class="nl-link" href="/beleid/begroting-2020">Begroting 2020</a>',
    );
    expect(framework).toContain(
      "Beleidskader Welzijn &amp; Maatschappelijke Ondersteuning 2025-2030",
    );
  });
});
