import type { Executor } from "../../db/executor.js";
import {
  type Excerpt,
  mentionExcerpt,
  mentionPattern,
  mentionRegExp,
  mentionTerms,
} from "./area-mentions.js";
import * as repo from "./search-repository.js";

export type PolicyItem = Omit<repo.PolicyItemRow, "body">;

/** A policy item that names an area, with the words around the first mention. */
export interface PolicyMention extends PolicyItem {
  excerpt: Excerpt | undefined;
}

/** The page of a policy item: goals and activities have their own, others live in their document. */
export function policyItemHref(item: PolicyItem): string {
  const doc = `/beleid/${encodeURIComponent(item.documentSlug)}`;
  if (item.activityId) return `/activiteiten/${item.activityId}`;
  if (item.itemType === "goal") return `/doelen/${item.itemId}`;
  if (item.itemType === "section" && item.sectionSlug)
    return `${doc}/onderdelen/${encodeURIComponent(item.sectionSlug)}`;
  return doc;
}

/** Kinds of items the wijk page lists: onderdelen, doelen (all four levels) and activities. */
const NAMING_TYPES = ["section", "goal", "activity", "realisation"] as const;

/**
 * Sections, goals and activities whose texts name the area (its name, its name in policy, or a part
 * of a double name, as whole words). An activity named in its text and in a realisation is listed once.
 */
export async function policyItemsNaming(
  db: Executor,
  municipalityCode: string,
  names: readonly (string | null | undefined)[],
): Promise<PolicyMention[]> {
  const terms = mentionTerms(names);
  const pattern = mentionPattern(terms);
  const regexp = mentionRegExp(terms);
  if (!pattern || !regexp) return [];
  const rows = await repo.policyItemsMatching(db, municipalityCode, pattern, NAMING_TYPES);
  const seen = new Set<string>();
  return rows.flatMap(({ body, ...item }) => {
    const key = item.activityId ? `activity-${item.activityId}` : `${item.itemType}-${item.itemId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...item, excerpt: mentionExcerpt(body, regexp) }];
  });
}

/** Ranked Dutch full-text search over policy items of some kinds (see policy_search_items). */
export const searchPolicyItems = repo.searchPolicyItems;

/** Words for "Bedoelde u ...?": document and section titles, goal and indicator texts. */
export const policyVocabulary = repo.policyTitles;
