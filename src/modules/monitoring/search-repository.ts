import { sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import {
  dutchDocument,
  dutchHeadline,
  dutchQuery,
  pageOfHits,
  type SearchWindow,
} from "../../db/full-text.js";
import { indicators } from "./schema.js";

/** Ranked Dutch full-text search over the active indicators' names, definitions and codes. */
export async function searchIndicators(db: Executor, municipalityCode: string, w: SearchWindow) {
  const tsQuery = dutchQuery(w.query);
  const document = dutchDocument(
    sql`${indicators.name}`,
    sql`${indicators.definition}`,
    sql`${indicators.slug}`,
  );
  const result = await db.execute(sql`
    select ${indicators.slug} as "slug", ${indicators.name} as "name",
           ${dutchHeadline(sql`${indicators.definition}`, tsQuery)} as "headline",
           count(*) over () as "total"
      from ${indicators}
     where ${indicators.municipalityCode} = ${municipalityCode}
       and not ${indicators.archived}
       and ${document} @@ ${tsQuery}
     order by ts_rank(${document}, ${tsQuery}) desc, ${indicators.name}
     limit ${w.limit} offset ${w.offset}`);
  return pageOfHits<{ slug: string; name: string; headline: string; total: string | number }>(
    result.rows,
  );
}
