import type { FieldError } from "../../platform/errors.js";
import {
  BODY_MAX,
  NAME_MAX,
  NOTE_MAX,
  STATEMENT_MAX,
  TITLE_MAX,
} from "../../platform/schema-types.js";
import { CsrfField, ErrorSummary, FieldsForm, FormSection } from "../../web/components/form.js";
import { SourceRef } from "../../web/components/source-ref.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel, levelLabel, RollupView, SourceText } from "./components.js";
import { TARGET_YEAR_RANGE, WEIGHT_RANGE } from "./limits.js";
import type * as repo from "./repository.js";
import { DOCUMENT_STATES } from "./schema.js";
import type { GoalNode } from "./service.js";

const yesNo = [
  { value: "nee", label: "Nee" },
  { value: "ja", label: "Ja" },
];

export function MoveButtons({ ctx, action }: { ctx: PageContext; action: string }) {
  return (
    <div class="sk-actions">
      {(["omhoog", "omlaag"] as const).map((richting) => (
        <form key={richting} method="post" action={action}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="richting" value={richting} />
          <button type="submit" class="nl-button nl-button--secondary">
            Verplaats {richting}
          </button>
        </form>
      ))}
    </div>
  );
}

export function GoalPage(props: {
  ctx: PageContext;
  document: repo.DocumentRow;
  node: GoalNode;
  section: repo.SectionRow | undefined;
  year: number;
  canEdit: boolean;
  errors?: FieldError[];
  /** What a refused edit sent, shown again instead of the stored goal. */
  values?: Record<string, string | undefined>;
}) {
  const g = props.node.goal;
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const d = props.document;
  return (
    <Layout
      ctx={props.ctx}
      title={levelLabel(g.level)}
      breadcrumbs={[
        { href: "/beleid", label: "Beleid" },
        { href: `/beleid/${d.slug}`, label: d.title },
        { href: `/doelen/${g.id}`, label: levelLabel(g.level) },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">
        {levelLabel(g.level)} {g.number ?? ""}
      </h1>
      <ErrorSummary errors={errors} />
      <p class="nl-paragraph">{g.text}</p>
      {g.description ? <SourceText text={g.description} /> : null}
      <dl class="sk-definition-list">
        <dt>Document</dt>
        <dd>{d.title}</dd>
        {props.section ? (
          <>
            <dt>Onderdeel</dt>
            <dd>
              {kindLabel(props.section.kind)} {props.section.title}
            </dd>
          </>
        ) : null}
        <dt>Streefwaarde</dt>
        <dd>{g.targetValue ?? "—"}</dd>
        <dt>Streefjaar</dt>
        <dd>{g.targetYear ?? "—"}</dd>
        <dt>Eigenaar</dt>
        <dd>{g.owner ?? "—"}</dd>
        <dt>Bron</dt>
        <dd>
          <SourceRef source={g.source} tenant={props.ctx.tenant} prefix="" />
        </dd>
      </dl>
      {props.node.rollup ? (
        <RollupView rollup={props.node.rollup} year={props.year} />
      ) : (
        <p class="nl-paragraph">Er hangen geen activiteiten onder dit doel.</p>
      )}
      {props.canEdit ? (
        <FormSection
          id="doel-bewerken"
          heading="Doel bewerken"
          action={`/doelen/${g.id}/bewerken`}
          csrfToken={props.ctx.csrfToken}
          submit="Doel opslaan"
          errors={errors}
          fields={[
            {
              kind: "textarea",
              name: "tekst",
              label: "Tekst",
              value: v.tekst ?? g.text,
              maxLength: STATEMENT_MAX,
              required: true,
            },
            {
              name: "streefwaarde",
              label: "Streefwaarde (SMART)",
              value: v.streefwaarde ?? g.targetValue ?? "",
              maxLength: NAME_MAX,
            },
            {
              name: "streefjaar",
              label: "Streefjaar",
              help: `Een jaar van ${TARGET_YEAR_RANGE.min} tot en met ${TARGET_YEAR_RANGE.max}.`,
              value: v.streefjaar ?? (g.targetYear === null ? "" : String(g.targetYear)),
            },
            {
              name: "eigenaar",
              label: "Eigenaar",
              value: v.eigenaar ?? g.owner ?? "",
              maxLength: NAME_MAX,
            },
            {
              name: "gewicht",
              label: "Gewicht",
              help: `Een getal van ${WEIGHT_RANGE.min} tot en met ${WEIGHT_RANGE.max}; standaard 1.`,
              value: v.gewicht ?? String(g.weight),
            },
            {
              kind: "select",
              name: "nvt",
              label: "Niet van toepassing",
              value: g.notApplicable ? "ja" : "nee",
              options: yesNo,
            },
            {
              kind: "select",
              name: "archiveren",
              label: "Archiveren",
              value: g.archived ? "ja" : "nee",
              options: yesNo,
            },
          ]}
          after={<MoveButtons ctx={props.ctx} action={`/doelen/${g.id}/verplaatsen`} />}
        />
      ) : null}
    </Layout>
  );
}

export function SectionEditForm({
  ctx,
  document,
  section,
  errors,
}: {
  ctx: PageContext;
  document: repo.DocumentRow;
  section: repo.SectionRow;
  errors?: FieldError[];
}) {
  const errs = errors ?? [];
  return (
    <FormSection
      id="onderdeel-bewerken"
      heading="Onderdeel bewerken"
      action={`/beleid/${document.slug}/onderdelen/${section.slug}/bewerken`}
      csrfToken={ctx.csrfToken}
      submit="Onderdeel opslaan"
      errors={errs}
      summary
      fields={[
        {
          name: "titel",
          label: "Titel",
          value: section.title,
          maxLength: TITLE_MAX,
          required: true,
        },
        {
          kind: "textarea",
          name: "tekst",
          label: "Inleidende tekst",
          value: section.body,
          maxLength: BODY_MAX,
          rows: 10,
        },
        {
          kind: "select",
          name: "archiveren",
          label: "Archiveren",
          value: section.archived ? "ja" : "nee",
          options: yesNo,
        },
      ]}
      after={
        <>
          <MoveButtons
            ctx={ctx}
            action={`/beleid/${document.slug}/onderdelen/${section.slug}/verplaatsen`}
          />
          <FieldsForm
            action={`/beleid/${document.slug}/onderdelen/${section.slug}/indicatoren`}
            csrfToken={ctx.csrfToken}
            submit="Indicator toevoegen"
            heading="Indicator toevoegen"
            fields={[
              {
                kind: "textarea",
                name: "tekst",
                id: "indicator-tekst",
                label: "Indicator",
                maxLength: NOTE_MAX,
                rows: 3,
                required: true,
              },
              {
                name: "bron",
                id: "indicator-bron",
                label: "Bron van de indicator (bijvoorbeeld Monitor Sociale Kracht)",
                maxLength: TITLE_MAX,
              },
            ]}
          />
        </>
      }
    />
  );
}

export function DocumentEditForm({
  ctx,
  document,
  others,
}: {
  ctx: PageContext;
  document: repo.DocumentRow;
  others: repo.DocumentRow[];
}) {
  return (
    <FieldsForm
      action={`/beleid/${document.slug}/bewerken`}
      csrfToken={ctx.csrfToken}
      submit="Document opslaan"
      heading="Document bewerken"
      fields={[
        {
          name: "titel",
          label: "Titel van het document",
          value: document.title,
          maxLength: TITLE_MAX,
          required: true,
        },
        {
          kind: "select",
          name: "status",
          label: "Status van het document",
          value: document.state,
          options: DOCUMENT_STATES.map((s) => ({ value: s, label: kindLabel(s) })),
        },
        {
          name: "vindplaats",
          label: "Vindplaats",
          value: document.officialReference ?? "",
          maxLength: TITLE_MAX,
        },
        {
          kind: "select",
          name: "vervangt",
          label: "Vervangt document",
          value: others.find((o) => o.id === document.succeedsId)?.slug ?? "",
          options: [
            { value: "", label: "Geen" },
            ...others
              .filter((o) => o.id !== document.id)
              .map((o) => ({ value: o.slug, label: o.title })),
          ],
        },
        {
          kind: "select",
          name: "archiveren",
          label: "Document archiveren",
          value: document.archived ? "ja" : "nee",
          options: yesNo,
        },
      ]}
    />
  );
}
