export type Direction = "omhoog" | "omlaag";

/**
 * The neighbour to swap positions with when moving an item up or down among its siblings (ordered by
 * position), or undefined when it is already first or last.
 */
export function neighbour<T extends { id: string; position: number }>(
  siblings: readonly T[],
  id: string,
  direction: Direction,
): T | undefined {
  const ordered = [...siblings].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((s) => s.id === id);
  if (index < 0) return undefined;
  return ordered[direction === "omhoog" ? index - 1 : index + 1];
}
