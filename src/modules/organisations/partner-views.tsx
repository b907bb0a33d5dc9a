import { formatDateTime } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { NOTE_MAX } from "../../platform/schema-types.js";
import { Badge } from "../../web/components/badge.js";
import { ErrorSummary, FormSection, RowActionForm, TextField } from "../../web/components/form.js";
import { LinkList } from "../../web/components/list.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { CHANGE_STATE_LABELS, organisationHref } from "./labels.js";
import { profileFields, profileValues } from "./organisation-view.js";
import type * as repo from "./repository.js";

type Change = Awaited<ReturnType<typeof repo.listProfileChanges>>[number];
type Values = Record<string, string | undefined>;

const PROFILE_LABELS: Record<string, string> = {
  description: "Omschrijving",
  website: "Website",
  phone: "Telefoon",
  email: "E-mail",
};

/** What a proposal changes, field by field ("Website: www.x.nl"); an emptied field says so. */
const proposedText = (c: Change["change"]) =>
  Object.entries(c.proposed)
    .map(([k, v]) => `${PROFILE_LABELS[k] ?? k}: ${v === null || v === "" ? "(leeg)" : v}`)
    .join("; ");

/** The partner portal: the account's organisation(s), a proposal form, and where the rest is. */
export function PartnerPortalPage(props: {
  ctx: PageContext;
  organisations: repo.OrganisationRow[];
  changes: Change[];
  errors?: FieldError[];
  values?: Values;
  /** The organisation a refused form was for. */
  formFor?: string;
}) {
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title="Partnerportaal"
      path="/partner"
      heading
      intro="Uw organisatie bij de gemeente: uw profiel, subsidies, verantwoordingen en meldingen."
    >
      <ErrorSummary errors={errors} />
      <LinkList
        links={[
          { href: "/partner/subsidies", label: "Mijn subsidies" },
          { href: "/partner/verantwoordingen", label: "Mijn verantwoordingen" },
          { href: "/meldingen", label: "Mijn meldingen" },
        ]}
      />
      {props.organisations.length === 0 ? (
        <p class="nl-paragraph">
          Uw account is nog aan geen organisatie gekoppeld. Vraag de beheerder van de gemeente om uw
          account aan uw organisatie te koppelen.
        </p>
      ) : null}
      {props.organisations.map((o) => {
        const own = props.changes.filter((c) => c.organisation.id === o.id);
        const refused = props.formFor === o.id;
        return (
          <section key={o.id} aria-labelledby={`organisatie-${o.slug}`}>
            <h2 class="nl-heading nl-heading--level-2" id={`organisatie-${o.slug}`}>
              <a class="nl-link" href={organisationHref(o.slug)}>
                {o.name}
              </a>
            </h2>
            <FormSection
              id={`profiel-${o.slug}`}
              heading={`Profiel van ${o.name} bijwerken`}
              action={`/partner/organisaties/${o.id}/profiel`}
              csrfToken={props.ctx.csrfToken}
              submit="Wijziging voorstellen"
              errors={refused ? errors : []}
              fields={profileFields(refused && props.values ? props.values : profileValues(o))}
              after={
                <p class="nl-paragraph">
                  De gemeente beoordeelt een wijziging voordat die op de openbare pagina staat.
                </p>
              }
            />
            {own.length > 0 ? (
              <DataTable
                caption={`Voorgestelde wijzigingen van ${o.name}`}
                columns={["Voorgesteld op", "Wijziging", "Status"]}
                rows={own.map(({ change }) => ({
                  key: change.id,
                  cells: [
                    formatDateTime(change.createdAt),
                    proposedText(change),
                    <>
                      <Badge>{CHANGE_STATE_LABELS[change.state]}</Badge>
                      {change.reviewNote ? ` ${change.reviewNote}` : ""}
                    </>,
                  ],
                }))}
              />
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}

/** Staff review of partners' proposals: approve at once, or reject with a reason. */
export function ReviewPage(props: { ctx: PageContext; open: Change[]; decided: Change[] }) {
  return (
    <Layout
      ctx={props.ctx}
      title="Wijzigingen van partners beoordelen"
      breadcrumbs={[
        { href: "/organisaties", label: "Organisaties" },
        { href: "/beheer/organisaties", label: "Wijzigingen beoordelen" },
      ]}
      heading
      intro="Een partner houdt het profiel van de eigen organisatie bij; pas na uw goedkeuring is de wijziging openbaar."
    >
      {props.open.length === 0 ? (
        <p class="nl-paragraph">Er wachten geen wijzigingen op beoordeling.</p>
      ) : (
        <DataTable
          caption={`Wachten op beoordeling (${props.open.length})`}
          columns={["Organisatie", "Wijziging", "Door", "Beoordelen"]}
          rows={props.open.map(({ change, organisation }) => ({
            key: change.id,
            cells: [
              <a key="o" class="nl-link" href={organisationHref(organisation.slug)}>
                {organisation.name}
              </a>,
              proposedText(change),
              `${change.proposedByName}, ${formatDateTime(change.createdAt)}`,
              <>
                <RowActionForm
                  csrfToken={props.ctx.csrfToken}
                  action={`/beheer/organisaties/wijzigingen/${change.id}/goedkeuren`}
                  label="Goedkeuren"
                  rowName={organisation.name}
                />
                <RowActionForm
                  csrfToken={props.ctx.csrfToken}
                  action={`/beheer/organisaties/wijzigingen/${change.id}/afwijzen`}
                  label="Afwijzen"
                  rowName={organisation.name}
                >
                  <TextField
                    name="toelichting"
                    id={`reden-${change.id}`}
                    label="Reden van afwijzen"
                    maxLength={NOTE_MAX}
                  />
                </RowActionForm>
              </>,
            ],
          }))}
        />
      )}
      {props.decided.length > 0 ? (
        <DataTable
          caption="Eerder beoordeeld"
          columns={["Organisatie", "Wijziging", "Besluit"]}
          rows={props.decided.map(({ change, organisation }) => ({
            key: change.id,
            cells: [
              organisation.name,
              proposedText(change),
              `${CHANGE_STATE_LABELS[change.state]}${change.reviewNote ? `: ${change.reviewNote}` : ""}`,
            ],
          }))}
        />
      ) : null}
    </Layout>
  );
}
