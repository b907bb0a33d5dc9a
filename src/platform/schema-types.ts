import { type TProperties, type TSchema, Type } from "typebox";
import { CODE_PATTERN } from "./values.js";

/**
 * Building blocks for route schemas, so every string has a length limit, every id a format and every
 * number a range its column can hold. The schema refuses bad input with a Dutch 400 naming the field
 * and the rule, before a query could fail on it with a 500.
 */

/** Largest value of a PostgreSQL `integer` column. */
export const INT_MAX = 2_147_483_647;
/** Largest magnitude of a `numeric(14, 4)` column (measurements, targets, scales): 10 digits. */
export const MEASURE_MAX = 9_999_999_999;

export const TITLE_MAX = 300;
export const TEXT_MAX = 10_000;
export const CODE_MAX = 100;
/** A name, owner or target value: one line. */
export const NAME_MAX = 200;
/** A note beside a value (partnership text, status explanation): a paragraph. */
export const NOTE_MAX = 2_000;
/** The text of a goal or activity, or an indicator's definition. */
export const STATEMENT_MAX = 5_000;
/** The body of a document section or a document's introduction. */
export const BODY_MAX = 20_000;
/** Longest single field of an HTML form (the CSV import field has its own, larger limit). */
export const FORM_FIELD_MAX = 20_000;
/** Longest single query-string value of a page. */
export const QUERY_VALUE_MAX = 2_000;

/** A code of a municipality, wijk or buurt (CBS: GM0356, WK035601, BU03560000) or own area (GB035601). */
export const AREA_CODE_PATTERN = "^[A-Z]{2}[0-9A-Z]{4,10}$";
/** A code or a UUID: documents and indicators are addressed by either. */
export const REF_PATTERN = "^[A-Za-z0-9-]+$";

type StringOptions = Parameters<typeof Type.String>[0];
type IntegerOptions = Parameters<typeof Type.Integer>[0];
type NumberOptions = Parameters<typeof Type.Number>[0];

/** A text of at most `maxLength` characters. */
export const Text = (maxLength: number, options: StringOptions = {}) =>
  Type.String({ maxLength, ...options });
/** A required title: 1 to 300 characters. */
export const Title = (options: StringOptions = {}) => Text(TITLE_MAX, { minLength: 1, ...options });
/** A long text (explanation, story, body): at most 10,000 characters. */
export const LongText = (options: StringOptions = {}) => Text(TEXT_MAX, options);
/** A UUID. */
export const Id = (options: StringOptions = {}) =>
  Type.String({ format: "uuid", maxLength: 36, ...options });
/** A readable code (slug): lowercase letters and digits joined by hyphens. */
export const Code = (options: StringOptions = {}) =>
  Type.String({ pattern: CODE_PATTERN, minLength: 1, maxLength: CODE_MAX, ...options });
/** A code or an id. */
export const Ref = (options: StringOptions = {}) =>
  Type.String({ pattern: REF_PATTERN, minLength: 1, maxLength: CODE_MAX, ...options });
/** An area code. */
export const AreaCode = (options: StringOptions = {}) =>
  Type.String({ pattern: AREA_CODE_PATTERN, maxLength: 12, ...options });
/** A year: 1900 to 2100. */
export const Year = (options: IntegerOptions = {}) =>
  Type.Integer({ minimum: 1900, maximum: 2100, ...options });
/** A whole number that fits an `integer` column. */
export const Int = (options: IntegerOptions = {}) =>
  Type.Integer({ minimum: -INT_MAX, maximum: INT_MAX, ...options });
/** A measured value, target or scale bound that fits a `numeric(14, 4)` column. */
export const Measure = (options: NumberOptions = {}) =>
  Type.Number({ minimum: -MEASURE_MAX, maximum: MEASURE_MAX, ...options });
/** A page number. */
export const PageNumber = (options: IntegerOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: 100_000, ...options });

/**
 * The body of an HTML form as @fastify/formbody parses it: every field one text. Fields named in
 * `fields` get their own schema (a list of checkboxes, a larger text); any other field is one text
 * of at most FORM_FIELD_MAX characters, so a repeated field (an array) or a JSON body with numbers,
 * lists or objects gets a 400 instead of reaching code that expects a string.
 */
export const FormBody = (fields: TProperties = {}) =>
  Type.Object(fields, { additionalProperties: Text(FORM_FIELD_MAX) });

/** The query string of a page: every value one text (a repeated parameter is refused with 400). */
export const PageQuery = (fields: TProperties = {}) =>
  Type.Object(fields, { additionalProperties: Text(QUERY_VALUE_MAX) });

/** Path parameters, each a code or an id (documents, indicators) unless given otherwise. */
export const RefParams = (...names: string[]) =>
  Type.Object(Object.fromEntries(names.map((n) => [n, Ref()])));

/** A value that may also be null (a field without a value in a response). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
