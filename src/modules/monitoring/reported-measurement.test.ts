import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import { recordReportedMeasurement } from "./index.js";
import * as repo from "./repository.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const actor = { ...systemActor("GM0356"), publicName: "Gemeente (beleidsmedewerker)" };

describe("a value reported by another module", () => {
  it("becomes the year's measurement, is corrected with the old value kept, and rolls back with its transaction", async () => {
    const db = t.database.db;
    const indicator = (await repo.listIndicators(db, "GM0356")).find(
      (i) => i.slug === "msk-vrijwilligerswerk",
    );
    if (!indicator) throw new Error("indicator missing from the default data");
    const write = (value: number, source: string) =>
      db.transaction((tx) =>
        recordReportedMeasurement(tx, actor, {
          indicatorId: indicator.id,
          areaCode: "GM0356",
          year: 2031,
          value,
          source,
        }),
      );
    expect(await write(37.5, "Verantwoording MOvactor 2031")).toBe("inserted");
    expect(await write(37.5, "Verantwoording MOvactor 2031")).toBe("unchanged");
    expect(await write(38, "Verantwoording MOvactor 2031 (aangevuld)")).toBe("corrected");
    const [row] = (await repo.measurementsOf(db, [indicator.id], ["GM0356"])).filter(
      (m) => m.year === 2031,
    );
    expect(row).toMatchObject({ value: 38, source: "Verantwoording MOvactor 2031 (aangevuld)" });
    const corrections = await repo.correctionsOf(db, [row?.id ?? ""]);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.before).toMatchObject({ waarde: 37.5 });

    // Nothing stays when the caller's transaction fails after the write.
    await expect(
      db.transaction(async (tx) => {
        await recordReportedMeasurement(tx, actor, {
          indicatorId: indicator.id,
          areaCode: "GM0356",
          year: 2032,
          value: 1,
          source: "x",
        });
        throw new Error("afgebroken");
      }),
    ).rejects.toThrow("afgebroken");
    expect(
      (await repo.measurementsOf(db, [indicator.id], ["GM0356"])).some((m) => m.year === 2032),
    ).toBe(false);

    const page = await t.app.inject({ url: "/monitor/msk-vrijwilligerswerk" });
    expect(page.body).toContain("Verantwoording MOvactor 2031 (aangevuld)");
  });

  it("refuses an indicator of another municipality as absent", async () => {
    const db = t.database.db;
    const [indicator] = await repo.listIndicators(db, "GM0356");
    await expect(
      db.transaction((tx) =>
        recordReportedMeasurement(tx, systemActor("GM0999"), {
          indicatorId: indicator?.id ?? "",
          areaCode: "GM0356",
          year: 2031,
          value: 1,
          source: "x",
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});
