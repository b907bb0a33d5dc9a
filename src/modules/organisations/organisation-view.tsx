import type { FieldError } from "../../platform/errors.js";
import { NAME_MAX, NOTE_MAX } from "../../platform/schema-types.js";
import {
  ErrorSummary,
  type FieldSpec,
  FormSection,
  labelledChoices,
} from "../../web/components/form.js";
import { BulletList } from "../../web/components/list.js";
import { RegisteredSections } from "../../web/components/page-sections.js";
import { SourceRef } from "../../web/components/source-ref.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { LoadedSection } from "../../web/sections.js";
import { KIND_LABELS, organisationHref, PLACEMENT_LABELS } from "./labels.js";
import { WEBSITE_MAX } from "./profile-rules.js";
import { ORGANISATION_KINDS } from "./schema.js";
import type { getOrganisationPage } from "./service.js";

type Detail = Awaited<ReturnType<typeof getOrganisationPage>>;
type Values = Record<string, string | undefined>;

/** The public profile fields, as the staff edit form and the partner's proposal form show them. */
export function profileFields(v: Values): FieldSpec[] {
  return [
    {
      kind: "textarea",
      name: "omschrijving",
      label: "Omschrijving",
      value: v.omschrijving,
      maxLength: NOTE_MAX,
      rows: 4,
    },
    {
      name: "website",
      label: "Website",
      value: v.website,
      maxLength: WEBSITE_MAX,
      help: "Bijvoorbeeld www.voorbeeld.nl.",
    },
    { name: "telefoon", label: "Telefoon", value: v.telefoon, maxLength: 20 },
    { name: "email", label: "E-mail", type: "email", value: v.email, maxLength: NAME_MAX },
  ];
}

export const profileValues = (o: Detail["organisation"]): Values => ({
  omschrijving: o.description,
  website: o.website ?? "",
  telefoon: o.phone ?? "",
  email: o.email ?? "",
});

