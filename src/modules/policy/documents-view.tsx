import type { FieldError } from "../../platform/errors.js";
import { TITLE_MAX } from "../../platform/schema-types.js";
import { ErrorSummary, Fields, FilterForm, PostForm } from "../../web/components/form.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel } from "./components.js";
import { crumbs, docHref, period } from "./document-links.js";
import { DOCUMENT_YEAR_RANGE } from "./limits.js";
import type * as repo from "./repository.js";
import { DOCUMENT_KINDS } from "./schema.js";

export function SearchForm({ query }: { query?: string }) {
  return (
    <FilterForm
      action="/zoeken"
      submit="Zoeken"
      fields={[{ name: "q", label: "Zoeken in alle beleidsteksten", type: "search", value: query }]}
    />
  );
}

export function DocumentsPage({
  ctx,
  documents,
  canEdit,
  errors,
  values,
}: {
  ctx: PageContext;
  documents: repo.DocumentRow[];
  canEdit?: boolean;
  errors?: FieldError[];
  values?: Record<string, string | undefined>;
}) {
  const errs = errors ?? [];
  const v = values ?? {};
  return (
    <Layout ctx={ctx} title="Beleid" breadcrumbs={crumbs()}>
      <h1 class="nl-heading nl-heading--level-1">Beleid</h1>
      <p class="nl-paragraph">
        Wat de gemeente wil bereiken, wat zij daarvoor doet en wat er in de jaarstukken over is
        verantwoord.
      </p>
      <p class="nl-paragraph">
        <a class="nl-link" href="/samenwerkingsverbanden">
          Samenwerkingsverbanden: wat doen we samen?
        </a>
      </p>
      <SearchForm />
      {documents.length === 0 ? (
        <p class="nl-paragraph">Er zijn nog geen beleidsdocumenten.</p>
      ) : (
        <DataTable
          caption={`Beleidsdocumenten (${documents.length})`}
          rowHeaders
          columns={[
            "Document",
            "Soort",
            { label: "Periode", nowrap: true },
            "Status",
            "Vindplaats",
          ]}
          rows={documents.map((d) => ({
            key: d.id,
            cells: [
              <a key="document" class="nl-link" href={docHref(d)}>
                {d.title}
              </a>,
              kindLabel(d.kind),
              period(d),
              kindLabel(d.state),
              d.officialReference ?? "—",
            ],
          }))}
        />
      )}
      {canEdit ? (
        <section aria-labelledby="nieuw-document">
          <h2 class="nl-heading nl-heading--level-2" id="nieuw-document">
            Nieuw beleidsdocument
          </h2>
          <ErrorSummary errors={errs} />
          <PostForm action="/beleid" csrfToken={ctx.csrfToken} submit="Document aanmaken">
            <Fields
              errors={errs}
              fields={[
                {
                  kind: "select",
                  name: "soort",
                  label: "Soort",
                  value: v.soort ?? "uitvoeringsprogramma",
                  options: DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
                  required: true,
                },
                {
                  name: "titel",
                  label: "Titel",
                  value: v.titel,
                  maxLength: TITLE_MAX,
                  required: true,
                },
                {
                  name: "eersteJaar",
                  label: "Eerste jaar",
                  help: `Een jaar van ${DOCUMENT_YEAR_RANGE.min} tot en met ${DOCUMENT_YEAR_RANGE.max}.`,
                  value: v.eersteJaar,
                  required: true,
                },
                {
                  name: "laatsteJaar",
                  label: "Laatste jaar",
                  help: `Leeg: gelijk aan het eerste jaar; hoogstens ${DOCUMENT_YEAR_RANGE.span} jaar later.`,
                  value: v.laatsteJaar,
                },
                {
                  name: "vindplaats",
                  label: "Vindplaats (optioneel)",
                  help: "Bijvoorbeeld Gemeenteblad 2025 nr. 565453.",
                  value: v.vindplaats,
                  maxLength: TITLE_MAX,
                },
              ]}
            />
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
