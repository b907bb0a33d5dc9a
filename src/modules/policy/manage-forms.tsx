import { STATEMENT_MAX, TITLE_MAX } from "../../platform/schema-types.js";
import { Fields, FieldsForm, PostForm } from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { kindLabel, levelLabel } from "./components.js";
import { docHref } from "./document-links.js";
import { DocumentEditForm } from "./edit-views.js";
import type * as repo from "./repository.js";
import { GOAL_LEVELS, SECTION_KINDS } from "./schema.js";
import type { DocumentTree, SectionNode } from "./service.js";

function flatSections(nodes: SectionNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((n) => [
    {
      id: n.section.slug,
      label: `${"— ".repeat(depth)}${kindLabel(n.section.kind)} ${n.section.title}`,
    },
    ...flatSections(n.children, depth + 1),
  ]);
}

/** Staff forms to add sections, goals and activities to a document. */
export function ManageForms({
  ctx,
  tree,
  others,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  others: repo.DocumentRow[];
}) {
  const base = docHref(tree.document);
  const sections = flatSections(tree.sections);
  const sectionOptions = [{ id: "", label: "Geen (direct onder het document)" }, ...sections].map(
    (s) => ({ value: s.id, label: s.label }),
  );
  return (
    <section aria-labelledby="beheer" class="sk-manage">
      <h2 class="nl-heading nl-heading--level-2" id="beheer">
        Beheer
      </h2>
      <DocumentEditForm ctx={ctx} document={tree.document} others={others} />
      <FieldsForm
        action={`${base}/onderdelen`}
        csrfToken={ctx.csrfToken}
        submit="Onderdeel toevoegen"
        heading="Onderdeel toevoegen"
        fields={[
          {
            kind: "select",
            name: "soort",
            id: "onderdeel-soort",
            label: "Soort onderdeel",
            value: "programma",
            options: SECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
            required: true,
          },
          {
            name: "titel",
            id: "onderdeel-titel",
            label: "Titel van het onderdeel",
            maxLength: TITLE_MAX,
            required: true,
          },
          {
            kind: "select",
            name: "ouder",
            id: "onderdeel-ouder",
            label: "Valt onder",
            value: "",
            options: sectionOptions,
          },
        ]}
      />
      <PostForm action={`${base}/doelen`} csrfToken={ctx.csrfToken} submit="Doel toevoegen">
        <h3 class="nl-heading nl-heading--level-3">Doel toevoegen</h3>
        <Fields
          fields={[
            {
              kind: "select",
              name: "niveau",
              label: "Niveau",
              value: "beleidsdoelstelling",
              options: GOAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l) })),
              required: true,
            },
            {
              kind: "textarea",
              name: "tekst",
              id: "doel-tekst",
              label: "Tekst van het doel",
              maxLength: STATEMENT_MAX,
              rows: 4,
              required: true,
            },
            {
              kind: "select",
              name: "onderdeel",
              id: "doel-onderdeel",
              label: "Onderdeel van het doel",
              value: "",
              options: sectionOptions,
            },
          ]}
        />
      </PostForm>
      {sections.length > 0 ? (
        <FieldsForm
          action={`${base}/activiteiten`}
          csrfToken={ctx.csrfToken}
          submit="Activiteit toevoegen"
          heading="Activiteit toevoegen"
          fields={[
            {
              kind: "select",
              name: "onderdeel",
              id: "activiteit-onderdeel",
              label: "Onderdeel van de activiteit",
              value: sections[0]?.id,
              options: sections.map((s) => ({ value: s.id, label: s.label })),
              required: true,
            },
            {
              kind: "textarea",
              name: "tekst",
              id: "activiteit-tekst",
              label: "Wat gaan we daarvoor doen?",
              maxLength: STATEMENT_MAX,
              rows: 4,
              required: true,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
