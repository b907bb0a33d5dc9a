import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The public document a source file of the data set is, as people know it. */
export interface SourceDocument {
  title: string;
  edition: string;
  /** Slug of the policy document page (`/beleid/<slug>`). */
  document: string;
}

export type SourceCatalog = ReadonlyMap<string, SourceDocument>;

/** A source reference split into the documents it names and the section within them. */
export interface DescribedSource {
  documents: { label: string; slug: string }[];
  /** What follows the file names (for example "Programma Geldwijs, activiteit 1"); the whole text when no file is named. */
  section: string;
}

/** File names as the data sets write them: a word ending in .txt (internal, never shown to the public). */
const FILE_NAME = /[\w-]+\.txt\b/g;

const cache = new Map<string, SourceCatalog>();

/**
 * Reads `<dataSet>/bronnen/bronnen.json`; a data set without it gives an empty catalog, so sources
 * are then shown as written rather than failing the page.
 */
export function loadSourceCatalog(dataSetDir: string): SourceCatalog {
  const dir = resolve(dataSetDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const file = join(dir, "bronnen", "bronnen.json");
  const catalog = new Map<string, SourceDocument>();
  if (existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, "utf8")) as {
      bestanden?: Record<string, { titel: string; editie: string; document: string }>;
    };
    for (const [name, d] of Object.entries(raw.bestanden ?? {}))
      catalog.set(name, { title: d.titel, edition: d.editie, document: d.document });
  }
  cache.set(dir, catalog);
  return catalog;
}

const label = (d: SourceDocument) => (d.edition ? `${d.title} ${d.edition}` : d.title);

/** Splits "000_x.txt en 001_y.txt, §2.1" into its documents (deduplicated) and the section "§2.1". */
export function describeSource(source: string, catalog: SourceCatalog): DescribedSource {
  const comma = source.indexOf(",");
  const head = comma < 0 ? source : source.slice(0, comma);
  const files = head.match(FILE_NAME) ?? [];
  const known = files.map((f) => catalog.get(f));
  if (files.length === 0 || known.some((d) => d === undefined))
    return { documents: [], section: nameDocuments(source, catalog) };
  const documents: DescribedSource["documents"] = [];
  for (const d of known as SourceDocument[])
    if (!documents.some((x) => x.slug === d.document))
      documents.push({ label: label(d), slug: d.document });
  return { documents, section: comma < 0 ? "" : source.slice(comma + 1).trim() };
}

/** Replaces every known file name in a free text (a status history entry) by its document's name. */
export function nameDocuments(text: string, catalog: SourceCatalog): string {
  return text.replace(FILE_NAME, (f) => {
    const d = catalog.get(f);
    return d ? label(d) : f;
  });
}

/** The source as one line of text, for exports and the API ("Begroting 2020, Programma Geldwijs, activiteit 1"). */
export function sourceLabel(source: string, catalog: SourceCatalog): string {
  const d = describeSource(source, catalog);
  const names = d.documents.map((x) => x.label).join(" en ");
  return [names, d.section].filter(Boolean).join(", ");
}
