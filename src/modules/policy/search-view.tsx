import { countOf } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { ErrorSummary } from "../../web/components/form.js";
import { Pagination } from "../../web/components/pagination.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { crumbs, docHref } from "./document-links.js";
import { SearchForm } from "./documents-view.js";

function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\uE000[^\uE001]*\uE001)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith("\uE000") ? (
          <mark key={i} class="sk-hit">
            {p.slice(1, -1)}
          </mark>
        ) : (
          p
        ),
      )}
    </>
  );
}

const ITEM_LABEL: Record<string, string> = {
  document: "Document",
  section: "Onderdeel",
  goal: "Doel",
  indicator: "Indicator",
  activity: "Activiteit",
  realisation: "Realisatie",
};

export function SearchPage(props: {
  ctx: PageContext;
  result: Awaited<ReturnType<typeof import("./service.js").searchPolicy>>;
  errors: FieldError[];
}) {
  const r = props.result;
  const hrefFor = (h: (typeof r.hits)[number]) =>
    h.itemType === "activity"
      ? `/activiteiten/${h.itemId}`
      : h.document
        ? docHref(h.document)
        : "/beleid";
  return (
    <Layout
      ctx={props.ctx}
      title={r.query ? `Zoeken: ${r.query}` : "Zoeken"}
      breadcrumbs={crumbs(undefined, [{ href: "/zoeken", label: "Zoeken" }])}
    >
      <h1 class="nl-heading nl-heading--level-1">Zoeken in beleid</h1>
      <ErrorSummary errors={props.errors} />
      <SearchForm query={r.query} />
      {r.query ? (
        <p class="nl-paragraph" role="status">
          {r.total === 0
            ? `Geen resultaten voor "${r.query}".`
            : `${countOf(r.total, "resultaat", "resultaten")} voor "${r.query}".`}
        </p>
      ) : null}
      <ol class="utrecht-ordered-list">
        {r.hits.map((h) => (
          <li key={`${h.itemType}-${h.itemId}`} class="utrecht-ordered-list__item">
            <p class="nl-paragraph">
              <a class="nl-link" href={hrefFor(h)}>
                {ITEM_LABEL[h.itemType] ?? h.itemType}:{" "}
                {h.title.length > 100 ? `${h.title.slice(0, 100)}…` : h.title}
              </a>{" "}
              <span class="sk-source">({h.document?.title})</span>
            </p>
            <p class="nl-paragraph">
              <Highlighted text={h.headline} />
            </p>
          </li>
        ))}
      </ol>
      <Pagination
        page={r.page}
        pages={r.pages}
        hrefFor={(p) => `/zoeken?q=${encodeURIComponent(r.query)}&pagina=${p}`}
      />
    </Layout>
  );
}
