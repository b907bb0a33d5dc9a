import { describe, expect, it } from "vitest";
import type { TenantConfig } from "../config/tenant.js";
import type { Db } from "../db/executor.js";
import { runSearch, type SearchHit, type SearchProvider, SearchRegistry } from "./search.js";
import { type SectionContext, SectionRegistry } from "./sections.js";

// The registries never touch the database themselves: loaders and providers get it passed on.
const ctx = {
  db: {} as Db,
  tenant: {} as TenantConfig,
  municipalityCode: "GM0000",
  roles: [],
} satisfies SectionContext;
const wijk = { code: "WK000001", name: "Oost", level: "wijk", policyName: null };

describe("SectionRegistry", () => {
  it("loads the sections of a page kind in order and leaves out those with nothing to show", async () => {
    const registry = new SectionRegistry();
    registry.register("wijk", {
      id: "later",
      order: 20,
      heading: "Later",
      load: async (_, s) => s.name,
      render: (name) => `over ${name}`,
    });
    registry.register("wijk", {
      id: "leeg",
      order: 5,
      heading: "Leeg",
      load: async () => null,
      render: () => "nooit",
    });
    registry.register("wijk", {
      id: "eerst",
      order: 10,
      heading: "Eerst",
      load: async (c) => c.municipalityCode,
      render: (code) => code,
    });
    expect(registry.ids("wijk")).toEqual(["leeg", "eerst", "later"]);
    expect(await registry.load("wijk", ctx, wijk)).toEqual([
      { id: "eerst", heading: "Eerst", content: "GM0000" },
      { id: "later", heading: "Later", content: "over Oost" },
    ]);
  });

  it("refuses a second section with the same id, and shares nothing between instances", () => {
    const one = new SectionRegistry();
    const section = {
      id: "cijfers",
      order: 1,
      heading: "Cijfers",
      load: async () => 1,
      render: () => "1",
    };
    one.register("wijk", section);
    expect(() => one.register("wijk", section)).toThrow(/al geregistreerd/);
    expect(new SectionRegistry().ids("wijk")).toEqual([]);
  });
});

/** A provider over a fixed list of titles: a hit is a title that contains the query. */
function fixed(kind: string, order: number, titles: string[]): SearchProvider {
  return {
    kind,
    order,
    label: kind,
    async search(_, { query, limit, offset }) {
      const all = titles.filter((t) => t.toLowerCase().includes(query.toLowerCase()));
      const hits: SearchHit[] = all
        .slice(offset, offset + limit)
        .map((t) => ({ id: t, title: t, href: `/${kind}/${t}` }));
      return { hits, total: all.length };
    },
    vocabulary: async () => titles,
  };
}

describe("runSearch", () => {
  const registry = new SearchRegistry();
  registry.register(fixed("indicatoren", 20, ["Mate van eenzaamheid"]));
  registry.register(
    fixed(
      "wijken",
      10,
      Array.from({ length: 30 }, (_, i) => `Wijk ${i + 1}`),
    ),
  );

  it("previews every kind in order with its total, and offers nothing for a good query", async () => {
    const r = await runSearch(registry, ctx, { query: " wijk " });
    expect(r.query).toBe("wijk");
    expect(r.groups.map((g) => [g.kind, g.total, g.hits.length])).toEqual([
      ["wijken", 30, 5],
      ["indicatoren", 0, 0],
    ]);
    expect(r.total).toBe(30);
    expect(r.suggestion).toBeUndefined();
  });

  it("pages through one kind", async () => {
    const r = await runSearch(registry, ctx, { query: "wijk", kind: "wijken", page: 2 });
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]?.hits.map((h) => h.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Wijk ${i + 21}`),
    );
    expect([r.page, r.pages]).toEqual([2, 2]);
  });

  it("ignores an unknown kind and suggests a word from every provider for a typo", async () => {
    const r = await runSearch(registry, ctx, { query: "eenzaamhied", kind: "onbekend", page: 3 });
    expect([r.kind, r.page, r.total]).toEqual([undefined, 1, 0]);
    expect(r.suggestion).toBe("eenzaamheid");
  });

  it("answers an empty query without asking any provider", async () => {
    const r = await runSearch(registry, ctx, { query: "   " });
    expect(r).toMatchObject({ query: "", groups: [], total: 0, suggestion: undefined });
  });

  it("refuses a second provider of the same kind", () => {
    expect(() => registry.register(fixed("wijken", 1, []))).toThrow(/al geregistreerd/);
  });
});
