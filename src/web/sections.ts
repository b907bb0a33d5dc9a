import type { ComponentChildren } from "preact";
import type { TenantConfig } from "../config/tenant.js";
import type { Db } from "../db/executor.js";
import type { RoleGrant } from "../modules/accounts/index.js";

/**
 * Page sections that other modules add to a page of one module. The areas module renders a wijk
 * page; monitoring, policy and later modules register what they know about that wijk here, so the
 * areas module imports none of them (they import it) and no page reads another module's tables:
 * each loader calls its own module's service.
 *
 * One registry per app (made in buildApp), so test apps never share registrations.
 */

/** The subject of each kind of page; a new kind (e.g. an organisation page) adds a key. */
export interface PageSubjects {
  wijk: { code: string; name: string; level: string; policyName: string | null };
  organisatie: { id: string; slug: string; name: string; kind: string };
}
export type PageKind = keyof PageSubjects;

/** What a loader gets besides the subject: the database, the installation and who is looking. */
export interface SectionContext {
  db: Db;
  tenant: TenantConfig;
  municipalityCode: string;
  /** The roles of the signed-in account; empty for a visitor (privacy rules depend on them). */
  roles: readonly RoleGrant[];
}

export interface PageSection<K extends PageKind, T> {
  /** Unique per page kind; also the heading's element id (an anchor on the page). */
  id: string;
  /** Lower comes first. */
  order: number;
  heading: string;
  /** The section's data, or null to leave the section out (nothing to show for this subject). */
  load(ctx: SectionContext, subject: PageSubjects[K]): Promise<T | null>;
  render(data: T, subject: PageSubjects[K]): ComponentChildren;
}

/** A section ready to show: its anchor, heading and rendered content. */
export interface LoadedSection {
  id: string;
  heading: string;
  content: ComponentChildren;
}

interface Entry<K extends PageKind> {
  id: string;
  order: number;
  heading: string;
  build(ctx: SectionContext, subject: PageSubjects[K]): Promise<LoadedSection | null>;
}

export class SectionRegistry {
  // Keyed by page kind; each list holds entries of that kind only (register keeps them apart).
  readonly #entries = new Map<PageKind, Entry<PageKind>[]>();

  #list<K extends PageKind>(kind: K): Entry<K>[] {
    const existing = this.#entries.get(kind);
    if (existing) return existing as unknown as Entry<K>[];
    const created: Entry<K>[] = [];
    this.#entries.set(kind, created as unknown as Entry<PageKind>[]);
    return created;
  }

  register<K extends PageKind, T>(kind: K, section: PageSection<K, T>): void {
    const list = this.#list(kind);
    if (list.some((e) => e.id === section.id))
      throw new Error(`Sectie "${section.id}" is al geregistreerd voor pagina "${kind}".`);
    list.push({
      id: section.id,
      order: section.order,
      heading: section.heading,
      build: async (ctx, subject) => {
        const data = await section.load(ctx, subject);
        if (data === null) return null;
        return { id: section.id, heading: section.heading, content: section.render(data, subject) };
      },
    });
    list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  }

  /** The ids of the sections registered for a page kind, in page order. */
  ids(kind: PageKind): string[] {
    return this.#list(kind).map((e) => e.id);
  }

  /** Loads every section of a page kind for one subject, in page order, leaving out the empty ones. */
  async load<K extends PageKind>(
    kind: K,
    ctx: SectionContext,
    subject: PageSubjects[K],
  ): Promise<LoadedSection[]> {
    const entries = this.#list(kind);
    // One after the other: PGlite has one connection, and the pages have few sections.
    const loaded: LoadedSection[] = [];
    for (const entry of entries) {
      const section = await entry.build(ctx, subject);
      if (section) loaded.push(section);
    }
    return loaded;
  }
}
