import { BulletList } from "../../web/components/list.js";
import type { SearchRegistry } from "../../web/search.js";
import type { SectionRegistry } from "../../web/sections.js";
import { KIND_LABELS, organisationHref } from "./labels.js";
import { organisationNames, organisationsInArea, searchOrganisations } from "./service.js";

/** "Organisaties in deze wijk" on the wijk page: those a source places in the wijk. */
export function registerOrganisationSections(sections: SectionRegistry): void {
  sections.register("wijk", {
    id: "organisaties",
    order: 30,
    heading: "Organisaties in deze wijk",
    async load(ctx, wijk) {
      const found = await organisationsInArea(ctx.db, ctx.municipalityCode, wijk.code);
      return found.length > 0 ? found : null;
    },
    render: (found) => (
      <BulletList
        items={found}
        keyOf={(o) => o.id}
        item={(o) => (
          <>
            <a class="nl-link" href={organisationHref(o.slug)}>
              {o.name}
            </a>{" "}
            ({KIND_LABELS[o.kind].toLowerCase()})
          </>
        )}
      />
    ),
  });
}

/** Organisations in the site search, by name and by every other name they are known by. */
export function registerOrganisationSearch(search: SearchRegistry): void {
  search.register({
    kind: "organisaties",
    order: 15,
    label: "Organisaties",
    async search(ctx, window) {
      const { hits, total } = await searchOrganisations(ctx.db, ctx.municipalityCode, window);
      return {
        total,
        hits: hits.map((o) => ({
          id: o.slug,
          title: o.name,
          href: organisationHref(o.slug),
          context: o.aliases.length > 0 ? `ook: ${o.aliases.join(", ")}` : undefined,
        })),
      };
    },
    vocabulary: (ctx) => organisationNames(ctx.db, ctx.municipalityCode),
  });
}
