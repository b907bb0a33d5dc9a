import { nameKey } from "./dataset.js";

export interface NamedOrganisation {
  id: string;
  name: string;
  aliases: readonly string[];
}

/**
 * The organisation a free-text name (a partnership member, a search) refers to: the one whose name
 * or alias has the same key. Null when none does, or when two would (never guess between two).
 */
export function matchOrganisation<T extends NamedOrganisation>(
  name: string,
  organisations: readonly T[],
): T | null {
  const key = nameKey(name);
  if (!key) return null;
  const found = organisations.filter((o) => [o.name, ...o.aliases].some((n) => nameKey(n) === key));
  return found.length === 1 ? (found[0] ?? null) : null;
}
