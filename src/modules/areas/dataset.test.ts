import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../config/paths.js";
import { parseAreaDataSet } from "./dataset.js";

const read = (name: string) => readFileSync(fromRoot("data/nieuwegein", name), "utf8");
const files = () => ({
  kwbCsv: read("cbs_kwb2024_wijken.csv"),
  boundariesGeoJson: read("cbs_wijken_2024.geojson"),
  gebiedenCsv: read("gebieden.csv"),
  wijkIndelingCsv: read("wijk_indeling.csv"),
  projectionsCsv: read("bevolkingsprognose.csv"),
});

describe("Nieuwegein area data set", () => {
  it("keeps the CBS files byte for byte (checksums from the data README)", () => {
    const sha = (name: string) =>
      createHash("sha256")
        .update(readFileSync(fromRoot("data/nieuwegein", name)))
        .digest("hex");
    expect(sha("cbs_kwb2024_wijken.csv")).toBe(
      "1dba2fff6ed7da816a45816a158368571330fa591a542fb12e410e5bd24d39b8",
    );
    expect(sha("cbs_wijken_2024.geojson")).toBe(
      "4f3ec7b1a03a8e6040133aa28080a3c697b6b7da5fee8551fe28d94a2e6b76b1",
    );
  });

  it("has the gemeente, 5 gebieden and 22 wijken, 16 of them named in the welfare plan", () => {
    const data = parseAreaDataSet("GM0356", files());
    const level = (l: string) => data.areas.filter((a) => a.level === l);
    expect(level("gemeente").map((a) => a.name)).toEqual(["Nieuwegein"]);
    expect(level("gebied").map((a) => a.name)).toEqual([
      "Noord",
      "JWZ",
      "Zuid",
      "Doorslag & Centrum",
      "Batau",
    ]);
    expect(level("wijk")).toHaveLength(22);
    expect(level("wijk").filter((w) => w.namedInPolicy)).toHaveLength(16);
    expect(level("wijk").every((w) => w.geometry)).toBe(true);
    expect(level("wijk").every((w) => w.parentIsAssumption)).toBe(true);
  });

  it("takes the 2024 populations from CBS: 65,971 for the gemeente, 65,965 summed over the wijken", () => {
    const data = parseAreaDataSet("GM0356", files());
    const gm = data.populations.find((p) => p.areaCode === "GM0356");
    expect(gm).toMatchObject({ year: 2024, population: 65_971 });
    const wijkSum = data.populations
      .filter((p) => p.areaCode.startsWith("WK"))
      .reduce((s, p) => s + p.population, 0);
    expect(wijkSum).toBe(65_965);
  });

  it("carries the Primos 2022 projection: +5,050 by 2030, +10,500 by 2040", () => {
    const data = parseAreaDataSet("GM0356", files());
    expect(data.projections.map((p) => [p.targetYear, p.growth])).toEqual([
      [2030, 5050],
      [2040, 10_500],
    ]);
  });

  it("refuses a wijk placed in a gebied that does not exist", () => {
    const broken = {
      ...files(),
      wijkIndelingCsv: read("wijk_indeling.csv").replace(
        "WK035601,Jutphaas-Wijkersloot,GB035602",
        "WK035601,Jutphaas-Wijkersloot,GB999",
      ),
    };
    expect(() => parseAreaDataSet("GM0356", broken)).toThrow(/onbekend gebied "GB999"/);
  });
});
