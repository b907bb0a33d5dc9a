import type { FieldError } from "../../platform/errors.js";
import { NAME_MAX, TEXT_MAX } from "../../platform/schema-types.js";
import { ErrorSummary, Fields, PostForm } from "../../web/components/form.js";
import { SourceRef } from "../../web/components/source-ref.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel } from "./components.js";
import { MEMBERS_MAX, MEMBERS_NOTE_MAX } from "./limits.js";
import { MembersTable, type OrganisationChoice } from "./partnership-member-views.js";
import type * as repo from "./repository.js";

type Partnership = Awaited<ReturnType<typeof repo.listPartnerships>>[number];
const crumbs = (extra: { href: string; label: string }[] = []) => [
  { href: "/beleid", label: "Beleid" },
  { href: "/samenwerkingsverbanden", label: "Samenwerkingsverbanden" },
  ...extra,
];

type Values = Record<string, string | undefined>;
/** What a refused form sent, in the shape the fields show. */
const fromValues = (v: Values): Partial<Partnership> & { leden?: string } => ({
  name: v.naam,
  kind: v.soort,
  leden: v.leden,
  membersNote: v.ledenToelichting ?? null,
  description: v.toelichting,
});

function PartnershipFields({
  p,
  errors,
}: {
  p?: Partial<Partnership> & { leden?: string };
  errors: FieldError[];
}) {
  return (
    <Fields
      errors={errors}
      fields={[
        { name: "naam", label: "Naam", value: p?.name, maxLength: NAME_MAX, required: true },
        {
          name: "soort",
          label: "Soort (bijvoorbeeld regio, netwerk, gemeenschappelijke regeling)",
          value: p?.kind,
          maxLength: NAME_MAX,
        },
        {
          name: "leden",
          label: "Leden (gescheiden door komma's)",
          help: `Hoogstens ${MEMBERS_MAX} namen, elk hoogstens ${NAME_MAX} tekens.`,
          value: p?.leden ?? p?.members?.join(", "),
        },
        {
          kind: "textarea",
          name: "ledenToelichting",
          label: "Toelichting bij de leden",
          value: p?.membersNote ?? "",
          maxLength: MEMBERS_NOTE_MAX,
          rows: 3,
        },
        {
          kind: "textarea",
          name: "toelichting",
          label: "Wat doen we samen?",
          value: p?.description,
          maxLength: TEXT_MAX,
        },
      ]}
    />
  );
}

export function PartnershipsPage(props: {
  ctx: PageContext;
  partnerships: Partnership[];
  canEdit: boolean;
  errors?: FieldError[];
  values?: Values;
}) {
  const errors = props.errors ?? [];
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title="Samenwerkingsverbanden" breadcrumbs={crumbs()}>
      <h1 class="nl-heading nl-heading--level-1">Samenwerkingsverbanden</h1>
      <p class="nl-paragraph">
        Wat doen we samen met de stad, met instellingen en verbonden partijen?
      </p>
      {props.partnerships.length === 0 ? (
        <p class="nl-paragraph">Er zijn nog geen samenwerkingsverbanden.</p>
      ) : (
        <ul>
          {props.partnerships.map((p) => (
            <li key={p.id}>
              <a class="nl-link" href={`/samenwerkingsverbanden/${p.slug}`}>
                {p.name}
              </a>
              {p.members.length > 0
                ? `: ${p.members.join(", ")}`
                : p.membersNote
                  ? `: ${p.membersNote}`
                  : ""}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit ? (
        <section aria-labelledby="nieuw-verband">
          <h2 class="nl-heading nl-heading--level-2" id="nieuw-verband">
            Nieuw samenwerkingsverband
          </h2>
          <ErrorSummary errors={errors} />
          <PostForm
            action="/samenwerkingsverbanden"
            csrfToken={props.ctx.csrfToken}
            submit="Samenwerkingsverband aanmaken"
          >
            <PartnershipFields p={v ? fromValues(v) : undefined} errors={errors} />
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

export function PartnershipPage(props: {
  ctx: PageContext;
  partnership: Partnership;
  members: Parameters<typeof MembersTable>[0]["members"];
  /** Organisations to link members to: given to staff. */
  choices?: OrganisationChoice[] | undefined;
  canEdit: boolean;
  errors?: FieldError[];
  values?: Values;
}) {
  const p = props.partnership;
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title={p.name}
      breadcrumbs={crumbs([{ href: `/samenwerkingsverbanden/${p.slug}`, label: p.name }])}
      heading
    >
      <ErrorSummary errors={errors} />
      <dl class="sk-definition-list">
        <dt>Soort</dt>
        <dd>{p.kind || "—"}</dd>
        <dt>Leden</dt>
        <dd>{p.members.length > 0 ? p.members.join(", ") : "De bron noemt de leden niet."}</dd>
        {p.membersNote ? (
          <>
            <dt>Toelichting leden</dt>
            <dd>{p.membersNote}</dd>
          </>
        ) : null}
        <dt>Bron</dt>
        <dd>
          <SourceRef source={p.source} tenant={props.ctx.tenant} prefix="" />
        </dd>
      </dl>
      <p class="nl-paragraph">{p.description}</p>
      {props.members.length > 0 ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">Leden</h2>
          <MembersTable
            ctx={props.ctx}
            partnershipSlug={p.slug}
            members={props.members}
            choices={props.canEdit ? props.choices : undefined}
          />
          {props.canEdit ? (
            <p class="nl-paragraph">
              <a class="nl-link" href="/beheer/samenwerkingsverbanden/leden">
                Alle leden zonder organisatie
              </a>
            </p>
          ) : null}
        </>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Genoemd in</h2>
      {p.sections.length === 0 ? (
        <p class="nl-paragraph">Nog aan geen onderdeel van een beleidsdocument gekoppeld.</p>
      ) : (
        <ul>
          {p.sections.map((s) => (
            <li key={s.section.id}>
              <a class="nl-link" href={`/beleid/${s.document.slug}`}>
                {s.document.title}
              </a>
              : {kindLabel(s.section.kind)} {s.section.title}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit ? (
        <section aria-labelledby="verband-bewerken">
          <h2 class="nl-heading nl-heading--level-2" id="verband-bewerken">
            Bewerken
          </h2>
          <PostForm
            action={`/samenwerkingsverbanden/${p.slug}/bewerken`}
            csrfToken={props.ctx.csrfToken}
            submit="Opslaan"
          >
            <PartnershipFields p={props.values ? fromValues(props.values) : p} errors={errors} />
            <Fields
              fields={[
                {
                  kind: "select",
                  name: "archiveren",
                  label: "Archiveren",
                  value: "nee",
                  options: [
                    { value: "nee", label: "Nee" },
                    { value: "ja", label: "Ja" },
                  ],
                },
              ]}
            />
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
