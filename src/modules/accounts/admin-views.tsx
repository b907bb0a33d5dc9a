import { formatDateTime, nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { Badge } from "../../web/components/badge.js";
import {
  ActionForm,
  ErrorSummary,
  Fields,
  fieldError,
  PostForm,
  RowActionForm,
  SelectField,
  TextField,
} from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { type Column, DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { AccountSort } from "./admin-repository.js";
import { SCOPE_MAX } from "./admin-service.js";
import { type RoleGrant, scopeName } from "./permissions.js";
import { ROLES } from "./schema.js";
import { DISPLAY_NAME_MAX } from "./service.js";

const roleLabel = (g: RoleGrant) => `${nl.roles[g.role]}${g.scope ? ` (${scopeName(g)})` : ""}`;

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email?: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt?: Date;
  roles: RoleGrant[];
}

const USERS = "/beheer/gebruikers";
const userHref = (id: string) => `${USERS}/${id}`;

function Status({ user }: { user: UserRow }) {
  return (
    <>
      {user.active ? nl.users.statusActive : nl.users.statusInactive}
      {user.mustChangePassword ? (
        <>
          {" "}
          <Badge>{nl.users.mustChange}</Badge>
        </>
      ) : null}
    </>
  );
}

export interface UserListSort {
  sort: AccountSort;
  descending: boolean;
}

const listHref = (sort: UserListSort, page = 1) => {
  const params = new URLSearchParams();
  if (sort.sort !== "gebruikersnaam") params.set("sorteer", sort.sort);
  if (sort.descending) params.set("volgorde", "aflopend");
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `${USERS}?${query}` : USERS;
};

function sortColumn(label: string, column: AccountSort, current: UserListSort): Column {
  const active = current.sort === column;
  // A second click on the sorted column reverses it; a new column starts with the most useful end.
  const descending = active ? !current.descending : column === "laatste-login";
  return {
    label: (
      <a class="nl-link" href={`${listHref({ sort: column, descending })}#gebruikers`}>
        {label}
      </a>
    ),
    sort: active ? (current.descending ? "descending" : "ascending") : undefined,
  };
}

export function UsersPage(props: {
  ctx: PageContext;
  users: UserRow[];
  paging: Paging;
  sort: UserListSort;
  values?: Record<string, string>;
  errors?: FieldError[];
  created?: { id: string; username: string; password: string };
  partnerOrganisations?: readonly PartnerOrganisation[] | undefined;
}) {
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const sort = props.sort;
  return (
    <Layout ctx={props.ctx} title={nl.users.title} path={USERS} heading>
      {props.created ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="nl-paragraph">{nl.users.created(props.created.username)}</p>
          <p class="nl-paragraph">
            {nl.users.initialPassword} <code class="sk-password">{props.created.password}</code>
          </p>
          <p class="nl-paragraph">
            <a class="nl-link" href={userHref(props.created.id)}>
              {nl.users.newAccountLink(props.created.username)}
            </a>
          </p>
        </div>
      ) : null}
      {props.paging.total === 0 ? (
        <p class="nl-paragraph">{nl.users.empty}</p>
      ) : (
        <DataTable
          id="gebruikers"
          caption={nl.users.listCaption(props.paging.total)}
          columns={[
            sortColumn(nl.auth.username, "gebruikersnaam", sort),
            sortColumn(nl.users.displayName, "naam", sort),
            nl.auth.roles,
            sortColumn(nl.users.status, "status", sort),
            sortColumn(nl.users.lastLogin, "laatste-login", sort),
          ]}
          rows={props.users.map((u) => ({
            key: u.id,
            cells: [
              <a class="nl-link" href={userHref(u.id)}>
                {u.username}
              </a>,
              u.displayName,
              u.roles.map(roleLabel).join(", "),
              <Status user={u} />,
              u.lastLoginAt ? formatDateTime(u.lastLoginAt) : nl.users.never,
            ],
          }))}
        />
      )}
      <Pagination
        page={props.paging.page}
        pages={props.paging.pages}
        hrefFor={(p) => listHref(sort, p)}
      />
      <h2 class="nl-heading nl-heading--level-2" id="nieuw">
        {nl.users.create}
      </h2>
      <ErrorSummary errors={errors} />
      <PostForm action={USERS} csrfToken={props.ctx.csrfToken} submit={nl.users.create}>
        <Fields
          errors={errors}
          fields={[
            {
              name: "gebruikersnaam",
              label: nl.auth.username,
              value: v.gebruikersnaam,
              required: true,
              autocomplete: "off",
            },
            {
              name: "naam",
              label: nl.users.displayName,
              value: v.naam,
              required: true,
              maxLength: DISPLAY_NAME_MAX,
            },
            { name: "email", label: nl.users.email, type: "email", value: v.email },
          ]}
        />
        <RoleFields values={v} errors={errors} organisations={props.partnerOrganisations} />
      </PostForm>
    </Layout>
  );
}

/** The organisations a partner account can be scoped to (the organisation records). */
export type PartnerOrganisation = { id: string; name: string };

