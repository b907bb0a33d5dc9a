import { sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { dutchHeadline, dutchQuery, pageOfHits, type SearchWindow } from "../../db/full-text.js";

/**
 * Reads over the policy_search_items view (migration 0002) for the cross-module search and the
 * wijk page. Each row carries what its page address needs: the document slug, the section slug,
 * the activity id (also for a realisation, which belongs to an activity).
 */
export interface PolicyItemRow {
  itemType: string;
  itemId: string;
  title: string;
  documentSlug: string;
  documentTitle: string;
  sectionSlug: string | null;
  activityId: string | null;
  goalLevel: string | null;
  /** The searched text: the title with the body of a section, goal or document. */
  body: string;
}

const ITEM_COLUMNS = sql`
  i.item_type as "itemType", i.item_id as "itemId", i.title as "title", i.body as "body",
  d.slug as "documentSlug", d.title as "documentTitle",
  s.slug as "sectionSlug", coalesce(a.id, y.activity_id) as "activityId", g.level as "goalLevel"`;

const ITEM_JOINS = sql`
  join policy_documents d on d.id = i.document_id
  left join policy_sections s on i.item_type = 'section' and s.id = i.item_id
  left join activities a on i.item_type = 'activity' and a.id = i.item_id
  left join activity_years y on i.item_type = 'realisation' and y.id = i.item_id
  left join policy_goals g on i.item_type = 'goal' and g.id = i.item_id`;

const inTypes = (types: readonly string[]) =>
  sql`i.item_type in (${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )})`;

/**
 * Ranked Dutch full-text search over items of the given types; the snippet's highlights are wrapped
 * in U+E000/U+E001 so the view can escape the text.
 */
export async function searchPolicyItems(
  db: Executor,
  municipalityCode: string,
  types: readonly string[],
  w: SearchWindow,
) {
  const tsQuery = dutchQuery(w.query);
  const result = await db.execute(sql`
    select ${ITEM_COLUMNS},
           ${dutchHeadline(sql`i.body`, tsQuery, 2)} as "headline",
           count(*) over () as "total"
      from policy_search_items i
      ${ITEM_JOINS}
     where d.municipality_code = ${municipalityCode}
       and not i.archived
       and ${inTypes(types)}
       and to_tsvector('dutch', i.body) @@ ${tsQuery}
     order by ts_rank(to_tsvector('dutch', i.body), ${tsQuery}) desc, i.title
     limit ${w.limit} offset ${w.offset}`);
  return pageOfHits<PolicyItemRow & { headline: string; total: string | number }>(result.rows);
}

/**
 * Items whose text matches a PostgreSQL regular expression, case-insensitively (the names of a
 * wijk, with word boundaries: see area-mentions.ts), in document order.
 */
export async function policyItemsMatching(
  db: Executor,
  municipalityCode: string,
  pattern: string,
  types: readonly string[],
): Promise<PolicyItemRow[]> {
  const result = await db.execute(sql`
    select ${ITEM_COLUMNS}
      from policy_search_items i
      ${ITEM_JOINS}
     where d.municipality_code = ${municipalityCode}
       and not i.archived
       and ${inTypes(types)}
       and i.body ~* ${pattern}
     order by d.first_year desc, d.title, i.item_type, i.title`);
  return result.rows as unknown as PolicyItemRow[];
}

/** Titles of documents and sections and the texts of goals, for "Bedoelde u ...?". */
export async function policyTitles(db: Executor, municipalityCode: string): Promise<string[]> {
  const result = await db.execute(sql`
    select i.title as "title"
      from policy_search_items i
      join policy_documents d on d.id = i.document_id
     where d.municipality_code = ${municipalityCode}
       and not i.archived
       and i.item_type in ('document', 'section', 'goal', 'indicator')`);
  return (result.rows as { title: string }[]).map((r) => r.title);
}
