import { Fragment } from "preact";
import { fromRoot } from "../../config/paths.js";
import type { TenantConfig } from "../../config/tenant.js";
import { describeSource, loadSourceCatalog } from "../../platform/source-catalog.js";

interface SourceRefProps {
  source: string;
  tenant: TenantConfig;
  /** Text before the reference; "Bron: " unless given. */
  prefix?: string;
}

/** A source named as people know it (title, edition, section), linking to the document page. */
export function SourceRef({ source, tenant, prefix = "Bron: " }: SourceRefProps) {
  const d = describeSource(source, loadSourceCatalog(fromRoot(tenant.dataSet)));
  return (
    <>
      {prefix}
      {d.documents.map((doc, i) => (
        <Fragment key={doc.slug}>
          {i > 0 ? " en " : ""}
          <a class="nl-link" href={`/beleid/${encodeURIComponent(doc.slug)}`}>
            {doc.label}
          </a>
        </Fragment>
      ))}
      {d.documents.length > 0 && d.section ? ", " : ""}
      {d.section}
    </>
  );
}
