import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/database.js";
import { fromRoot } from "../../config/paths.js";
import { systemActor } from "../../platform/actor.js";
import { loadDefaultPolicy, readPolicyDataFiles } from "./loader.js";
import * as repo from "./repository.js";
import { normaliseSourceText } from "./source-text.js";

let database: Awaited<ReturnType<typeof freshDatabase>>;
const dir = fromRoot("data/nieuwegein");
const actor = systemActor("GM0356");

beforeAll(async () => {
  database = await freshDatabase();
  expect(await loadDefaultPolicy(database.db, actor, dir)).toBe(true);
});
afterAll(async () => {
  await database?.close();
});

const doc = async (slug: string) => {
  const d = await repo.findDocumentBySlug(database.db, "GM0356", slug);
  if (!d) throw new Error(`document ${slug} ontbreekt`);
  return { document: d, ...(await repo.loadDocumentContent(database.db, d.id)) };
};

describe("Nieuwegein policy documents", () => {
  it("Begroting 2020: six goals and 60 activities in six programmes with the counts of the source", async () => {
    const b = await doc("begroting-2020");
    expect(b.goals.filter((g) => !g.parentId).map((g) => g.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
    ]);
    const perProgramme = Object.fromEntries(
      b.sections
        .filter((s) => s.kind === "programma")
        .map((s) => [
          s.title.split(" (")[0],
          b.activities.filter((a) => a.sectionId === s.id).length,
        ]),
    );
    expect(perProgramme).toEqual({
      "Gezond stedelijk leven voor iedereen": 11,
      "Brede toegang": 13,
      "Iedereen doet mee": 11,
      Geldwijs: 7,
      "Kansen voor Jeugd": 15,
      Woonwijs: 3,
    });
    const agenda = b.activities.find((a) =>
      a.text.startsWith("We agenderen de volgende onderwerpen"),
    );
    expect(agenda?.text).toContain("5. Ontwikkelingen binnen- en buiten de school in de wijk");
    expect(b.years.filter((y) => y.year === 2020)).toHaveLength(60);
  });

  it("Begroting 2020: Wat doen we samen, Ondersteuning, Bescherming, Onderzoeksagenda and the partnerships", async () => {
    const b = await doc("begroting-2020");
    expect(b.sections.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        "Wat doen we samen?",
        "Regio",
        "Ondersteuning",
        "Bescherming",
        "Onderzoeksagenda Sociaal Domein",
      ]),
    );
    const names = new Set(b.partnershipLinks.map((l) => l.partnership.name));
    for (const n of [
      "Lekstroom",
      "U10",
      "Health Hub",
      "Regionale backoffice Lekstroom (RBL)",
      "Bestuurlijk Platform Sociaal Domein Lekstroom (BPSDL)",
    ]) {
      expect(names).toContain(n);
    }
    const lekstroom = b.partnershipLinks.find(
      (l) => l.partnership.slug === "lekstroom",
    )?.partnership;
    expect(lekstroom?.members).toEqual([
      "Nieuwegein",
      "Houten",
      "Lopik",
      "IJsselstein",
      "Vianen (nu: Vijfheerenlanden)",
    ]);
  });

  it("Jaarstukken 2020: goals 3 to 6 and 11 realised activities with a status each", async () => {
    const j = await doc("jaarstukken-2020");
    expect(j.goals.map((g) => `${g.number}: ${g.text}`)).toEqual([
      "3: Weg vinden naar informatie, ondersteuning en hulp",
      "4: Inwoners met een beperking doen meer mee",
      "5: Inwoners met bijstandsuitkering vinden betaald/onbetaald werk",
      "6: Jeugd grijpt kansen om zelfstandig positie te verwerven",
    ]);
    expect(j.goals.every((g) => g.accountsForId)).toBe(true);
    const b = await doc("begroting-2020");
    const realised = b.years.filter((y) => y.realisationDocumentId === j.document.id);
    expect(realised).toHaveLength(11);
    expect(realised.every((y) => y.realisationText && y.status !== "gepland")).toBe(true);
    const history = await repo.statusHistory(
      database.db,
      realised.map((y) => y.id),
    );
    expect(history).toHaveLength(11);
  });

  it("Beleidskader 2025-2030: three ambitions, four pillars with their goals, results and indicators", async () => {
    const k = await doc("beleidskader-2025-2030");
    expect(k.document.officialReference).toBe("Gemeenteblad 2025 nr. 565453");
    expect(k.goals.filter((g) => g.level === "maatschappelijk_effect")).toHaveLength(3);
    const pillars = k.sections.filter((s) => s.kind === "pijler");
    expect(pillars.map((p) => p.title)).toEqual([
      "Sociale verbinding en samen-kracht",
      "Meer oplossen in het gewone leven",
      "Toeleiding naar passende ondersteuning",
      "Wmo-maatwerk voor de ondersteuning van inwoners",
    ]);
    const count = (pillar: string, level: string, top = true) =>
      k.goals.filter(
        (g) =>
          g.sectionId === pillars.find((p) => p.title === pillar)?.id &&
          g.level === level &&
          (!top || !g.parentId),
      ).length;
    expect(count("Sociale verbinding en samen-kracht", "beleidsdoelstelling")).toBe(1);
    expect(count("Sociale verbinding en samen-kracht", "resultaat")).toBe(3);
    expect(count("Meer oplossen in het gewone leven", "beleidsdoelstelling")).toBe(2);
    expect(count("Meer oplossen in het gewone leven", "resultaat")).toBe(5);
    expect(count("Toeleiding naar passende ondersteuning", "resultaat")).toBe(4);
    expect(count("Wmo-maatwerk voor de ondersteuning van inwoners", "resultaat")).toBe(4);
    expect(k.indicators.map((i) => i.namedSource)).toEqual([
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      "Gezondheidsmonitor",
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      "Monitor Sociale Kracht",
      null,
      "Bronnen dashboard en T-rapportage RBL",
      null,
    ]);
    expect(
      k.goals.some((g) => g.text.startsWith("Er is een toegankelijk en samenhangend aanbod")),
    ).toBe(true);
  });

  it("Meerjarenopgave Welzijn 2021-2024: four main goals and five work areas with effects and policy goals", async () => {
    const m = await doc("meerjarenopgave-welzijn-2021-2024");
    expect(
      m.goals.filter((g) => g.sectionId === m.sections.find((s) => s.slug === "hoofddoelen")?.id),
    ).toHaveLength(4);
    const areas = m.sections.filter((s) => s.kind === "werkgebied");
    expect(areas.map((a) => a.title)).toEqual([
      "Collectief welzijnswerk",
      "Individueel welzijnswerk",
      "Jongerenwerk",
      "Advies, informatie en verbinding",
      "Inwonersinitiatieven",
    ]);
    for (const a of areas.slice(0, 4)) {
      expect(
        m.goals.some((g) => g.sectionId === a.id && g.level === "maatschappelijk_effect"),
      ).toBe(true);
      expect(m.goals.some((g) => g.sectionId === a.id && g.level === "beleidsdoelstelling")).toBe(
        true,
      );
    }
  });

  it("is idempotent: a second load adds nothing", async () => {
    const before = await repo.countPolicyItems(
      database.db,
      (await doc("begroting-2020")).document.id,
    );
    expect(await loadDefaultPolicy(database.db, actor, dir)).toBe(false);
    expect(
      await repo.countPolicyItems(database.db, (await doc("begroting-2020")).document.id),
    ).toEqual(before);
  });
});

