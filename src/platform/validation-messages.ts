import type { FieldError } from "./errors.js";

/** The subset of an Ajv error that Fastify passes on in `error.validation`. */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
}

const CONTEXT_NL: Record<string, string> = {
  body: "In de invoer",
  querystring: "In de zoekparameters",
  params: "In het pad",
  headers: "In de headers",
};

function fieldName(issue: SchemaIssue): string {
  const fromPath = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
  if (issue.keyword === "required") return String(issue.params.missingProperty ?? fromPath);
  if (issue.keyword === "additionalProperties")
    return String(issue.params.additionalProperty ?? fromPath);
  return fromPath || "invoer";
}

/** "field: rule" — names the field and what is wrong with it, e.g. "titel: te lang, hoogstens 300 tekens". */
function describe(issue: SchemaIssue, field: string): string {
  const p = issue.params;
  const limit = String(p.limit);
  switch (issue.keyword) {
    case "required":
      return `${field}: verplicht, vul dit in.`;
    case "enum":
      return `${field}: moet een van deze waarden zijn: ${(p.allowedValues as unknown[]).join(", ")}.`;
    case "type":
      return `${field}: moet een ${TYPE_NL[String(p.type)] ?? String(p.type)} zijn.`;
    case "minLength":
      return p.limit === 1
        ? `${field}: verplicht, mag niet leeg zijn.`
        : `${field}: te kort, minstens ${limit} tekens.`;
    case "maxLength":
      return `${field}: te lang, hoogstens ${limit} tekens.`;
    case "minimum":
    case "exclusiveMinimum":
      return `${field}: te klein, minstens ${limit}.`;
    case "maximum":
    case "exclusiveMaximum":
      return `${field}: te groot, hoogstens ${limit}.`;
    case "pattern":
      return `${field}: heeft niet de juiste vorm.`;
    case "format":
      return `${field}: is geen geldige ${FORMAT_NL[String(p.format)] ?? String(p.format)}.`;
    case "additionalProperties":
      return `${field}: onbekend veld.`;
    case "minItems":
      return `${field}: te weinig, minstens ${limit}.`;
    case "maxItems":
      return `${field}: te veel, hoogstens ${limit}.`;
    case "multipleOf":
      return `${field}: moet een veelvoud van ${String(p.multipleOf)} zijn.`;
    default:
      return `${field}: ongeldige waarde.`;
  }
}

/** A union of constants fails as one "const" issue per option plus "anyOf": report it as one enum issue. */
function collapseConstAlternatives(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const result: SchemaIssue[] = [];
  for (const issue of issues) {
    if (issue.keyword === "anyOf") continue;
    if (issue.keyword !== "const") {
      result.push(issue);
      continue;
    }
    const existing = result.find(
      (r) => r.keyword === "enum" && r.instancePath === issue.instancePath,
    );
    if (existing) (existing.params.allowedValues as unknown[]).push(issue.params.allowedValue);
    else
      result.push({
        keyword: "enum",
        instancePath: issue.instancePath,
        params: { allowedValues: [issue.params.allowedValue] },
      });
  }
  return result;
}

const TYPE_NL: Record<string, string> = {
  string: "tekst",
  integer: "geheel getal",
  number: "getal",
  boolean: "waar of onwaar",
  object: "object",
  array: "lijst",
};
const FORMAT_NL: Record<string, string> = {
  email: "e-mailadres",
  date: "datum (JJJJ-MM-DD)",
  "date-time": "datum en tijd",
  uuid: "identificatie (UUID)",
  uri: "internetadres",
};

/** Turns schema-validation issues into Dutch field errors and one Dutch sentence for `detail`. */
export function describeSchemaIssues(
  issues: readonly SchemaIssue[],
  context: string | undefined,
): { detail: string; fieldErrors: FieldError[] } {
  const fieldErrors: FieldError[] = [];
  for (const issue of collapseConstAlternatives(issues)) {
    const field = fieldName(issue);
    // One message per field: the first problem is the one the user has to fix.
    if (!fieldErrors.some((e) => e.field === field))
      fieldErrors.push({ field, message: describe(issue, field) });
  }
  const prefix = CONTEXT_NL[context ?? ""] ?? "In de invoer";
  const detail = `${prefix}: ${fieldErrors.map((e) => e.message).join(" ")}`;
  return { detail, fieldErrors };
}
