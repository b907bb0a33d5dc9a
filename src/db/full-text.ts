import { type SQL, sql } from "drizzle-orm";

// PostgreSQL's Dutch full-text search as every module's search uses it: the same query parsing,
// stemming, highlight markers and paging, so results from different modules rank and read alike.

/** Highlighted parts of a snippet are wrapped in U+E000 and U+E001, so a page can escape the text. */
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";

/** Which part of the results to return. */
export interface SearchWindow {
  query: string;
  limit: number;
  offset: number;
}

/** The query as a visitor types it ("eenzaam ouderen", "-jeugd", "\"mantelzorg\""). */
export const dutchQuery = (query: string) => sql`websearch_to_tsquery('dutch', ${query})`;

/** The searchable text of a row: its parts joined, empty parts allowed. */
export const dutchDocument = (...parts: SQL[]) =>
  sql`to_tsvector('dutch', ${sql.join(
    parts.map((p) => sql`coalesce(${p}, '')`),
    sql` || ' ' || `,
  )})`;

/** A piece of the text around the matches, with the matches between HIT_START and HIT_END. */
export const dutchHeadline = (text: SQL, tsQuery: SQL, fragments = 1) =>
  sql`ts_headline('dutch', ${text}, ${tsQuery}, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15${fragments > 1 ? `, MaxFragments=${fragments}` : ""}`})`;

/** A snippet in its plain and matched parts, in order (the markers themselves left out). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  return snippet
    .split(new RegExp(`(${HIT_START}[^${HIT_END}]*${HIT_END})`))
    .filter((part) => part !== "")
    .map((part) =>
      part.startsWith(HIT_START)
        ? { text: part.slice(1, -1), hit: true }
        : { text: part, hit: false },
    );
}

/** The rows of one page (selected with `count(*) over () as "total"`) and the number of all hits. */
export function pageOfHits<T extends { total: string | number }>(rows: readonly unknown[]) {
  const typed = rows as T[];
  return {
    hits: typed.map(({ total: _, ...hit }) => hit),
    total: Number(typed[0]?.total ?? 0),
  };
}
