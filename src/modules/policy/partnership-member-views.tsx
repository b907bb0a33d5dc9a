import { Fragment } from "preact";
import { RowActionForm, SelectField } from "../../web/components/form.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { membersOf, unlinkedMembers } from "./partnership-member-service.js";

type Member = Awaited<ReturnType<typeof membersOf>>[number];
type Unlinked = Awaited<ReturnType<typeof unlinkedMembers>>[number];
export type OrganisationChoice = { id: string; name: string };

/** A select of organisations with a button: links one member (the row) to a record. */
function LinkForm(props: {
  ctx: PageContext;
  partnershipSlug: string;
  member: string;
  current: string | null;
  choices: readonly OrganisationChoice[];
  index: number;
}) {
  return (
    <RowActionForm
      csrfToken={props.ctx.csrfToken}
      action={`/samenwerkingsverbanden/${props.partnershipSlug}/leden`}
      label="Koppelen"
      rowName={props.member}
    >
      <input type="hidden" name="lid" value={props.member} />
      <SelectField
        name="organisatie"
        id={`organisatie-${props.partnershipSlug}-${props.index}`}
        label={`Organisatie van ${props.member}`}
        value={props.current ?? ""}
        options={[
          { value: "", label: "Geen (niet gekoppeld)" },
          ...props.choices.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
    </RowActionForm>
  );
}

/** The members of one partnership: each linked to its organisation, or said to be unlinked. */
export function MembersTable(props: {
  ctx: PageContext;
  partnershipSlug: string;
  members: readonly Member[];
  /** Given to staff: a link form per member. */
  choices?: readonly OrganisationChoice[] | undefined;
}) {
  const choices = props.choices;
  return (
    <DataTable
      caption="Leden en hun organisatie"
      columns={[
        "Lid (zoals de bron het noemt)",
        "Organisatie",
        ...(choices ? ["Koppeling wijzigen"] : []),
      ]}
      rows={props.members.map((m, i) => ({
        key: m.name,
        cells: [
          m.name,
          m.organisation ? (
            <a class="nl-link" href={`/organisaties/${m.organisation.slug}`}>
              {m.organisation.name}
            </a>
          ) : (
            "Niet gekoppeld: er is (nog) geen organisatierecord"
          ),
          ...(choices
            ? [
                <LinkForm
                  key="link"
                  ctx={props.ctx}
                  partnershipSlug={props.partnershipSlug}
                  member={m.name}
                  current={m.organisation?.id ?? null}
                  choices={choices}
                  index={i}
                />,
              ]
            : []),
        ],
      }))}
    />
  );
}

/** Staff list of every member name without an organisation record, to link them. */
export function UnlinkedMembersPage(props: {
  ctx: PageContext;
  unlinked: readonly Unlinked[];
  choices: readonly OrganisationChoice[];
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Leden zonder organisatie"
      breadcrumbs={[
        { href: "/samenwerkingsverbanden", label: "Samenwerkingsverbanden" },
        { href: "/beheer/samenwerkingsverbanden/leden", label: "Leden zonder organisatie" },
      ]}
      heading
      intro="Namen van leden die (nog) niet naar een organisatierecord verwijzen. Koppel een naam aan de organisatie die ermee bedoeld is; een naam die geen organisatie is (een gemeente buiten de registratie, een soort instelling) mag ongekoppeld blijven."
    >
      {props.unlinked.length === 0 ? (
        <p class="nl-paragraph">
          Alle leden van samenwerkingsverbanden zijn aan een organisatie gekoppeld.
        </p>
      ) : (
        <DataTable
          caption={`Niet gekoppeld (${props.unlinked.length})`}
          columns={["Samenwerkingsverband", "Lid", "Koppelen"]}
          rows={props.unlinked.map((u, i) => ({
            key: `${u.partnershipId}-${u.name}`,
            cells: [
              <a key="p" class="nl-link" href={`/samenwerkingsverbanden/${u.partnershipSlug}`}>
                {u.partnershipName}
              </a>,
              u.name,
              <Fragment key="f">
                <LinkForm
                  ctx={props.ctx}
                  partnershipSlug={u.partnershipSlug}
                  member={u.name}
                  current={null}
                  choices={props.choices}
                  index={i}
                />
              </Fragment>,
            ],
          }))}
        />
      )}
    </Layout>
  );
}
