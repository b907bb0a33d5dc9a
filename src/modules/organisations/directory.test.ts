import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "./dataset.js";
import { type DirectoryEntry, matchesFilter, workAreaOverview } from "./directory.js";
import { matchOrganisation } from "./matching.js";
import { ORGANISATION_KINDS, PLACEMENTS } from "./schema.js";

const AREAS = ["collectief", "individueel", "jongeren"];
const entry = fc.record({
  id: fc.uuid(),
  slug: fc.stringMatching(/^[a-z]{1,8}$/),
  name: fc.string({ minLength: 1, maxLength: 20 }),
  aliases: fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }),
  kind: fc.constantFrom(...ORGANISATION_KINDS),
  description: fc.string({ maxLength: 30 }),
  places: fc.array(
    fc.record({
      workAreaCode: fc.constantFrom(...AREAS),
      placement: fc.constantFrom(...PLACEMENTS),
    }),
    { maxLength: 3 },
  ),
  areaCodes: fc.array(fc.constantFrom("WK035601", "WK035602"), { maxLength: 2 }),
}) satisfies fc.Arbitrary<DirectoryEntry>;

describe("organisation names", () => {
  it("treats the spellings of the welfare plan as one name", () => {
    expect(nameKey("Santé Partners")).toBe(nameKey("SantéPartners"));
    expect(nameKey("Sport ID")).toBe(nameKey("SportID"));
    expect(nameKey("GGDrU")).toBe(nameKey("GGDru"));
    expect(nameKey("MOvactor")).not.toBe(nameKey("MOvector"));
  });

  it("matches a member name by name or alias, and never guesses between two", () => {
    const orgs = [
      { id: "a", name: "MOvactor", aliases: ["MOvector"] },
      {
        id: "b",
        name: "Bibliotheek Nieuwegein",
        aliases: ["De Tweede Verdieping", "Bibliotheek DTV"],
      },
    ];
    expect(matchOrganisation("MOvector", orgs)?.id).toBe("a");
    expect(matchOrganisation("bibliotheek dtv", orgs)?.id).toBe("b");
    expect(matchOrganisation("Theater De Kom", orgs)).toBeNull();
    expect(
      matchOrganisation("x", [
        ...orgs,
        { id: "c", name: "X", aliases: [] },
        { id: "d", name: "x.", aliases: [] },
      ]),
    ).toBeNull();
  });

  it("finds any organisation by any of its own names", () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.nat(), (entries, i) => {
        const target = entries[i % entries.length] as DirectoryEntry;
        const found = matchOrganisation(target.name, entries);
        // Found unless another organisation shares the key (then nothing is guessed).
        const sharing = entries.filter((e) =>
          [e.name, ...e.aliases].some((n) => nameKey(n) === nameKey(target.name)),
        );
        expect(
          found === null ? sharing.length !== 1 || !nameKey(target.name) : found === sharing[0],
        ).toBe(true);
      }),
    );
  });
});

describe("directory filters", () => {
  it("an empty filter keeps everything; every filter only narrows", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 10 }),
        fc.record({
          workArea: fc.option(fc.constantFrom(...AREAS), { nil: undefined }),
          placement: fc.option(fc.constantFrom(...PLACEMENTS), { nil: undefined }),
          kind: fc.option(fc.constantFrom(...ORGANISATION_KINDS), { nil: undefined }),
          area: fc.option(fc.constantFrom("WK035601"), { nil: undefined }),
          query: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
        }),
        (entries, f) => {
          expect(entries.filter((e) => matchesFilter(e, {}))).toEqual(entries);
          for (const e of entries.filter((x) => matchesFilter(x, f))) {
            if (f.kind) expect(e.kind).toBe(f.kind);
            if (f.area) expect(e.areaCodes).toContain(f.area);
            if (f.workArea && f.placement)
              expect(e.places).toContainEqual({ workAreaCode: f.workArea, placement: f.placement });
          }
        },
      ),
    );
  });

  it("the overview lists an organisation under each place it has, and only there", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 10 }), (entries) => {
        const overview = workAreaOverview(
          AREAS.map((code) => ({ code })),
          entries,
        );
        for (const row of overview)
          for (const placement of PLACEMENTS)
            for (const e of entries)
              expect(row[placement].includes(e)).toBe(
                e.places.some(
                  (p) => p.workAreaCode === row.workArea.code && p.placement === placement,
                ),
              );
      }),
    );
  });
});
