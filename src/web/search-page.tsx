import type { FastifyInstance } from "fastify";
import type { TenantConfig } from "../config/tenant.js";
import type { Db } from "../db/executor.js";
import { snippetParts } from "../db/full-text.js";
import { countOf, nl } from "../i18n/nl.js";
import type { FieldError } from "../platform/errors.js";
import { PageQuery } from "../platform/schema-types.js";
import { ErrorSummary, FilterForm } from "./components/form.js";
import { Pagination } from "./components/pagination.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";
import { pageContext } from "./page-context.js";
import { sendPage } from "./render.js";
import {
  MAX_QUERY_LENGTH,
  runSearch,
  type SearchGroup,
  type SearchHit,
  type SearchOutcome,
  type SearchRegistry,
} from "./search.js";

const searchHref = (query: string, kind?: string, page?: number) =>
  `/zoeken?q=${encodeURIComponent(query)}${kind ? `&soort=${encodeURIComponent(kind)}` : ""}${page && page > 1 ? `&pagina=${page}` : ""}`;

const anchor = (kind: string) => `soort-${kind}`;

/** A snippet with its highlights as <mark>, everything else escaped by Preact. */
function Highlighted({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((p, i) =>
        p.hit ? (
          <mark key={i} class="sk-hit">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

function Hits({ hits }: { hits: SearchHit[] }) {
  return (
    <ol class="utrecht-ordered-list">
      {hits.map((h) => (
        <li key={h.id} class="utrecht-ordered-list__item">
          <p class="nl-paragraph">
            <a class="nl-link" href={h.href}>
              {h.title}
            </a>
            {h.context ? <span class="sk-source"> ({h.context})</span> : null}
          </p>
          {h.snippet ? (
            <p class="nl-paragraph">
              <Highlighted text={h.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Group({ group, query, all }: { group: SearchGroup; query: string; all: boolean }) {
  return (
    <section aria-labelledby={anchor(group.kind)}>
      <h2 class="nl-heading nl-heading--level-2" id={anchor(group.kind)}>
        {group.label} ({group.total})
      </h2>
      <Hits hits={group.hits} />
      {all && group.total > group.hits.length ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={searchHref(query, group.kind)}>
            {nl.search.showAll(group.total, group.label)}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  result: SearchOutcome;
  errors: FieldError[];
}) {
  const r = props.result;
  const found = r.groups.filter((g) => g.total > 0);
  const single = r.kind ? r.groups[0] : undefined;
  return (
    <Layout
      ctx={props.ctx}
      title={r.query ? nl.search.titleFor(r.query) : nl.search.title}
      breadcrumbs={[{ href: "/zoeken", label: nl.search.title }]}
    >
      <h1 class="nl-heading nl-heading--level-1">{nl.search.title}</h1>
      <p class="nl-paragraph">{nl.search.intro}</p>
      <ErrorSummary errors={props.errors} />
      <FilterForm
        action="/zoeken"
        submit={nl.search.button}
        primary
        errors={props.errors}
        fields={[
          {
            name: "q",
            label: nl.search.field,
            type: "search",
            value: r.query,
            maxLength: MAX_QUERY_LENGTH,
          },
        ]}
      />
      {r.query && props.errors.length === 0 ? (
        <p class="nl-paragraph" role="status">
          {r.total === 0
            ? nl.search.none(r.query)
            : nl.search.count(countOf(r.total, "resultaat", "resultaten"), r.query)}
        </p>
      ) : null}
      {r.suggestion ? (
        <p class="nl-paragraph">
          {nl.search.didYouMean}{" "}
          <a class="nl-link" href={searchHref(r.suggestion, r.kind)}>
            {r.suggestion}
          </a>
          ?
        </p>
      ) : null}
      {single ? (
        <>
          <p class="nl-paragraph">
            <a class="nl-link" href={searchHref(r.query)}>
              {nl.search.allKinds}
            </a>
          </p>
          <Group group={single} query={r.query} all={false} />
          <Pagination
            page={r.page}
            pages={r.pages}
            hrefFor={(p) => searchHref(r.query, r.kind, p)}
          />
        </>
      ) : found.length > 0 ? (
        <>
          <nav aria-labelledby="per-soort">
            <h2 class="nl-heading nl-heading--level-2" id="per-soort">
              {nl.search.byKind}
            </h2>
            <ul class="utrecht-unordered-list">
              {r.groups.map((g) => (
                <li key={g.kind} class="utrecht-unordered-list__item">
                  {g.total > 0 ? (
                    <a class="nl-link" href={`#${anchor(g.kind)}`}>
                      {g.label}: {g.total}
                    </a>
                  ) : (
                    `${g.label}: 0`
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {found.map((g) => (
            <Group key={g.kind} group={g} query={r.query} all />
          ))}
        </>
      ) : null}
    </Layout>
  );
}

/** /zoeken: every registered kind of result, or one kind with pages (?soort=...&pagina=...). */
export function registerSearchRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  registry: SearchRegistry,
) {
  const municipalityCode = tenant.municipality.code;
  app.get<{ Querystring: { q?: string; soort?: string; pagina?: string } }>(
    "/zoeken",
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const query = (request.query.q ?? "").trim();
      const page = Number.parseInt(request.query.pagina ?? "1", 10);
      const input = {
        query,
        kind: request.query.soort,
        page: page >= 1 && page <= 10_000 ? page : 1,
      };
      if (query.length > MAX_QUERY_LENGTH) {
        const errors = [{ field: "q", message: nl.search.tooLong(MAX_QUERY_LENGTH) }];
        const result = await runSearch(registry, { db, municipalityCode }, { query: "" });
        return sendPage(
          reply,
          <SearchPage
            ctx={pageContext(request, reply, tenant)}
            result={{ ...result, query: query.slice(0, MAX_QUERY_LENGTH) }}
            errors={errors}
          />,
          400,
        );
      }
      const result = await runSearch(registry, { db, municipalityCode }, input);
      return sendPage(
        reply,
        <SearchPage ctx={pageContext(request, reply, tenant)} result={result} errors={[]} />,
      );
    },
  );
}
