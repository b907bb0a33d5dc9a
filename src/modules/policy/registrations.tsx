import { Fragment } from "preact";
import { BulletList } from "../../web/components/list.js";
import type { SearchRegistry } from "../../web/search.js";
import type { SectionRegistry } from "../../web/sections.js";
import { levelLabel } from "./components.js";
import { partnershipsOfOrganisation } from "./partnership-member-service.js";
import {
  type PolicyItem,
  type PolicyMention,
  policyItemHref,
  policyItemsNaming,
  policyVocabulary,
  searchPolicyItems,
} from "./search-service.js";

const shorten = (text: string, max = 160) =>
  text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;

const itemLabel = (item: PolicyItem) =>
  item.itemType === "goal" && item.goalLevel
    ? levelLabel(item.goalLevel)
    : item.itemType === "section"
      ? "Onderdeel"
      : "Activiteit";

const GROUPS = [
  { heading: "Doelen en resultaten", types: ["goal"] },
  { heading: "Activiteiten", types: ["activity", "realisation"] },
  { heading: "Onderdelen van beleidsdocumenten", types: ["section"] },
] as const;

/** Where the text names the wijk, unless the title shown says it: the words around it, marked. */
function Mention({ item }: { item: PolicyMention }) {
  const e = item.excerpt;
  if (!e || shorten(item.title).includes(e.match)) return null;
  return (
    <p class="nl-paragraph">
      {e.before}
      <mark class="sk-hit">{e.match}</mark>
      {e.after}
    </p>
  );
}

function PolicyNaming({ items, wijk }: { items: PolicyMention[]; wijk: string }) {
  return (
    <>
      <p class="nl-paragraph">
        Beleidsteksten die {wijk} (of een deel van de naam) noemen, met het document waar ze in
        staan.
      </p>
      {GROUPS.map((group) => {
        const inGroup = items.filter((i) =>
          (group.types as readonly string[]).includes(i.itemType),
        );
        if (inGroup.length === 0) return null;
        return (
          <Fragment key={group.heading}>
            <h3 class="nl-heading nl-heading--level-3">
              {group.heading} ({inGroup.length})
            </h3>
            <ul class="utrecht-unordered-list">
              {inGroup.map((item) => (
                <li key={`${item.itemType}-${item.itemId}`} class="utrecht-unordered-list__item">
                  {itemLabel(item)}:{" "}
                  <a class="nl-link" href={policyItemHref(item)}>
                    {shorten(item.title)}
                  </a>{" "}
                  <span class="sk-source">({item.documentTitle})</span>
                  <Mention item={item} />
                </li>
              ))}
            </ul>
          </Fragment>
        );
      })}
    </>
  );
}

/** "Beleid in deze wijk" on the wijk page: goals, activities and sections whose texts name it. */
export function registerPolicySections(sections: SectionRegistry): void {
  sections.register("organisatie", {
    id: "samenwerkingsverbanden",
    order: 30,
    // A soft hyphen: the long compound breaks with a hyphen on a phone, not mid-word.
    heading: "Samenwerkings\u00ADverbanden",
    async load(ctx, organisation) {
      const found = await partnershipsOfOrganisation(ctx.db, organisation.id);
      return found.length > 0 ? found : null;
    },
    render: (found, organisation) => (
      <BulletList
        items={found}
        keyOf={(p) => p.slug}
        item={(p) => (
          <>
            <a class="nl-link" href={`/samenwerkingsverbanden/${p.slug}`}>
              {p.name}
            </a>
            {p.memberName === organisation.name ? "" : ` (genoemd als "${p.memberName}")`}
          </>
        )}
      />
    ),
  });
  sections.register("wijk", {
    id: "beleid",
    order: 20,
    heading: "Beleid in deze wijk",
    async load(ctx, wijk) {
      const items = await policyItemsNaming(ctx.db, ctx.municipalityCode, [
        wijk.name,
        wijk.policyName,
      ]);
      return items.length > 0 ? items : null;
    },
    render: (items, wijk) => <PolicyNaming items={items} wijk={wijk.name} />,
  });
}

const PROVIDERS = [
  { kind: "beleidsdocumenten", order: 30, label: "Beleidsdocumenten", types: ["document"] },
  { kind: "onderdelen", order: 40, label: "Onderdelen van documenten", types: ["section"] },
  { kind: "doelen", order: 50, label: "Doelen en indicatoren", types: ["goal", "indicator"] },
  { kind: "activiteiten", order: 60, label: "Activiteiten", types: ["activity", "realisation"] },
] as const;

/** Policy texts in the cross-module search, one kind of result per provider. */
export function registerPolicySearch(search: SearchRegistry): void {
  for (const p of PROVIDERS) {
    search.register({
      kind: p.kind,
      order: p.order,
      label: p.label,
      async search(ctx, window) {
        const { hits, total } = await searchPolicyItems(
          ctx.db,
          ctx.municipalityCode,
          p.types,
          window,
        );
        return {
          total,
          hits: hits.map((h) => ({
            id: `${h.itemType}-${h.itemId}`,
            title: shorten(h.title, 120),
            href: policyItemHref(h),
            context:
              h.itemType === "document"
                ? undefined
                : h.itemType === "realisation"
                  ? `realisatie in ${h.documentTitle}`
                  : h.documentTitle,
            snippet: h.headline,
          })),
        };
      },
      // The vocabulary is the same for every policy kind; only one provider needs to give it.
      vocabulary: (ctx) =>
        p.kind === "beleidsdocumenten"
          ? policyVocabulary(ctx.db, ctx.municipalityCode)
          : Promise.resolve([]),
    });
  }
}
