import type { Db } from "../db/executor.js";

/**
 * Search across modules: each module registers a provider per kind of result (wijken, indicatoren,
 * beleidsdocumenten, ...) that searches its own tables through its own service, in PostgreSQL's
 * Dutch configuration. The search page (search-page.tsx) knows the providers, not the modules.
 * One registry per app, made in buildApp.
 */

/** Highlighted parts of a snippet are wrapped in U+E000 and U+E001, so the page can escape the text. */
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";

export interface SearchHit {
  id: string;
  title: string;
  href: string;
  /** Where the hit lives, e.g. the document title of a goal; shown beside the title. */
  context?: string | undefined;
  /** A piece of text around the matches, highlights between HIT_START and HIT_END. */
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
  search(
    ctx: SearchContext,
    query: string,
    limit: number,
    offset: number,
  ): Promise<{ hits: SearchHit[]; total: number }>;
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
