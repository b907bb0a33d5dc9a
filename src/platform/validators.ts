import AjvCompiler from "@fastify/ajv-compiler";
import type { FastifyInstance } from "fastify";

const OPTIONS = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  // A query or path value is always text: "2026" must become the number a schema asks for, and a
  // single form checkbox the list of one its schema asks for.
  coerceTypes: "array",
} as const;

/**
 * Route schema validators. A JSON body of the API is validated as sent, without coercion: with it,
 * Ajv turned a `null` that clears a field (`"vastgesteldBedragCent": null`) into 0 through the
 * first branch of the field's anyOf, and `"5"` into 5. Query, path, headers and HTML form bodies
 * (text only) keep the coercion.
 */
export function registerValidators(app: FastifyInstance): void {
  const build = AjvCompiler();
  const coercing = build({}, { customOptions: OPTIONS });
  const exact = build({}, { customOptions: { ...OPTIONS, coerceTypes: false } });
  app.setValidatorCompiler((route) =>
    route.httpPart === "body" && route.url.startsWith("/api/") ? exact(route) : coercing(route),
  );
}
