import { Fragment } from "preact";
import { fromRoot } from "../../config/paths.js";
import type { TenantConfig } from "../../config/tenant.js";
import { describeSource, loadSourceCatalog } from "../../platform/source-catalog.js";

/** "https://www.example.nl/page (juli 2023)": the address, then what follows it. */
const WEB_SOURCE = /^(https?:\/\/[^\s/]+\.[^\s]*)(.*)$/;

interface SourceRefProps {
  source: string;
  tenant: TenantConfig;
  /** Text before the reference; "Bron: " unless given. */
  prefix?: string;
}

/** A source named as people know it (title, edition, section), linking to the document page. */
export function SourceRef({ source, tenant, prefix = "Bron: " }: SourceRefProps) {
  // A web page as source: a link named by its site, so a long address never runs off a phone.
  const web = WEB_SOURCE.exec(source);
  if (web) {
    const [, url = "", rest = ""] = web;
    return (
      <>
        {prefix}
        <a class="nl-link" href={url} rel="noopener noreferrer">
          {new URL(url).hostname.replace(/^www\./, "")}
        </a>
        {rest}
      </>
    );
  }
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
