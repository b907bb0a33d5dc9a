/**
 * How policy texts name a wijk. Texts use the wijk's name, its name in policy, or a part of a double
 * name: "Jutphaas-Wijkersloot" is written "Jutphaas" and "Wijkersloot" too, and "Batau Noord" may be
 * "Batau-Noord". Pure, so the rule is tested apart from the database.
 */

/** Parts shorter than this are too common to stand for a wijk on their own. */
const MIN_PART_LENGTH = 4;

/** The names to look for, longest first, without duplicates (ignoring case). */
export function mentionTerms(names: readonly (string | null | undefined)[]): string[] {
  const terms = new Map<string, string>();
  const add = (term: string) => {
    const t = term.trim().replace(/\s+/g, " ");
    if (t.length > 0 && !terms.has(t.toLowerCase())) terms.set(t.toLowerCase(), t);
  };
  for (const name of names) {
    if (!name?.trim()) continue;
    add(name);
    const parts = name.split(/\s*[-/]\s*/);
    if (parts.length > 1) for (const p of parts) if (p.trim().length >= MIN_PART_LENGTH) add(p);
  }
  return [...terms.values()].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A PostgreSQL regular expression (ARE, for `~*`) that matches any of the terms as whole words;
 * a space or hyphen inside a term matches any run of spaces and hyphens. Undefined without terms.
 */
export function mentionPattern(terms: readonly string[]): string | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = terms.map((t) => escapeRegex(t).replace(/[\s-]+/g, "[\\s-]+"));
  return `\\m(${alternatives.join("|")})\\M`;
}

/** The same match in JavaScript, for showing where a text names the wijk. */
export function mentionRegExp(terms: readonly string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = terms.map((t) => escapeRegex(t).replace(/[\s-]+/g, "[\\s-]+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/**
 * The words around the first mention, about `radius` characters each side, cut at spaces and
 * marked with an ellipsis where the text goes on. Undefined when the text does not name the wijk.
 */
export function mentionExcerpt(text: string, pattern: RegExp, radius = 80): Excerpt | undefined {
  const found = pattern.exec(text);
  if (!found) return undefined;
  const start = found.index;
  const end = start + found[0].length;
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(" ", to) > end ? text.lastIndexOf(" ", to) : to;
  return {
    before: `${from > 0 ? "…" : ""}${text.slice(from, start)}`,
    match: found[0],
    after: `${text.slice(end, to)}${to < text.length ? "…" : ""}`,
  };
}