function RoleFields(props: {
  values: Record<string, string>;
  errors: FieldError[];
  organisations?: readonly PartnerOrganisation[] | undefined;
}) {
  return (
    <>
      <SelectField
        name="rol"
        label={nl.users.role}
        value={props.values.rol ?? "beleidsmedewerker"}
        required
        options={ROLES.map((r) => ({ value: r, label: nl.roles[r] }))}
        error={fieldError(props.errors, "rol")}
      />
      {props.organisations ? (
        <SelectField
          name="organisatie"
          label="Organisatie (bij de rol partner)"
          value={props.values.organisatie ?? ""}
          help="Een partner werkt voor één organisatie en ziet alleen wat van die organisatie is."
          options={[
            { value: "", label: "Kies de organisatie" },
            ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          error={fieldError(props.errors, "organisatie")}
        />
      ) : null}
      <TextField
        name="scope"
        label={props.organisations ? "Buurtplein (bij de rol buurtverbinder)" : nl.users.scope}
        value={props.values.scope}
        help={props.organisations ? undefined : nl.users.scopeHelp}
        error={fieldError(props.errors, "scope")}
        maxLength={SCOPE_MAX}
      />
    </>
  );
}

export function UserPage(props: {
  ctx: PageContext;
  user: UserRow;
  errors?: FieldError[];
  values?: Record<string, string>;
  /** Just reset: the one-time password, shown in this response only. */
  oneTimePassword?: string;
  partnerOrganisations?: readonly PartnerOrganisation[] | undefined;
}) {
  const errors = props.errors ?? [];
  const u = props.user;
  const base = userHref(u.id);
  return (
    <Layout
      ctx={props.ctx}
      title={nl.users.detailTitle(u.username)}
      breadcrumbs={[
        { href: USERS, label: nl.users.title },
        { href: base, label: u.username },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">{nl.users.detailTitle(u.username)}</h1>
      {props.oneTimePassword ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="nl-paragraph">{nl.users.resetDone(u.username)}</p>
          <p class="nl-paragraph">
            {nl.users.initialPassword} <code class="sk-password">{props.oneTimePassword}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl class="sk-definition-list">
        <dt>{nl.users.displayName}</dt>
        <dd>{u.displayName}</dd>
        <dt>{nl.auth.username}</dt>
        <dd>{u.username}</dd>
        {u.email ? (
          <>
            <dt>{nl.users.email}</dt>
            <dd>{u.email}</dd>
          </>
        ) : null}
        <dt>{nl.users.status}</dt>
        <dd>
          <Status user={u} />
        </dd>
        <dt>{nl.users.lastLogin}</dt>
        <dd>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : nl.users.never}</dd>
        {u.createdAt ? (
          <>
            <dt>{nl.users.createdAt}</dt>
            <dd>{formatDateTime(u.createdAt)}</dd>
          </>
        ) : null}
      </dl>

      <h2 class="nl-heading nl-heading--level-2">{nl.users.actions}</h2>
      <div class="sk-actions">
        <ActionForm
          csrfToken={props.ctx.csrfToken}
          action={`${base}/wachtwoord-herstellen`}
          label={nl.users.resetPassword}
          help={nl.users.resetPasswordHelp}
          id="veld-wachtwoord"
          primary
        />
        <ActionForm
          csrfToken={props.ctx.csrfToken}
          action={`${base}/${u.active ? "deactiveren" : "heractiveren"}`}
          label={u.active ? nl.users.deactivate : nl.users.reactivate}
          help={u.active ? nl.users.deactivateHelp : nl.users.reactivateHelp}
          id="veld-status"
        />
      </div>

      <h2 class="nl-heading nl-heading--level-2" id="rollen">
        {nl.users.rolesTitle}
      </h2>
      <DataTable
        id="veld-rollen"
        tabIndex={-1}
        caption={nl.users.rolesCaption(u.username)}
        columns={[nl.users.role, nl.users.scope, nl.users.actionColumn]}
        rows={u.roles.map((g) => ({
          key: `${g.role}:${g.scope}`,
          cells: [
            nl.roles[g.role],
            g.scope ? scopeName(g) : nl.users.noScope,
            <RowActionForm
              csrfToken={props.ctx.csrfToken}
              action={`${base}/rollen/verwijderen`}
              label={nl.users.removeRole}
              rowName={nl.users.removeRoleLabel(roleLabel(g))}
            >
              <input type="hidden" name="rol" value={g.role} />
              <input type="hidden" name="scope" value={g.scope} />
            </RowActionForm>,
          ],
        }))}
      />
      <h3 class="nl-heading nl-heading--level-3">{nl.users.addRole}</h3>
      <PostForm action={`${base}/rollen`} csrfToken={props.ctx.csrfToken} submit={nl.users.addRole}>
        <RoleFields
          values={props.values ?? {}}
          errors={errors}
          organisations={props.partnerOrganisations}
        />
      </PostForm>
    </Layout>
  );
}
