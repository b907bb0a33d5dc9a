import { sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { indicators } from "./schema.js";

/**
 * Ranked Dutch full-text search over the indicators' names, definitions and codes (active ones);
 * highlights in the definition are wrapped in U+E000/U+E001 so the view can escape the text.
 */
export async function searchIndicators(
  db: Executor,
  municipalityCode: string,
  query: string,
  limit: number,
  offset: number,
) {
  const tsQuery = sql`websearch_to_tsquery('dutch', ${query})`;
  const document = sql`to_tsvector('dutch', ${indicators.name} || ' ' || ${indicators.definition} || ' ' || ${indicators.slug})`;
  const result = await db.execute(sql`
    select ${indicators.slug} as "slug", ${indicators.name} as "name",
           ts_headline('dutch', ${indicators.definition}, ${tsQuery}, 'StartSel=${sql.raw("\uE000")}, StopSel=${sql.raw("\uE001")}, MaxWords=35, MinWords=15') as "headline",
           count(*) over () as "total"
      from ${indicators}
     where ${indicators.municipalityCode} = ${municipalityCode}
       and not ${indicators.archived}
       and ${document} @@ ${tsQuery}
     order by ts_rank(${document}, ${tsQuery}) desc, ${indicators.name}
     limit ${limit} offset ${offset}`);
  const rows = result.rows as unknown as {
    slug: string;
    name: string;
    headline: string;
    total: string | number;
  }[];
  return {
    hits: rows.map(({ total: _, ...hit }) => hit),
    total: Number(rows[0]?.total ?? 0),
  };
}
