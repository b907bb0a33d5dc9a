import { formatDateTime, nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import {
  ErrorSummary,
  Fields,
  fieldError,
  PostForm,
  RowActionForm,
  SelectField,
} from "../../web/components/form.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { TOKEN_NAME_MAX, type TokenStatus } from "./token-service.js";

export interface TokenRow {
  id: string;
  name: string;
  username: string;
  displayName: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  status: TokenStatus;
}

export interface IssuedToken {
  token: string;
  name: string;
  username: string;
}

const dateFormat = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "medium",
  timeZone: "Europe/Amsterdam",
});

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  accounts: { id: string; username: string; displayName: string }[];
  choices: { standard: string; latest: string; earliest: string };
  values?: Record<string, string>;
  errors?: FieldError[];
  /** Only in the response to issuing: the token itself, shown this once. */
  issued?: IssuedToken;
}) {
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const t = nl.tokens;
  return (
    <Layout
      ctx={props.ctx}
      title={t.title}
      breadcrumbs={[
        { href: "/beheer/gebruikers", label: nl.users.title },
        { href: "/beheer/tokens", label: t.title },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">{t.title}</h1>
      {props.issued ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="nl-paragraph">{t.issued(props.issued.name, props.issued.username)}</p>
          <p class="nl-paragraph">{t.copyNow}</p>
          <p class="nl-paragraph">
            {t.tokenLabel}: <code class="sk-password sk-token">{props.issued.token}</code>
          </p>
          <p class="nl-paragraph">
            {t.usage} <code class="sk-token">Authorization: Bearer {props.issued.token}</code>
          </p>
        </div>
      ) : null}
      <p class="nl-paragraph">{t.intro}</p>
      {props.tokens.length === 0 ? (
        <p class="nl-paragraph">{t.empty}</p>
      ) : (
        <DataTable
          caption={t.title}
          columns={[t.account, t.name, t.created, t.expires, t.lastUsed, t.status, t.actions]}
          rows={props.tokens.map((row) => ({
            key: row.id,
            cells: [
              `${row.username} (${row.displayName})`,
              row.name,
              `${formatDateTime(row.createdAt)}${row.createdBy ? ` ${t.createdBy(row.createdBy)}` : ""}`,
              dateFormat.format(row.expiresAt),
              row.lastUsedAt ? formatDateTime(row.lastUsedAt) : t.never,
              t.statuses[row.status],
              row.status === "ingetrokken" || row.status === "verlopen" ? null : (
                <RowActionForm
                  csrfToken={props.ctx.csrfToken}
                  action={`/beheer/tokens/${row.id}/intrekken`}
                  label={t.revoke}
                  rowName={`${row.name} (${row.username})`}
                />
              ),
            ],
          }))}
        />
      )}
      <h2 class="nl-heading nl-heading--level-2" id="uitgeven">
        {t.issue}
      </h2>
      <ErrorSummary errors={errors} />
      <PostForm action="/beheer/tokens" csrfToken={props.ctx.csrfToken} submit={t.issue}>
        <SelectField
          name="account"
          label={t.account}
          value={v.account}
          required
          options={[
            { value: "", label: t.chooseAccount },
            ...props.accounts.map((a) => ({
              value: a.id,
              label: `${a.username} (${a.displayName})`,
            })),
          ]}
          error={fieldError(errors, "account")}
        />
        <Fields
          errors={errors}
          fields={[
            {
              name: "naam",
              label: t.name,
              value: v.naam,
              required: true,
              help: t.nameHelp,
              autocomplete: "off",
              maxLength: TOKEN_NAME_MAX,
            },
            {
              name: "verloopt",
              label: t.expires,
              type: "date",
              value: v.verloopt ?? props.choices.standard,
              required: true,
              help: t.expiresHelp(dateFormat.format(new Date(`${props.choices.latest}T12:00:00Z`))),
            },
          ]}
        />
      </PostForm>
    </Layout>
  );
}
