import { nl } from "../../i18n/nl.js";
import type { SearchRegistry } from "../../web/search.js";
import { areaHref } from "./components.js";
import { areaNames, searchAreas } from "./service.js";

/** Gemeente, gebieden and wijken in the cross-module search, by name, name in policy and code. */
export function registerAreaSearch(search: SearchRegistry): void {
  search.register({
    kind: "gebieden",
    order: 10,
    label: nl.areas.title,
    async search(ctx, window) {
      const { hits, total } = await searchAreas(ctx.db, ctx.municipalityCode, window);
      return {
        total,
        hits: hits.map((a) => ({
          id: a.code,
          title: `${nl.areas.levels[a.level]} ${a.name}`,
          href: areaHref(a.code),
          context: a.code,
        })),
      };
    },
    vocabulary: (ctx) => areaNames(ctx.db, ctx.municipalityCode),
  });
}
