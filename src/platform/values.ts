/** Small value helpers shared by the modules. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a reference is an id (UUID) rather than a readable code. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A readable, URL-safe code: lowercase letters and digits joined by single hyphens. */
export const CODE_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
const CODE = new RegExp(CODE_PATTERN);
export const isCode = (value: string): boolean => CODE.test(value);

/** A code from a title: "Begroting 2022" → "begroting-2022" (accents dropped, at most 80 characters). */
export const slugify = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/** The entries of a partial update that were actually given; undefined means "leave as it is". */
export function definedOnly<T extends Record<string, unknown>>(change: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(change).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * A day that exists, written JJJJ-MM-DD (not 2024-02-30, not 2026-2-28), with its year within
 * `years` where given: one check for every date a form, an import or the API takes.
 */
export function isCalendarDay(text: string, years: { from?: number; to?: number } = {}): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= (years.from ?? 0) &&
    year <= (years.to ?? 9999) &&
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day
  );
}
