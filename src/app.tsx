import { readFileSync } from "node:fs";
import swagger from "@fastify/swagger";
import { sql } from "drizzle-orm";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { Type } from "typebox";
import type { LogLevel } from "./config/env.js";
import { fromRoot } from "./config/paths.js";
import type { TenantConfig } from "./config/tenant.js";
import type { DatabaseKind } from "./db/client.js";
import type { Db } from "./db/executor.js";
import {
  registerAccountabilityApiRoutes,
  registerAccountabilitySections,
  registerAccountabilityWebRoutes,
  registerPartnerReportRoutes,
  reminderJob,
} from "./modules/accountability/index.js";
import {
  DEFAULT_SESSION_POLICY,
  registerAccountWebRoutes,
  registerApiTokenRoutes,
  registerSessionHook,
  requirePermission,
} from "./modules/accounts/index.js";
import {
  registerAreaApiRoutes,
  registerAreaSearch,
  registerAreaWebRoutes,
} from "./modules/areas/index.js";
import { registerAuditWebRoutes } from "./modules/audit/index.js";
import {
  registerMonitoringApiRoutes,
  registerMonitoringSearch,
  registerMonitoringSections,
  registerMonitoringWebRoutes,
} from "./modules/monitoring/index.js";
import {
  listOrganisationChoices,
  registerOrganisationApiRoutes,
  registerOrganisationSearch,
  registerOrganisationSections,
  registerOrganisationWebRoutes,
} from "./modules/organisations/index.js";
import {
  registerPartnershipRoutes,
  registerPolicyApiRoutes,
  registerPolicyCreateRoutes,
  registerPolicyEditRoutes,
  registerPolicySearch,
  registerPolicySections,
  registerPolicyVersionRoutes,
  registerPolicyWebRoutes,
} from "./modules/policy/index.js";
import {
  registerSubsidyApiRoutes,
  registerSubsidySections,
  registerSubsidyWebRoutes,
} from "./modules/subsidies/index.js";
import { DEFAULT_BODY_LIMIT, registerAccessRules } from "./platform/access.js";
import { API_PREFIX, API_VERSION, apiSchema, binaryBodyForDocument } from "./platform/api.js";
import { registerAssets } from "./platform/assets.js";
import { isApiRequest, registerErrorHandlers, sendProblem } from "./platform/error-handler.js";
import { registerFiniteNumbers } from "./platform/finite-numbers.js";
import { JobRegistry } from "./platform/jobs/index.js";
import {
  createMailer,
  DEFAULT_MAIL_SETTINGS,
  type MailSettings,
  outboxJob,
  registerNotificationApiRoutes,
  registerNotificationWebRoutes,
  registerUnreadCount,
} from "./platform/notifications/index.js";
import { RequestLineLogController } from "./platform/request-log.js";
import { registerRouteCatalog } from "./platform/route-catalog.js";
import { applySecurityHeaders, registerSecurity } from "./platform/security.js";
import { registerValidators } from "./platform/validators.js";
import { ErrorPage } from "./web/error-page.js";
import { registerHomeRoute } from "./web/home-route.js";
import { pageContext } from "./web/page-context.js";
import { sendPage } from "./web/render.js";
import { SearchRegistry } from "./web/search.js";
import { registerSearchApiRoutes } from "./web/search-api-routes.js";
import { registerSearchRoutes } from "./web/search-page.js";
import { SectionRegistry } from "./web/sections.js";
import { registerStatementRoutes } from "./web/statements.js";

export interface AppDeps {
  db: Db;
  databaseKind: DatabaseKind;
  tenant: TenantConfig;
  sessionSecret: string;
  logLevel?: LogLevel;
  /** The process logger (main.ts); without it Fastify makes a JSON logger at `logLevel`. */
  logger?: FastifyBaseLogger;
  trustProxy?: boolean;
  /** SESSION_IDLE_MINUTES and SESSION_MAX_HOURS; the defaults of config/env.ts when absent. */
  sessionIdleMinutes?: number;
  sessionMaxHours?: number;
  /**
   * SMTP_URL, MAIL_FROM and PUBLIC_URL; without them mail goes to the log with links to
   * http://127.0.0.1:3000 (tests). The app's mailer sends the outbox (the "e-mail-versturen" job).
   */
  mail?: MailSettings;
  /** Registers more routes with the platform rules in force (tests of those rules). */
  extraRoutes?: (app: FastifyInstance) => void;
}

