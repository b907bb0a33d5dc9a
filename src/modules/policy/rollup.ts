import type { ActivityStatus } from "./schema.js";
import { worstStatus } from "./status.js";

export interface RollupInput {
  id: string;
  label: string;
  status: ActivityStatus;
  weight: number;
  notApplicable: boolean;
}

export interface RollupLine extends RollupInput {
  counted: boolean;
  /** Why an item is left out, in Dutch. */
  reason?: string;
  realised: boolean;
}

export interface Rollup {
  /** Weighted share of realised items, 0..1; undefined when nothing counts. */
  progress: number | undefined;
  worst: ActivityStatus | undefined;
  lines: RollupLine[];
  countedWeight: number;
  realisedWeight: number;
}

/** Items that are not part of the plan any more: moved elsewhere, or extra work that was never planned. */
const OUTSIDE_PLAN: readonly ActivityStatus[] = ["ondergebracht_elders", "extra"];

/**
 * Progress of a goal: the weighted share of its activities that are realised. Items marked not
 * applicable, with weight 0, moved elsewhere or extra are left out; every line says whether and why,
 * so the "zo is dit berekend" panel can show the sum.
 */
export function rollup(items: readonly RollupInput[]): Rollup {
  const lines: RollupLine[] = items.map((item) => {
    const realised = item.status === "gerealiseerd";
    if (item.notApplicable)
      return { ...item, counted: false, realised, reason: "niet van toepassing" };
    if (item.weight <= 0) return { ...item, counted: false, realised, reason: "gewicht 0" };
    if (OUTSIDE_PLAN.includes(item.status)) {
      return {
        ...item,
        counted: false,
        realised,
        reason: item.status === "extra" ? "extra, niet gepland" : "ondergebracht elders",
      };
    }
    return { ...item, counted: true, realised };
  });
  const counted = lines.filter((l) => l.counted);
  const countedWeight = counted.reduce((s, l) => s + l.weight, 0);
  const realisedWeight = counted.filter((l) => l.realised).reduce((s, l) => s + l.weight, 0);
  return {
    progress: countedWeight > 0 ? realisedWeight / countedWeight : undefined,
    worst: worstStatus(lines.filter((l) => !l.notApplicable).map((l) => l.status)),
    lines,
    countedWeight,
    realisedWeight,
  };
}
