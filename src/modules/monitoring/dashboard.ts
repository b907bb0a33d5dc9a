import type { OverviewItem } from "./service.js";
import type { DashboardGroup } from "./views.js";

/**
 * Groups indicators by the pillar of the current framework they serve (through a document indicator
 * or a goal in that framework); the rest goes under "Overige indicatoren". Pillars keep document order.
 */
export function groupByPillar(
  items: readonly OverviewItem[],
  frameworkId: string | undefined,
): DashboardGroup[] {
  const pillars = new Map<string, { title: string; position: number; items: OverviewItem[] }>();
  const rest: OverviewItem[] = [];
  for (const item of items) {
    const sections = [
      ...item.policyIndicators.filter((p) => p.document.id === frameworkId).map((p) => p.section),
      ...item.goals.filter((g) => g.document.id === frameworkId).map((g) => g.section),
    ].filter((s): s is NonNullable<typeof s> => !!s && s.kind === "pijler");
    const pillar = sections[0];
    if (!pillar) {
      rest.push(item);
      continue;
    }
    const group = pillars.get(pillar.id) ?? {
      title: `Pijler ${pillar.number ?? ""} ${pillar.title}`.replace("  ", " "),
      position: pillar.position,
      items: [],
    };
    group.items.push(item);
    pillars.set(pillar.id, group);
  }
  const groups = [...pillars.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ title, items: list }) => ({ title, items: list }));
  return rest.length > 0 ? [...groups, { title: "Overige indicatoren", items: rest }] : groups;
}