export const appVersion: string = JSON.parse(
  readFileSync(fromRoot("package.json"), "utf8"),
).version;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, tenant } = deps;
  const app = Fastify({
    ...(deps.logger
      ? { loggerInstance: deps.logger }
      : { logger: { level: deps.logLevel ?? "info" } }),
    logController: new RequestLineLogController(),
    trustProxy: deps.trustProxy ?? false,
    // Small by default; CSV imports raise it per route (IMPORT_BODY_LIMIT), after authorisation.
    bodyLimit: DEFAULT_BODY_LIMIT,
    // A malformed URL (bad percent-encoding) gets the same Dutch answer as any other bad input.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply);
      const problem = {
        status: 400,
        title: "Ongeldig adres",
        detail: "Het adres bevat een ongeldige tekenreeks (procentcodering). Controleer het adres.",
        fieldErrors: [],
      };
      if (isApiRequest(request)) return sendProblem(reply, request, problem);
      request.log.debug({ code: error.code }, "ongeldig adres");
      return renderError(request, reply, problem.status, problem.detail);
    },
  });
  registerValidators(app);
  registerRouteCatalog(app);
  registerFiniteNumbers(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: `Samenkracht API (${tenant.municipality.name})`,
        description:
          "Open API van Samenkracht: beleid, gebieden en monitoring in het sociaal domein.",
        version: API_VERSION,
        contact: tenant.contact,
        license: { name: "EUPL-1.2", url: "https://eupl.eu/1.2/nl/" },
      },
      servers: [{ url: API_PREFIX, description: "Deze installatie" }],
      tags: [
        { name: "Gebieden", description: "Gemeente, gebieden, wijken en buurten" },
        { name: "Beleid", description: "Beleidsdocumenten, doelen, activiteiten en zoeken" },
        { name: "Monitoring", description: "Indicatoren, metingen per jaar en gebied, analyse" },
        { name: "Organisaties", description: "Partnerorganisaties, werkgebieden en functies" },
        { name: "Verantwoordingen", description: "Verantwoording van partners over hun subsidie" },
        { name: "Subsidies", description: "Subsidieregister en begroting welzijn" },
        { name: "Zoeken", description: "Zoeken in wijken, indicatoren en beleidsteksten" },
        { name: "Meldingen", description: "Meldingen voor de ingelogde gebruiker" },
        { name: "Systeem", description: "Status van de dienst" },
      ],
      components: {
        securitySchemes: {
          sessie: {
            type: "apiKey",
            in: "cookie",
            name: "samenkracht_sessie",
            description: "Sessie na inloggen via /inloggen",
          },
          token: {
            type: "http",
            scheme: "bearer",
            description:
              "API-token voor systemen (sk_…), uitgegeven door een beheerder op /beheer/tokens: " +
              "Authorization: Bearer <token>. Het token heeft de rollen van zijn gebruiker.",
          },
        },
      },
    },
    transform: ({ schema, url }) => {
      if (!url.startsWith(`${API_PREFIX}/`) || url === `${API_PREFIX}/openapi.json`) {
        return { schema: { ...schema, hide: true }, url };
      }
      return { schema: binaryBodyForDocument(schema), url: url.slice(API_PREFIX.length) };
    },
  });

  await registerSecurity(app, deps.sessionSecret);
  await registerAssets(app, tenant);
  const sessionPolicy = {
    idleMinutes: deps.sessionIdleMinutes ?? DEFAULT_SESSION_POLICY.idleMinutes,
    maxHours: deps.sessionMaxHours ?? DEFAULT_SESSION_POLICY.maxHours,
  };
  registerSessionHook(app, db, sessionPolicy);
  registerUnreadCount(app, db);
  registerAccessRules(app, db);

  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      reply.header("API-Version", API_VERSION);
      reply.header("Cache-Control", "no-store");
    }
  });

  const renderError = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    detail?: string,
  ) =>
    sendPage(
      reply,
      <ErrorPage ctx={pageContext(request, reply, tenant)} status={status} detail={detail} />,
      status,
    );
  registerErrorHandlers(app, renderError);

  registerHomeRoute(app, db, tenant);
  registerStatementRoutes(app, tenant);

  app.get(
    `${API_PREFIX}/health`,
    {
      schema: apiSchema({
        operationId: "getHealth",
        summary: "Status van de dienst en de database",
        tags: ["Systeem"],
        success: {
          200: {
            description: "De dienst werkt",
            schema: Type.Object({
              status: Type.Literal("ok"),
              database: Type.Union([Type.Literal("pglite"), Type.Literal("postgresql")]),
              version: Type.String({ description: "Versie van Samenkracht" }),
            }),
          },
        },
      }),
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: "ok" as const, database: deps.databaseKind, version: appVersion };
    },
  );

  app.get(`${API_PREFIX}/openapi.json`, async (_request, reply) => {
    reply.header("Access-Control-Allow-Origin", "*");
    return app.swagger();
  });

  // Partner accounts act for an organisation record: the user form offers those records.
  registerAccountWebRoutes(app, db, tenant, sessionPolicy, {
    partnerOrganisations: listOrganisationChoices,
  });
  registerNotificationWebRoutes(app, db, tenant);
  registerNotificationApiRoutes(app, db);
  registerApiTokenRoutes(app, db, tenant);
  // Jobs that run on a schedule, in one instance at a time however many share the database
  // (platform/jobs, ADR 12). Modules register theirs on `app.jobs`; main.ts starts the scheduler,
  // tests call runDueJobs(db, app.jobs, now, instanceId) and start no timers.
  const jobs = new JobRegistry();
  const mailer = createMailer(deps.mail ?? DEFAULT_MAIL_SETTINGS);
  app.addHook("onClose", async () => mailer.close());
  jobs.register(outboxJob(mailer));
  jobs.register(reminderJob(tenant.municipality.code));
  app.decorate("jobs", jobs);
  // Modules add sections to other modules' pages (a wijk page) and kinds of search results here,
  // so the page's own module need not import them. One registry per app: test apps share nothing.
  const sections = new SectionRegistry();
  registerMonitoringSections(sections);
  registerPolicySections(sections);
  registerOrganisationSections(sections);
  registerSubsidySections(sections);
  registerAccountabilitySections(sections);
  const search = new SearchRegistry();
  registerAreaSearch(search);
  registerMonitoringSearch(search);
  registerPolicySearch(search);
  registerOrganisationSearch(search);
  registerSearchRoutes(app, db, tenant, search);
  registerSearchApiRoutes(app, db, tenant, search);
  registerAreaWebRoutes(app, db, tenant, sections);
  registerAreaApiRoutes(app, db, tenant);
  registerPolicyWebRoutes(app, db, tenant);
  registerPolicyApiRoutes(app, db, tenant);
  registerPolicyVersionRoutes(app, db, tenant);
  registerPolicyCreateRoutes(app, db, tenant);
  registerPolicyEditRoutes(app, db, tenant);
  registerPartnershipRoutes(app, db, tenant);
  registerMonitoringWebRoutes(app, db, tenant);
  registerMonitoringApiRoutes(app, db, tenant);
  registerOrganisationWebRoutes(app, db, tenant, sections);
  registerOrganisationApiRoutes(app, db, tenant);
  registerPartnerReportRoutes(app, db, tenant);
  registerAccountabilityWebRoutes(app, db, tenant);
  registerAccountabilityApiRoutes(app, db, tenant);
  registerSubsidyWebRoutes(app, db, tenant);
  registerSubsidyApiRoutes(app, db, tenant);
  registerAuditWebRoutes(app, db, tenant, requirePermission("audit.read"));
  deps.extraRoutes?.(app);

  await app.ready();
  return app;
}
