import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import { nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { setFlash } from "../../platform/flash.js";
import { FormBody, PageQuery, Text } from "../../platform/schema-types.js";
import { formErrors } from "../../web/form-errors.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { ACCOUNT_SORTS, type AccountSort } from "./admin-repository.js";
import {
  addAccountRole,
  browseAccounts,
  deactivateAccount,
  getAccount,
  reactivateAccount,
  removeAccountRole,
  resetAccountPassword,
} from "./admin-service.js";
import { type PartnerOrganisation, type UserListSort, UserPage, UsersPage } from "./admin-views.js";
import { actorOf, requirePermission } from "./guards.js";
import { type RoleGrant, scopeName } from "./permissions.js";
import { createAccount } from "./service.js";

type Form = Record<string, string | undefined>;
interface ListQuery {
  pagina?: string;
  sorteer?: string;
  volgorde?: string;
}

const USERS = "/beheer/gebruikers";
/** Any text: a malformed id is a 404 from the service, like an unknown one. */
const IdParams = Type.Object({ id: Text(100) });

const listSort = (q: ListQuery): UserListSort => ({
  sort: ACCOUNT_SORTS.includes(q.sorteer as AccountSort)
    ? (q.sorteer as AccountSort)
    : "gebruikersnaam",
  descending: q.volgorde === "aflopend",
});

const pageNumber = (raw: string | undefined) =>
  Math.max(1, /^\d{1,6}$/.test(raw ?? "") ? Number(raw) : 1);

/**
 * User management for the beheerder (users.manage): the list with paging and sorting, creating an
 * account, and per account a page with its actions as small POST forms (CSRF), each answered with
 * a redirect and a message, or the page again with an error summary.
 */
/**
 * Where the scopes of roles come from, given by the app: the organisation records a partner account
 * can act for. Without it (a bare app) a scope is free text.
 */
export interface ScopeCatalog {
  partnerOrganisations(db: Db, municipalityCode: string): Promise<PartnerOrganisation[]>;
}

export function registerUserAdminRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  scopes?: ScopeCatalog,
) {
  const manageUsers = { onRequest: requirePermission("users.manage") };
  const organisations = async () => scopes?.partnerOrganisations(db, tenant.municipality.code);
  /**
   * A partner's scope is the organisation record chosen in the form (its id, with its name as
   * label); other roles keep the typed scope. Refused when the partner's organisation is no record.
   */
  const scopeOf = async (b: Form): Promise<{ scope: string; scopeLabel?: string }> => {
    const list = await organisations();
    if (!list || b.rol !== "partner") return { scope: b.scope ?? "" };
    const chosen = list.find((o) => o.id === b.organisatie);
    // No record chosen: an empty scope, which the account rules refuse with the other problems.
    return chosen ? { scope: chosen.id, scopeLabel: chosen.name } : { scope: "" };
  };
  /** A partner's missing scope is the organisation select's problem when there is one. */
  const onForm = (errors: FieldError[], values: Record<string, string>) =>
    scopes && values.rol === "partner"
      ? errors.map((e) => (e.field === "scope" ? { ...e, field: "organisatie" } : e))
      : errors;
  const municipality = tenant.municipality.code;

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sort: UserListSort,
    page: number,
    extra: Partial<Parameters<typeof UsersPage>[0]> = {},
    status = 200,
  ) => {
    const result = await browseAccounts(db, municipality, { ...sort, page });
    return sendPage(
      reply,
      <UsersPage
        partnerOrganisations={await organisations()}
        ctx={pageContext(request, reply, tenant)}
        users={result.rows}
        paging={result}
        sort={sort}
        {...extra}
      />,
      status,
    );
  };

  app.get<{ Querystring: ListQuery }>(
    USERS,
    { ...manageUsers, schema: { querystring: PageQuery() } },
    async (request, reply) =>
      listPage(request, reply, listSort(request.query), pageNumber(request.query.pagina)),
  );

  app.post<{ Body: Form }>(
    USERS,
    { ...manageUsers, schema: { body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      const values = {
        gebruikersnaam: b.gebruikersnaam ?? "",
        naam: b.naam ?? "",
        email: b.email ?? "",
        rol: b.rol ?? "",
        scope: b.scope ?? "",
        organisatie: b.organisatie ?? "",
      };
      const sort = listSort({});
      try {
        const { scope, scopeLabel } = await scopeOf(b);
        const { account, password } = await createAccount(db, actorOf(request), {
          username: values.gebruikersnaam,
          displayName: values.naam,
          email: values.email || undefined,
          role: values.rol,
          scope: scope || undefined,
          scopeLabel,
        });
        // The one-time password is shown in this response only: a redirect would have to store it.
        const created = { id: account.id, username: account.username, password };
        return listPage(request, reply, sort, 1, { created }, 201);
      } catch (error) {
        const { status, errors } = formErrors(error);
        return listPage(
          request,
          reply,
          sort,
          1,
          { values, errors: onForm(errors, values) },
          status,
        );
      }
    },
  );

  /** The account's page as it is now in the database, with what the request adds to it. */
  const userPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Omit<Parameters<typeof UserPage>[0], "ctx" | "user"> = {},
    status = 200,
  ) => {
    const user = await getAccount(db, municipality, id);
    return sendPage(
      reply,
      <UserPage
        ctx={pageContext(request, reply, tenant)}
        user={user}
        partnerOrganisations={await organisations()}
        {...extra}
      />,
      status,
    );
  };

  app.get<{ Params: { id: string } }>(
    `${USERS}/:id`,
    { ...manageUsers, schema: { params: IdParams } },
    async (request, reply) => userPage(request, reply, request.params.id),
  );

  const actionOptions = { ...manageUsers, schema: { params: IdParams, body: FormBody() } };

  /** Runs an action; on a refusal shows the account page again with the error summary. */
  const act = async (
    request: FastifyRequest<{ Params: { id: string }; Body: Form }>,
    reply: FastifyReply,
    action: () => Promise<string>,
    values: Record<string, string> = {},
  ) => {
    const id = request.params.id;
    try {
      setFlash(reply, await action());
      return reply.redirect(`${USERS}/${id}`, 303);
    } catch (error) {
      const { status, errors } = formErrors(error);
      return userPage(request, reply, id, { errors: onForm(errors, values), values }, status);
    }
  };

  app.post<{ Params: { id: string }; Body: Form }>(
    `${USERS}/:id/wachtwoord-herstellen`,
    actionOptions,
    async (request, reply) => {
      const { account, password } = await resetAccountPassword(
        db,
        actorOf(request),
        request.params.id,
      );
      // Shown in this response only, like a new account's password: nothing stores it.
      return userPage(request, reply, account.id, { oneTimePassword: password });
    },
  );

  for (const [path, change, done] of [
    ["deactiveren", deactivateAccount, nl.users.deactivated],
    ["heractiveren", reactivateAccount, nl.users.reactivated],
  ] as const) {
    app.post<{ Params: { id: string }; Body: Form }>(
      `${USERS}/:id/${path}`,
      actionOptions,
      async (request, reply) =>
        act(request, reply, async () => {
          const account = await change(db, actorOf(request), request.params.id);
          return done(account.username);
        }),
    );
  }

  const roleLabel = (g: RoleGrant) => `${nl.roles[g.role]}${g.scope ? ` (${scopeName(g)})` : ""}`;

  app.post<{ Params: { id: string }; Body: Form }>(
    `${USERS}/:id/rollen`,
    actionOptions,
    async (request, reply) => {
      const b = request.body ?? {};
      const values = { rol: b.rol ?? "", scope: b.scope ?? "", organisatie: b.organisatie ?? "" };
      return act(
        request,
        reply,
        async () => {
          const { grant } = await addAccountRole(db, actorOf(request), request.params.id, {
            role: values.rol,
            ...(await scopeOf(b)),
          });
          return nl.users.roleAdded(roleLabel(grant));
        },
        values,
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    `${USERS}/:id/rollen/verwijderen`,
    actionOptions,
    async (request, reply) =>
      act(request, reply, async () => {
        const { grant } = await removeAccountRole(db, actorOf(request), request.params.id, {
          role: request.body?.rol ?? "",
          scope: request.body?.scope ?? "",
        });
        return nl.users.roleRemoved(roleLabel(grant));
      }),
  );
}
