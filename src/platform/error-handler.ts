import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { nl } from "../i18n/nl.js";
import { fromDatabaseError } from "./db-errors.js";
import { AppError, type FieldError } from "./errors.js";
import { describeSchemaIssues, type SchemaIssue } from "./validation-messages.js";

export interface ProblemDetails {
  status: number;
  title: string;
  detail: string;
  fieldErrors: FieldError[];
  /** Response headers that belong to the problem, e.g. Retry-After with a 429 or 503. */
  headers?: Readonly<Record<string, string>> | undefined;
}

const FASTIFY_CODES_NL: Record<string, { status: number; detail: string }> = {
  FST_CSRF_MISSING_SECRET: {
    status: 403,
    detail: "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
  },
  FST_CSRF_INVALID_TOKEN: {
    status: 403,
    detail:
      "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    detail: "Dit inhoudstype wordt niet ondersteund; stuur application/json.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, detail: "De invoer is geen geldige JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, detail: "De invoer is leeg; stuur een JSON-object." },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, detail: "De invoer is te groot." },
};

const titleFor = (status: number): string =>
  (nl.errors as Record<number, { title: string } | undefined>)[status]?.title ??
  (status >= 500 ? nl.errors[500].title : nl.errors[400].title);

/** Maps any thrown error to a status with a Dutch title and detail. Unknown errors become 500 and are logged. */
export function toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
  const fromDatabase = fromDatabaseError(error); // unique key / lost race → 409, not 500
  if (fromDatabase) return toProblem(fromDatabase, request);
  if (error instanceof AppError) {
    return {
      status: error.status,
      title: error.title,
      detail: error.detail,
      fieldErrors: error.fieldErrors,
      headers: error.headers,
    };
  }
  const e = error as FastifyError;
  if (e.validation) {
    const { detail, fieldErrors } = describeSchemaIssues(
      e.validation as SchemaIssue[],
      e.validationContext,
    );
    return { status: 400, title: nl.errors[400].title, detail, fieldErrors };
  }
  const known = e.code ? FASTIFY_CODES_NL[e.code] : undefined;
  if (known)
    return {
      status: known.status,
      title: titleFor(known.status),
      detail: known.detail,
      fieldErrors: [],
    };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      status: e.statusCode,
      title: titleFor(e.statusCode),
      detail: nl.errors[400].text,
      fieldErrors: [],
    };
  }
  request.log.error({ err: error }, "onverwachte fout");
  return { status: 500, title: nl.errors[500].title, detail: nl.errors[500].text, fieldErrors: [] };
}

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith("/api/");

export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: ProblemDetails) {
  return reply
    .status(p.status)
    .type("application/problem+json; charset=utf-8")
    .send({
      type: "about:blank",
      title: p.title,
      status: p.status,
      detail: p.detail,
      instance: request.url.split("?")[0],
      ...(p.fieldErrors.length > 0
        ? { invalidParams: p.fieldErrors.map((f) => ({ name: f.field, reason: f.message })) }
        : {}),
    });
}

export function registerErrorHandlers(
  app: FastifyInstance,
  renderHtmlError: (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    detail?: string,
  ) => FastifyReply,
) {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.headers) reply.headers(problem.headers); // e.g. Retry-After with a 503
    if (isApiRequest(request)) {
      // A 401 says how to authenticate (RFC 9110 §11.6.1): the API takes a bearer token (RFC
      // 6750). A refused token has already said why (error="invalid_token").
      if (problem.status === 401 && !reply.hasHeader("WWW-Authenticate"))
        reply.header("WWW-Authenticate", 'Bearer realm="Samenkracht"');
      return sendProblem(reply, request, problem);
    }
    if (problem.status === 401 && request.method === "GET") {
      return reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    }
    return renderHtmlError(
      request,
      reply,
      problem.status,
      problem.status === 500 ? undefined : problem.detail,
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = {
      status: 404,
      title: nl.errors[404].title,
      detail: nl.errors[404].text,
      fieldErrors: [],
    };
    if (isApiRequest(request)) return sendProblem(reply, request, problem);
    return renderHtmlError(request, reply, 404);
  });
}
