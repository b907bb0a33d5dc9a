import type { FastifyInstance } from "fastify";
import { badRequest, type FieldError } from "./errors.js";

/** The first number in `value` that is not finite (Infinity, NaN), with the path of its field. */
export function findNonFiniteNumber(value: unknown, path = "", depth = 0): FieldError | undefined {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return undefined;
    const field = path || "invoer";
    return { field, message: `${field}: geen geldig getal (te groot of te klein).` };
  }
  if (value === null || typeof value !== "object" || depth > 20) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = findNonFiniteNumber(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Ajv turns a query or path value such as `1e309` or `Infinity` into the number Infinity and then
 * skips `minimum` and `maximum` for it, so `?jaar=1e309` passed a schema with `maximum: 2100` and
 * reached the database. After validation no input holds a number that is not finite: refused here
 * with a 400 naming the field.
 */
export function registerFiniteNumbers(app: FastifyInstance): void {
  app.addHook("preHandler", async (request) => {
    const problem =
      findNonFiniteNumber(request.params) ??
      findNonFiniteNumber(request.query) ??
      findNonFiniteNumber(request.body);
    if (problem) throw badRequest(problem.message, [problem]);
  });
}
