/**
 * The small-count rule (privacy), in one place. A count of people ("aantal") for an area below the
 * municipality (gebied, wijk, buurt) under the installation's threshold could make residents
 * recognisable, so it is not public: anonymous visitors and roles without `monitoring.edit` get it
 * removed, staff see it marked as not public. Percentages, scores and euros are not counts of
 * people and stay public, as before.
 */

/** Units whose figures count people. */
export const COUNT_UNITS: readonly string[] = ["aantal"];

/** Who is looking: only staff who manage measurements may see figures that are not public. */
export interface Viewer {
  seesNonPublic: boolean;
}

export const PUBLIC_VIEWER: Viewer = { seesNonPublic: false };

const MUNICIPALITY_CODE = /^GM\d{4}$/;

/**
 * Whether figures of an indicator in an area fall under the rule at all. Area level is read from
 * the CBS-style code; anything that is not a municipality code counts as below the municipality,
 * so an unexpected code errs on the side of hiding.
 */
export function isSensitiveCell(unit: string, areaCode: string): boolean {
  return COUNT_UNITS.includes(unit) && !MUNICIPALITY_CODE.test(areaCode);
}

/** A small count: sensitive and below the threshold (so 0 is small too). */
export function isSmallCount(
  unit: string,
  areaCode: string,
  value: number | null | undefined,
  threshold: number,
): boolean {
  return (
    value !== null && value !== undefined && isSensitiveCell(unit, areaCode) && value < threshold
  );
}

/** The figures of a measurement the rule looks at; the target is a policy choice, not a count of residents. */
export const WITHHOLDABLE = ["value", "estimate"] as const;
export type Withholdable = (typeof WITHHOLDABLE)[number];

export interface Disclosure {
  /** False when a figure of the measurement is a small count (nonPublic is not empty). */
  isPublic: boolean;
  /** The figures that are small counts, whether or not this viewer sees them. */
  nonPublic: Withholdable[];
  /** The figures removed (set to null) for this viewer; empty when nothing was removed. */
  withheld: Withholdable[];
}

/**
 * A measurement as this viewer may see it. Every read of measurements for display or export goes
 * through here (see readMeasurements in measurement-reads.ts), so the rule cannot be forgotten on
 * one route.
 */
export function disclose<
  T extends { areaCode: string; value: number | null; estimate: number | null },
>(row: T, unit: string, threshold: number, viewer: Viewer): T & Disclosure {
  const small = WITHHOLDABLE.filter((f) => isSmallCount(unit, row.areaCode, row[f], threshold));
  if (small.length === 0) return { ...row, isPublic: true, nonPublic: [], withheld: [] };
  if (viewer.seesNonPublic) return { ...row, isPublic: false, nonPublic: small, withheld: [] };
  const out: T & Disclosure = { ...row, isPublic: false, nonPublic: small, withheld: [...small] };
  for (const f of small) out[f] = null as T[typeof f];
  return out;
}

/**
 * A correction keeps the figures it replaced, which may be a small count even when the current
 * value is not. For a viewer without access, corrections of sensitive cells lose those figures.
 */
export function discloseCorrection<T extends { before: unknown; after: unknown }>(
  correction: T,
  unit: string,
  areaCode: string,
  viewer: Viewer,
): T {
  if (viewer.seesNonPublic || !isSensitiveCell(unit, areaCode)) return correction;
  return { ...correction, before: {}, after: {} };
}
