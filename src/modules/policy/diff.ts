export interface VersionedItem {
  id: string;
  copiedFromId: string | null;
  kind: "doel" | "activiteit";
  text: string;
  context: string;
}

export interface YearChanges {
  added: VersionedItem[];
  dropped: VersionedItem[];
  reworded: { before: VersionedItem; after: VersionedItem }[];
  unchanged: number;
}

const same = (a: string, b: string) =>
  a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/**
 * What changed between a year's plan and the plan copied from it: items without a predecessor are
 * added, predecessors no item was copied from (or whose copy is archived) are dropped, and copies
 * whose text differs are reworded. Callers pass only the live (not archived) items of the new year.
 */
export function compareYears(
  previous: readonly VersionedItem[],
  current: readonly VersionedItem[],
): YearChanges {
  const byId = new Map(previous.map((p) => [p.id, p]));
  const copied = new Set<string>();
  const result: YearChanges = { added: [], dropped: [], reworded: [], unchanged: 0 };
  for (const item of current) {
    const before = item.copiedFromId ? byId.get(item.copiedFromId) : undefined;
    if (!before) {
      result.added.push(item);
      continue;
    }
    copied.add(before.id);
    if (same(before.text, item.text)) result.unchanged += 1;
    else result.reworded.push({ before, after: item });
  }
  result.dropped = previous.filter((p) => !copied.has(p.id));
  return result;
}
