import { BulletList } from "../../web/components/list.js";
import type { SectionRegistry } from "../../web/sections.js";
import { listPublishedReports, type PublishedReport } from "./reads.js";

const excerpt = (text: string) => {
  const first = text.trim().split(/\n/)[0] ?? "";
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
};

/** "Verantwoordingen" on an organisation's page: its approved (public) reports, newest first. */
export function registerAccountabilitySections(sections: SectionRegistry): void {
  sections.register("organisatie", {
    id: "verantwoordingen",
    order: 40,
    heading: "Verantwoordingen",
    async load(ctx, organisation) {
      const found = await listPublishedReports(ctx.db, ctx.municipalityCode, organisation.id);
      return found.length > 0 ? found : null;
    },
    render: (found: PublishedReport[], organisation) => (
      <BulletList
        items={found}
        keyOf={(r) => r.id}
        item={(r) => (
          <>
            <a class="nl-link" href={`/verantwoordingen/${r.id}`}>
              Verantwoording {organisation.name} {r.period}
            </a>
            {r.narrative ? `: ${excerpt(r.narrative)}` : ""}
          </>
        )}
      />
    ),
  });
}
