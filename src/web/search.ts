import type { Db } from "../db/executor.js";
import type { SearchWindow } from "../db/full-text.js";
import { buildVocabulary, suggestQuery } from "../platform/did-you-mean.js";

/**
 * Search across modules: each module registers a provider per kind of result (wijken, indicatoren,
 * beleidsdocumenten, ...) that searches its own tables through its own service, in PostgreSQL's
 * Dutch configuration. The search page (search-page.tsx) knows the providers, not the modules.
 * One registry per app, made in buildApp.
 */

/** Highlighted parts of a snippet are wrapped in U+E000 and U+E001, so the page can escape the text. */

export interface SearchHit {
  id: string;
  title: string;
  href: string;
  /** Where the hit lives, e.g. the document title of a goal; shown beside the title. */
  context?: string | undefined;
  /** A piece of text around the matches, highlights between the markers of db/full-text.ts. */
  snippet?: string | undefined;
}

export interface SearchContext {
  db: Db;
  municipalityCode: string;
}

export interface SearchProvider {
  /** The kind of result, in the page address (?soort=...): Dutch, lower case, no spaces. */
  kind: string;
  /** Lower comes first on the page. */
  order: number;
  /** Heading of the group, plural ("Wijken en gebieden"). */
  label: string;
  /** Ranked results of one page of this kind, and how many there are in all. */
  search(ctx: SearchContext, window: SearchWindow): Promise<{ hits: SearchHit[]; total: number }>;
  /** Names and titles whose words "Bedoelde u ...?" may suggest. */
  vocabulary(ctx: SearchContext): Promise<string[]>;
}

export class SearchRegistry {
  readonly #providers: SearchProvider[] = [];

  register(provider: SearchProvider): void {
    if (this.#providers.some((p) => p.kind === provider.kind))
      throw new Error(`Zoekbron "${provider.kind}" is al geregistreerd.`);
    this.#providers.push(provider);
    this.#providers.sort((a, b) => a.order - b.order || a.kind.localeCompare(b.kind));
  }

  get providers(): readonly SearchProvider[] {
    return this.#providers;
  }

  find(kind: string): SearchProvider | undefined {
    return this.#providers.find((p) => p.kind === kind);
  }
}

export const SEARCH_PAGE_SIZE = 20;
/** Hits per kind on the overview; "all N" leads to the kind's own, paginated list. */
export const SEARCH_PREVIEW_SIZE = 5;
export const MAX_QUERY_LENGTH = 200;
/** Below this many results in all, the page offers "Bedoelde u ...?". */
export const FEW_RESULTS = 3;

export interface SearchGroup {
  kind: string;
  label: string;
  hits: SearchHit[];
  total: number;
}

export interface SearchOutcome {
  query: string;
  /** The kind the page is limited to, if any (?soort=...). */
  kind: string | undefined;
  groups: SearchGroup[];
  total: number;
  page: number;
  pages: number;
  /** A query with typos corrected, when the search found few results. */
  suggestion: string | undefined;
}

/**
 * Runs a search over every provider (a preview of each kind), or over one kind with pages. With
 * few results, the words of all providers' vocabularies give a "Bedoelde u ...?" suggestion.
 */
export async function runSearch(
  registry: SearchRegistry,
  ctx: SearchContext,
  input: { query: string; kind?: string | undefined; page?: number | undefined },
): Promise<SearchOutcome> {
  const query = input.query.trim();
  const provider = input.kind ? registry.find(input.kind) : undefined;
  const page = provider ? Math.max(1, input.page ?? 1) : 1;
  const empty = { query, kind: provider?.kind, groups: [], total: 0, page: 1, pages: 1 };
  if (query.length === 0) return { ...empty, suggestion: undefined };
  const providers = provider ? [provider] : registry.providers;
  const limit = provider ? SEARCH_PAGE_SIZE : SEARCH_PREVIEW_SIZE;
  const groups: SearchGroup[] = [];
  for (const p of providers) {
    const { hits, total } = await p.search(ctx, { query, limit, offset: (page - 1) * limit });
    groups.push({ kind: p.kind, label: p.label, hits, total });
  }
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  let suggestion: string | undefined;
  if (total < FEW_RESULTS) {
    const texts: string[] = [];
    for (const p of registry.providers) texts.push(...(await p.vocabulary(ctx)));
    suggestion = suggestQuery(query, buildVocabulary(texts));
  }
  return {
    query,
    kind: provider?.kind,
    groups,
    total,
    page,
    pages: provider ? Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) : 1,
    suggestion,
  };
}
