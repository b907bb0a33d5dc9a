import type { WijkSort } from "./components.js";
import type { AreaSummary } from "./service.js";

export const WIJK_SORTS: readonly WijkSort[] = ["code", "naam", "inwoners", "gebied"];

const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

/** Sorts wijken for the overview table; ties fall back to the CBS code so the order is stable. */
export function sortWijken(
  wijken: readonly AreaSummary[],
  sort: WijkSort,
  descending: boolean,
): AreaSummary[] {
  const key = (a: AreaSummary, b: AreaSummary): number => {
    switch (sort) {
      case "naam":
        return collator.compare(a.name, b.name);
      case "inwoners":
        return (a.population?.count ?? -1) - (b.population?.count ?? -1);
      case "gebied":
        return collator.compare(a.parent?.name ?? "", b.parent?.name ?? "");
      default:
        return 0;
    }
  };
  const sorted = [...wijken].sort((a, b) => key(a, b) || collator.compare(a.code, b.code));
  return descending ? sorted.reverse() : sorted;
}
