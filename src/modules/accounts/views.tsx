import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { ActionForm, ErrorSummary, Fields, PostForm } from "../../web/components/form.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { RoleGrant } from "./permissions.js";

const roleLabel = (g: RoleGrant) => `${nl.roles[g.role]}${g.scope ? ` (${g.scope})` : ""}`;

export function LoginPage(props: {
  ctx: PageContext;
  username?: string;
  returnTo?: string;
  errors?: FieldError[];
}) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title={nl.auth.loginTitle} heading>
      <ErrorSummary errors={errors} />
      <p class="nl-paragraph">{nl.auth.loginIntro}</p>
      <PostForm action="/inloggen" csrfToken={props.ctx.csrfToken} submit={nl.auth.submit}>
        {props.returnTo ? <input type="hidden" name="terug" value={props.returnTo} /> : null}
        <Fields
          errors={errors}
          fields={[
            {
              name: "gebruikersnaam",
              label: nl.auth.username,
              value: props.username,
              required: true,
              autocomplete: "username",
            },
            {
              name: "wachtwoord",
              label: nl.auth.password,
              type: "password",
              required: true,
              autocomplete: "current-password",
            },
          ]}
        />
      </PostForm>
    </Layout>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  account: {
    username: string;
    displayName: string;
    roles: RoleGrant[];
    mustChangePassword: boolean;
  };
  errors?: FieldError[];
}) {
  const errors = props.errors ?? [];
  const a = props.account;
  return (
    <Layout ctx={props.ctx} title={nl.auth.accountTitle} path="/account" heading>
      {a.mustChangePassword && !props.ctx.flash ? (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="nl-paragraph">{nl.auth.mustChangeNotice}</p>
        </div>
      ) : null}
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
      <PostForm
        action="/account/wachtwoord"
        csrfToken={props.ctx.csrfToken}
        submit={nl.auth.changePassword}
      >
        <Fields
          errors={errors}
          fields={[
            {
              name: "huidig",
              label: nl.auth.currentPassword,
              type: "password",
              required: true,
              autocomplete: "current-password",
            },
            {
              name: "nieuw",
              label: nl.auth.newPassword,
              type: "password",
              required: true,
              autocomplete: "new-password",
              help: nl.auth.newPasswordHelp,
            },
          ]}
        />
      </PostForm>
      <h2 class="nl-heading nl-heading--level-2">{nl.auth.sessionsTitle}</h2>
      <ActionForm
        csrfToken={props.ctx.csrfToken}
        action="/account/overal-uitloggen"
        label={nl.auth.logoutEverywhere}
        help={nl.auth.logoutEverywhereHelp}
        id="overal-uitloggen"
      />
    </Layout>
  );
}
