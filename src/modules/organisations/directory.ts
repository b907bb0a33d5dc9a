import { nameKey } from "./dataset.js";
import type { OrganisationKind, Placement } from "./schema.js";

/** An organisation as the directory lists it: its identity and where it works. */
export interface DirectoryEntry {
  id: string;
  slug: string;
  name: string;
  aliases: readonly string[];
  kind: OrganisationKind;
  description: string;
  places: readonly { workAreaCode: string; placement: Placement }[];
  areaCodes: readonly string[];
}

export interface DirectoryFilter {
  workArea?: string | undefined;
  placement?: Placement | undefined;
  kind?: OrganisationKind | undefined;
  area?: string | undefined;
  query?: string | undefined;
}

/**
 * Whether an entry passes every filter given. Work area and placement are read together ("modulair
 * in jongerenwerk" means that one place), and the query finds a name or alias as typed, ignoring
 * case, accents, spaces and punctuation ("sport id" finds SportID).
 */
export function matchesFilter(entry: DirectoryEntry, f: DirectoryFilter): boolean {
  if (f.kind && entry.kind !== f.kind) return false;
  if (f.area && !entry.areaCodes.includes(f.area)) return false;
  if (
    (f.workArea || f.placement) &&
    !entry.places.some(
      (p) =>
        (!f.workArea || p.workAreaCode === f.workArea) &&
        (!f.placement || p.placement === f.placement),
    )
  )
    return false;
  const key = nameKey(f.query ?? "");
  if (key) {
    const names = [entry.name, ...entry.aliases].map(nameKey);
    if (!names.some((n) => n.includes(key))) return false;
  }
  return true;
}

/** Seed 004 §2.1's schematic: per work area the organisations in the basic infrastructure and in the modular package. */
export function workAreaOverview<W extends { code: string }>(
  workAreas: readonly W[],
  entries: readonly DirectoryEntry[],
): { workArea: W; basis: DirectoryEntry[]; modulair: DirectoryEntry[] }[] {
  const byName = (a: DirectoryEntry, b: DirectoryEntry) => a.name.localeCompare(b.name, "nl");
  const of = (code: string, placement: Placement) =>
    entries
      .filter((e) => e.places.some((p) => p.workAreaCode === code && p.placement === placement))
      .sort(byName);
  return workAreas.map((workArea) => ({
    workArea,
    basis: of(workArea.code, "basis"),
    modulair: of(workArea.code, "modulair"),
  }));
}