describe("every text matches its source document word for word", () => {
  const sources = new Map<string, string>();
  const sourceText = (source: string) => {
    const file = source.split(",")[0]?.split(" ")[0] ?? "";
    if (!sources.has(file))
      sources.set(
        file,
        normaliseSourceText(readFileSync(fromRoot("data/nieuwegein/bronnen", file), "utf8")),
      );
    return sources.get(file) as string;
  };

  for (const { name, file } of readPolicyDataFiles(fromRoot("data/nieuwegein"))) {
    it(name, () => {
      const texts: { source: string; text: string }[] = [
        ...file.goals.map((g) => ({ source: g.source, text: g.text })),
        ...file.goals
          .filter((g) => g.description)
          .map((g) => ({ source: g.source, text: g.description ?? "" })),
        ...(file.activities ?? []).map((a) => ({ source: a.source, text: a.text })),
        ...(file.realisations ?? []).map((r) => ({ source: r.source, text: r.text })),
        ...(file.indicators ?? []).map((i) => ({ source: i.source, text: i.text })),
        ...file.sections.filter((s) => s.body).map((s) => ({ source: s.source, text: s.body })),
      ];
      const missing = texts.filter(
        (t) => !sourceText(t.source).includes(normaliseSourceText(t.text)),
      );
      expect(missing.map((m) => `${m.source}: ${m.text.slice(0, 80)}`)).toEqual([]);
    });
  }
});
