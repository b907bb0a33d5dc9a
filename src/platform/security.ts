import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmetMiddleware from "helmet";
import { WRITE_METHODS } from "./access.js";
import { isApiRequest } from "./error-handler.js";
import { AppError } from "./errors.js";
import { registerInputBoundary } from "./input-boundary.js";

/** Security headers (CSP and the rest), also applied to answers that bypass the hooks. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
  },
  // The OpenAPI document is public open data (ADR /core/publish-openapi): others may fetch it.
  crossOriginResourcePolicy: { policy: "cross-origin" as const },
};
const securityHeaders = helmetMiddleware(HELMET_OPTIONS);

/** For answers given before any hook ran (a malformed URL): the same headers as every page. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  securityHeaders(request.raw, reply.raw, () => undefined);
}

/**
 * Cookies, forms, security headers, the input boundary and CSRF (rate limits for public writes are
 * in access.ts, counted in the database). Web forms carry a CSRF token. The API accepts only JSON
 * bodies, which a cross-site form cannot send, and the session cookie is SameSite=Lax, so it is
 * not sent on cross-site POSTs either.
 */
export async function registerSecurity(app: FastifyInstance, sessionSecret: string): Promise<void> {
  await app.register(cookie, { secret: sessionSecret });
  // No bodyLimit here: each route's own limit applies (small by default, large for imports).
  await app.register(formbody);
  await app.register(helmet, HELMET_OPTIONS);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: { signed: true, httpOnly: true, sameSite: "lax", path: "/", secure: "auto" },
  });

  registerInputBoundary(app);

  // preValidation: a wrong content type is reported before the body is checked against the schema.
  app.addHook("preValidation", async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    if (isApiRequest(request)) {
      const type = request.headers["content-type"] ?? "";
      // CSV only for imports, a file (a Buffer, only from the parser of an attachment route) only
      // there: a cross-site form can send neither text/csv nor a PDF or image type.
      if (
        request.body !== undefined &&
        !(request.body instanceof Uint8Array) &&
        !type.startsWith("application/json") &&
        !type.startsWith("text/csv")
      ) {
        throw new AppError(
          415,
          "Verkeerd inhoudstype",
          "Stuur de invoer als application/json (of text/csv bij een import, het bestand zelf bij een bijlage).",
        );
      }
      return;
    }
    if (
      request.routeOptions.config.multipartForm &&
      (request.headers["content-type"] ?? "").startsWith("multipart/form-data")
    )
      return;
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
    });
  });
}
