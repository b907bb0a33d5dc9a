import type { FastifyInstance } from "fastify";
import { badRequest, type FieldError } from "./errors.js";

/** C0 control characters and DEL. Tab, line feed and carriage return are allowed in body texts. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_ANYWHERE = /[\u0000-\u001f\u007f]/;

/** Longest value in a path or query parameter; per-field limits in route schemas are stricter. */
export const MAX_PARAMETER_LENGTH = 2000;
/** Longest single text in a body (a CSV import is one text and has its own route body limit). */
export const MAX_BODY_TEXT_LENGTH = 100_000;

interface Rule {
  control: RegExp;
  maxLength: number;
}

function checkText(value: string, field: string, rule: Rule): FieldError | undefined {
  const control = rule.control.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase();
    return {
      field,
      message: `${field}: bevat een niet toegestaan stuurteken (U+${code}) op positie ${control.index + 1}.`,
    };
  }
  if (!value.isWellFormed()) {
    return { field, message: `${field}: bevat een ongeldig teken (geen geldige Unicode).` };
  }
  if (value.length > rule.maxLength) {
    return { field, message: `${field}: te lang, hoogstens ${rule.maxLength} tekens.` };
  }
  return undefined;
}

/**
 * Every string anywhere in `value` (object keys included), with the path of the field for the
 * message. Depth is bounded so a deeply nested body cannot exhaust the stack.
 */
export function findInvalidText(
  value: unknown,
  rule: Rule,
  path = "",
  depth = 0,
): FieldError | undefined {
  const here = path || "invoer";
  if (typeof value === "string") return checkText(value, here, rule);
  if (value === null || typeof value !== "object") return undefined;
  if (depth > 20) return { field: here, message: `${here}: te diep genest.` };
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    const keyError = checkText(key, here, { ...rule, maxLength: 200 });
    if (keyError) return keyError;
    const found = findInvalidText(inner, rule, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const PARAMETER_RULE: Rule = { control: CONTROL_ANYWHERE, maxLength: MAX_PARAMETER_LENGTH };
const BODY_RULE: Rule = { control: CONTROL_IN_TEXT, maxLength: MAX_BODY_TEXT_LENGTH };

/**
 * One input boundary for the whole app, before any route schema or handler: no control characters,
 * no malformed Unicode and bounded lengths in path parameters, query values and body fields. Text
 * bodies (CSV imports) get the same character rule; their size is bounded by the route's body limit.
 * PostgreSQL refuses NUL in text, so without this a NUL byte became a 500.
 */
/**
 * The boundary's body rule for a body that a route parses itself (a multipart upload, read after the
 * global hook has run): same characters refused, the given longest text.
 */
export function findInvalidBodyText(body: unknown, maxLength: number): FieldError | undefined {
  return findInvalidText(body, { ...BODY_RULE, maxLength });
}

export function registerInputBoundary(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const problem =
      findInvalidText(request.params, PARAMETER_RULE) ??
      findInvalidText(request.query, PARAMETER_RULE) ??
      // A binary body (an attachment) is no text: its route checks what its bytes are.
      (request.body instanceof Uint8Array
        ? undefined
        : typeof request.body === "string"
          ? checkText(request.body, "invoer", { control: CONTROL_IN_TEXT, maxLength: Infinity })
          : findInvalidText(request.body, {
              ...BODY_RULE,
              maxLength: request.routeOptions.config.maxBodyText ?? MAX_BODY_TEXT_LENGTH,
            }));
    if (problem) throw badRequest(problem.message, [problem]);
  });
}