function Contact({ o }: { o: Detail["organisation"] }) {
  if (!o.website && !o.phone && !o.email) return <>Geen bron noemt contactgegevens.</>;
  return (
    <>
      {o.website ? (
        <a class="nl-link" href={o.website} rel="noopener noreferrer">
          {o.website.replace(/^https?:\/\//, "")}
        </a>
      ) : null}
      {o.phone ? <span class="sk-block">Telefoon: {o.phone}</span> : null}
      {o.email ? (
        <span class="sk-block">
          E-mail:{" "}
          <a class="nl-link" href={`mailto:${o.email}`}>
            {o.email}
          </a>
        </span>
      ) : null}
      {o.contactSource ? <span class="sk-block sk-source">Bron: {o.contactSource}</span> : null}
    </>
  );
}

export function OrganisationPage(props: {
  ctx: PageContext;
  detail: Detail;
  sections: LoadedSection[];
  canEdit: boolean;
  isOwnOrganisation: boolean;
  errors?: FieldError[];
  values?: Values;
}) {
  const { organisation: o, places, functions, areas } = props.detail;
  const errors = props.errors ?? [];
  const v = props.values ?? {
    ...profileValues(o),
    naam: o.name,
    aliassen: o.aliases.join(", "),
    soort: o.kind,
    contactBron: o.contactSource ?? "",
  };
  return (
    <Layout
      ctx={props.ctx}
      title={o.name}
      breadcrumbs={[
        { href: "/organisaties", label: "Organisaties" },
        { href: organisationHref(o.slug), label: o.name },
      ]}
      heading
    >
      <ErrorSummary errors={errors} />
      {o.description ? <p class="nl-paragraph">{o.description}</p> : null}
      <dl class="sk-definition-list">
        <dt>Soort</dt>
        <dd>{KIND_LABELS[o.kind]}</dd>
        {o.aliases.length > 0 ? (
          <>
            <dt>Ook bekend als</dt>
            <dd>{o.aliases.join(", ")}</dd>
          </>
        ) : null}
        <dt>Contact</dt>
        <dd>
          <Contact o={o} />
        </dd>
      </dl>
      {props.isOwnOrganisation ? (
        <p class="nl-paragraph">
          <a class="nl-link" href="/partner">
            Dit is uw organisatie: wijzigingen voorstellen in het partnerportaal
          </a>
        </p>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Werkgebieden</h2>
      {places.length === 0 ? (
        <p class="nl-paragraph">
          De meerjarenopgave welzijn deelt deze organisatie niet in een werkgebied in.
        </p>
      ) : (
        <DataTable
          caption={`Werkgebieden van ${o.name}`}
          captionHidden
          columns={["Werkgebied", "Plaats", "Bron"]}
          rows={places.map((p) => ({
            key: `${p.workArea.code}-${p.placement}`,
            cells: [
              p.workArea.name,
              PLACEMENT_LABELS[p.placement],
              <SourceRef key="bron" source={p.source} tenant={props.ctx.tenant} prefix="" />,
            ],
          }))}
        />
      )}
      {functions.length > 0 ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">Functies</h2>
          {functions.map(({ fn, workArea, source }) => (
            <section key={fn.id} aria-labelledby={`functie-${fn.code}`}>
              <h3 class="nl-heading nl-heading--level-3" id={`functie-${fn.code}`}>
                {fn.name}
              </h3>
              <p class="nl-paragraph">
                {workArea
                  ? `${workArea.name}, ${PLACEMENT_LABELS[fn.placement].toLowerCase()}. `
                  : ""}
                <SourceRef source={source || fn.source} tenant={props.ctx.tenant} />
              </p>
              {fn.timeSplit.length > 0 ? (
                <DataTable
                  caption={`Tijdsverdeling ${fn.name.toLowerCase()}`}
                  captionHidden
                  columns={[{ label: "Deel van de tijd", numeric: true }, "Waaraan"]}
                  rows={fn.timeSplit.map((t, i) => ({
                    key: i,
                    // "oplossingen/antwoorden" may break after the slash on a phone.
                    cells: [`${t.percent}%`, t.description.replaceAll("/", "/\u200B")],
                  }))}
                />
              ) : (
                <p class="nl-paragraph">De bron geeft geen tijdsverdeling.</p>
              )}
            </section>
          ))}
        </>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Wijken</h2>
      <BulletList
        items={areas}
        keyOf={(a) => a.code}
        item={(a) => (
          <a class="nl-link" href={`/gebieden/${a.code}`}>
            {a.name}
          </a>
        )}
        empty="Geen bron noemt de wijken waar deze organisatie werkt."
      />
      <RegisteredSections sections={props.sections} />
      <h2 class="nl-heading nl-heading--level-2">Bronnen</h2>
      <BulletList
        items={o.sources}
        item={(s) => <SourceRef source={s} tenant={props.ctx.tenant} prefix="" />}
      />
      {props.canEdit ? (
        <FormSection
          id="organisatie-bewerken"
          heading="Bewerken"
          action={`${organisationHref(o.slug)}/bewerken`}
          csrfToken={props.ctx.csrfToken}
          submit="Opslaan"
          errors={errors}
          fields={[
            { name: "naam", label: "Naam", value: v.naam, maxLength: NAME_MAX, required: true },
            {
              name: "aliassen",
              label: "Andere namen (gescheiden door komma's)",
              value: v.aliassen,
              help: "Andere schrijfwijzen en vroegere namen: de organisatie is onder elk te vinden.",
            },
            {
              kind: "select",
              name: "soort",
              label: "Soort",
              value: v.soort ?? o.kind,
              options: labelledChoices(ORGANISATION_KINDS, KIND_LABELS),
            },
            ...profileFields(v),
            {
              name: "contactBron",
              label: "Bron van de contactgegevens",
              value: v.contactBron,
              maxLength: NOTE_MAX,
            },
          ]}
        >
          <input type="hidden" name="versie" value={String(o.version)} />
        </FormSection>
      ) : null}
    </Layout>
  );
}
