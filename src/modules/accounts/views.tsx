import { formatDateTime, nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import {
  CsrfField,
  ErrorSummary,
  fieldError,
  SelectField,
  SubmitButton,
  TextField,
} from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { RoleGrant } from "./permissions.js";
import { ROLES } from "./schema.js";

const roleLabel = (g: RoleGrant) => `${nl.roles[g.role]}${g.scope ? ` (${g.scope})` : ""}`;

export function LoginPage(props: {
  ctx: PageContext;
  username?: string;
  returnTo?: string;
  errors?: FieldError[];
}) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title={nl.auth.loginTitle}>
      <h1 class="nl-heading nl-heading--level-1">{nl.auth.loginTitle}</h1>
      <ErrorSummary errors={errors} />
      <p class="nl-paragraph">{nl.auth.loginIntro}</p>
      <form method="post" action="/inloggen" class="sk-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.returnTo ? <input type="hidden" name="terug" value={props.returnTo} /> : null}
        <TextField
          name="gebruikersnaam"
          label={nl.auth.username}
          value={props.username}
          required
          autocomplete="username"
          error={fieldError(errors, "gebruikersnaam")}
        />
        <TextField
          name="wachtwoord"
          label={nl.auth.password}
          type="password"
          required
          autocomplete="current-password"
          error={fieldError(errors, "wachtwoord")}
        />
        <div>
          <SubmitButton>{nl.auth.submit}</SubmitButton>
        </div>
      </form>
    </Layout>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  account: { username: string; displayName: string; roles: RoleGrant[] };
  errors?: FieldError[];
}) {
  const errors = props.errors ?? [];
  const a = props.account;
  return (
    <Layout
      ctx={props.ctx}
      title={nl.auth.accountTitle}
      breadcrumbs={[{ href: "/account", label: nl.auth.accountTitle }]}
    >
      <h1 class="nl-heading nl-heading--level-1">{nl.auth.accountTitle}</h1>
      <ErrorSummary errors={errors} />
      <dl class="sk-definition-list">
        <dt>{nl.users.displayName}</dt>
        <dd>{a.displayName}</dd>
        <dt>{nl.auth.username}</dt>
        <dd>{a.username}</dd>
        <dt>{nl.auth.roles}</dt>
        <dd>{a.roles.map(roleLabel).join(", ")}</dd>
      </dl>
      <h2 class="nl-heading nl-heading--level-2">{nl.auth.changePassword}</h2>
      <form method="post" action="/account/wachtwoord" class="sk-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="huidig"
          label={nl.auth.currentPassword}
          type="password"
          required
          autocomplete="current-password"
          error={fieldError(errors, "huidig")}
        />
        <TextField
          name="nieuw"
          label={nl.auth.newPassword}
          type="password"
          required
          autocomplete="new-password"
          help={nl.auth.newPasswordHelp}
          error={fieldError(errors, "nieuw")}
        />
        <div>
          <SubmitButton>{nl.auth.changePassword}</SubmitButton>
        </div>
      </form>
    </Layout>
  );
}

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  lastLoginAt: Date | null;
  roles: RoleGrant[];
}

export function UsersPage(props: {
  ctx: PageContext;
  users: UserRow[];
  values?: Record<string, string>;
  errors?: FieldError[];
  created?: { username: string; password: string };
}) {
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  return (
    <Layout
      ctx={props.ctx}
      title={nl.users.title}
      breadcrumbs={[{ href: "/beheer/gebruikers", label: nl.users.title }]}
    >
      <h1 class="nl-heading nl-heading--level-1">{nl.users.title}</h1>
      {props.created ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="nl-paragraph">{nl.users.created(props.created.username)}</p>
          <p class="nl-paragraph">
            {nl.users.initialPassword} <code class="sk-password">{props.created.password}</code>
          </p>
        </div>
      ) : null}
      {props.users.length === 0 ? (
        <p class="nl-paragraph">{nl.users.empty}</p>
      ) : (
        <div class="sk-table-wrapper">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{nl.users.title}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.auth.username}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.users.displayName}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.auth.roles}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.users.active}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {nl.users.lastLogin}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.users.map((u) => (
                <tr key={u.id} class="utrecht-table__row">
                  <td class="utrecht-table__cell">{u.username}</td>
                  <td class="utrecht-table__cell">{u.displayName}</td>
                  <td class="utrecht-table__cell">{u.roles.map(roleLabel).join(", ")}</td>
                  <td class="utrecht-table__cell">{u.active ? nl.areas.yes : nl.areas.no}</td>
                  <td class="utrecht-table__cell">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : nl.users.never}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="nl-heading nl-heading--level-2" id="nieuw">
        {nl.users.create}
      </h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/beheer/gebruikers" class="sk-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="gebruikersnaam"
          label={nl.auth.username}
          value={v.gebruikersnaam}
          required
          autocomplete="off"
          error={fieldError(errors, "gebruikersnaam")}
        />
        <TextField
          name="naam"
          label={nl.users.displayName}
          value={v.naam}
          required
          error={fieldError(errors, "naam")}
        />
        <TextField
          name="email"
          label={nl.users.email}
          type="email"
          value={v.email}
          error={fieldError(errors, "email")}
        />
        <SelectField
          name="rol"
          label={nl.users.role}
          value={v.rol ?? "beleidsmedewerker"}
          required
          options={ROLES.map((r) => ({ value: r, label: nl.roles[r] }))}
          error={fieldError(errors, "rol")}
        />
        <TextField
          name="scope"
          label={nl.users.scope}
          value={v.scope}
          help={nl.users.scopeHelp}
          error={fieldError(errors, "scope")}
        />
        <div>
          <SubmitButton>{nl.users.create}</SubmitButton>
        </div>
      </form>
    </Layout>
  );
}
