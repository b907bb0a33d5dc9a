import fc from "fast-check";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { square } from "../../../test/helpers/shapes.js";
import { classify, NO_VALUE_PATTERN, WijkChoropleth } from "./choropleth.js";

describe("classify", () => {
  it("puts the lowest value in the first class and the highest in the last", () => {
    const { classOf } = classify([15, 100, 8130]);
    expect(classOf(15)).toBe(0);
    expect(classOf(8130)).toBe(4);
  });
  it("every value falls in a class whose bounds contain it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const { bounds, classOf } = classify(values);
          for (const v of values) {
            const c = classOf(v);
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThan(5);
            expect(v).toBeGreaterThanOrEqual((bounds[c] as number) - 1e-9);
            expect(v).toBeLessThanOrEqual((bounds[c + 1] as number) + 1e-6);
          }
        },
      ),
    );
  });
});

describe("WijkChoropleth", () => {
  const features = [
    { code: "WK035601", name: "Jutphaas-Wijkersloot", geometry: square(5.08, 52.03, 0.01) },
    { code: "WK035602", name: "Galecop", geometry: square(5.1, 52.03, 0.01) },
    { code: "WK035603", name: "Park Oudegein", geometry: square(5.12, 52.03, 0.01) },
  ];
  const html = renderToString(
    <WijkChoropleth
      title="Kaart: inwoners per wijk, 2024"
      unit="aantal"
      features={features}
      values={
        new Map([
          ["WK035601", 100000],
          ["WK035602", 4.17],
        ])
      }
    />,
  );

  it("numbers each wijk on the map and names it with its Dutch-formatted value in the key", () => {
    expect(html.match(/<circle /g)?.length).toBe(3);
    expect(html).toMatch(/<text[^>]*>1<\/text>/);
    expect(html).toMatch(/<text[^>]*>3<\/text>/);
    const key = /<ol class="sk-map__key"[^>]*>(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
    expect(key).toContain("Jutphaas-Wijkersloot: 100.000");
    expect(key).toContain("Galecop: 4,17");
    expect(key).toContain("Park Oudegein: geen waarde");
  });

  it("hatches a wijk without a value with a pattern that no class uses, with a legend entry", () => {
    expect(html).toContain(`<pattern id="${NO_VALUE_PATTERN}"`);
    const noValue = /<path[^>]*sk-map__area--geen-waarde[^>]*>/.exec(html)?.[0] ?? "";
    expect(noValue).toContain(`fill="url(#${NO_VALUE_PATTERN})"`);
    expect(html.match(/sk-map__area--geen-waarde/g)?.length).toBe(1);
    expect(html.match(/class="sk-map__area sk-choro--/g)?.length).toBe(2);
    expect(html).toContain("gearceerd: geen waarde of niet getoond");
  });

  it("describes what is shown: the key under the map, not a table", () => {
    const desc = /<desc[^>]*>(.*?)<\/desc>/s.exec(html)?.[1] ?? "";
    expect(desc).toContain("3 wijken");
    expect(desc).toContain("1 wijk zonder waarde is gearceerd");
    expect(desc).toContain("de lijst onder de kaart");
    expect(desc).not.toContain("tabel");
  });
});
