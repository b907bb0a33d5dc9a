import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import { importMeasurements } from "./import-service.js";
import * as repo from "./repository.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const series = async (slug: string, area = "GM0356") => {
  const ind = (await repo.listIndicators(t.database.db, "GM0356")).find((i) => i.slug === slug);
  if (!ind) throw new Error(`indicator ${slug} ontbreekt`);
  return repo.measurementsOf(t.database.db, [ind.id], [area]);
};

describe("Nieuwegein's monitoring data", () => {
  it("has every indicator of seed 002 §2.1.1-2.4.1 and the three main scores of seed 004, each linked", async () => {
    const list = await repo.listIndicators(t.database.db, "GM0356");
    const links = await repo.linksOf(
      t.database.db,
      list.map((i) => i.id),
    );
    const linkedPolicyIndicators = new Set(links.map((l) => l.policyIndicatorId).filter(Boolean));
    expect(linkedPolicyIndicators.size).toBe(12);
    for (const name of [
      "Sociale samenhang in de buurt",
      "Mate van eenzaamheid",
      "Zelfredzaamheid",
    ]) {
      const ind = list.find((i) => i.name === name);
      expect(ind, name).toBeDefined();
      expect(links.some((l) => l.indicatorId === ind?.id && l.goalId)).toBe(true);
    }
  });

  it("loads social cohesion 5.9 (2018) and 5.5 (2024), and Collectieve zelfredzaamheid with its 2020 target", async () => {
    expect((await series("msk-sociale-samenhang")).map((m) => [m.year, m.value])).toEqual([
      [2018, 5.9],
      [2024, 5.5],
    ]);
    const cz = await series("jv-collectieve-zelfredzaamheid");
    expect(cz.find((m) => m.year === 2020)).toMatchObject({ value: 3, target: 3.2 });
  });

  it("loads Wmo clients and the 2024 population of all 22 wijken", async () => {
    expect((await series("cbs-wmo-clienten")).map((m) => m.value)).toEqual([3380, 3400]);
    const ind = (await repo.listIndicators(t.database.db, "GM0356")).find(
      (i) => i.slug === "cbs-inwoners",
    );
    const all = await repo.measurementsOf(t.database.db, [ind?.id ?? ""]);
    expect(all.filter((m) => m.areaCode.startsWith("WK"))).toHaveLength(22);
  });
});

describe("CSV import", () => {
  const actor = systemActor("GM0356", "test");
  const header =
    "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting";

  it("imports nothing when one row is bad, and reports its line", async () => {
    const before = (await series("msk-vrijwilligerswerk")).length;
    const csv = [
      header,
      "msk-vrijwilligerswerk,GM0356,2026,,realisatie,36,Test,,,",
      "msk-vrijwilligerswerk,WK035601,2026,,realisatie,veel,Test,,,",
    ].join("\n");
    const r = await importMeasurements(t.database.db, actor, csv);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ line: 3, message: 'waarde "veel" is geen getal' }]);
    expect((await series("msk-vrijwilligerswerk")).length).toBe(before);
  });

  it("corrects an existing period and keeps the old value", async () => {
    const csv = [
      header,
      'msk-sociale-samenhang,GM0356,2024,,realisatie,"5,6",Monitor Sociale Kracht (herzien),,nader voorlopig,',
    ].join("\n");
    const preview = await importMeasurements(t.database.db, actor, csv, { dryRun: true });
    expect(preview).toMatchObject({ ok: true, inserted: 0, corrected: 1 });
    expect((await series("msk-sociale-samenhang")).at(-1)?.value).toBe(5.5);
    const r = await importMeasurements(t.database.db, actor, csv, { fileName: "herziening.csv" });
    expect(r).toMatchObject({ ok: true, corrected: 1 });
    const after = await series("msk-sociale-samenhang");
    expect(after.at(-1)).toMatchObject({ value: 5.6, releaseState: "nader_voorlopig" });
    const corrections = await repo.correctionsOf(t.database.db, [after.at(-1)?.id ?? ""]);
    expect(corrections[0]?.before).toMatchObject({ waarde: 5.5 });
  });

  it("imports 10,000 rows in one go", async () => {
    // Realisations may not lie in the future: 20 areas × 100 past years × 5 periods (year and 4 quarters).
    const areas = [
      "GM0356",
      ...["01", "02", "03", "04", "05", "06", "07", "08", "10", "11"],
      ...["12", "13", "14", "15", "16", "18", "20", "21", "22"],
    ].map((n) => (n.startsWith("GM") ? n : `WK0356${n}`));
    const lines = [header];
    for (let y = 1900; y < 2000; y++)
      for (const quarter of ["", "1", "2", "3", "4"])
        for (const area of areas)
          lines.push(`cbs-inwoners,${area},${y},${quarter},realisatie,${y},Test,,,`);
    expect(lines).toHaveLength(10_001);
    const r = await importMeasurements(t.database.db, actor, lines.join("\n"), {
      fileName: "groot.csv",
    });
    expect(r).toMatchObject({ ok: true, rows: 10_000, inserted: 10_000 });
  }, 90_000);
});
