import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { isApiRequest } from "./error-handler.js";
import { AppError } from "./errors.js";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookies, forms, security headers, rate limiting and CSRF.
 * Web forms carry a CSRF token. The API accepts only JSON bodies, which a cross-site form cannot send,
 * and the session cookie is SameSite=Lax, so it is not sent on cross-site POSTs either.
 */
export async function registerSecurity(app: FastifyInstance, sessionSecret: string): Promise<void> {
  await app.register(cookie, { secret: sessionSecret });
  // Large enough for a pasted CSV import of tens of thousands of rows.
  await app.register(formbody, { bodyLimit: 10 * 1024 * 1024 });
  await app.register(helmet, {
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
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: { signed: true, httpOnly: true, sameSite: "lax", path: "/", secure: "auto" },
  });

  // preValidation: a wrong content type is reported before the body is checked against the schema.
  app.addHook("preValidation", async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    if (isApiRequest(request)) {
      const type = request.headers["content-type"] ?? "";
      // CSV only for imports: a cross-site form cannot send text/csv either.
      if (
        request.body !== undefined &&
        !type.startsWith("application/json") &&
        !type.startsWith("text/csv")
      ) {
        throw new AppError(
          415,
          "Verkeerd inhoudstype",
          "Stuur de invoer als application/json (of text/csv bij een import).",
        );
      }
      return;
    }
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
    });
  });
}
