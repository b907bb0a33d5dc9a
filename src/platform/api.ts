import { type TSchema, Type } from "typebox";

/** Version of the public API contract (semver); sent as API-Version on every API response. */
export const API_VERSION = "1.0.0";
export const API_PREFIX = "/api/v1";

export const Problem = Type.Object(
  {
    type: Type.Optional(Type.String({ description: "URI die het soort probleem aanduidt" })),
    title: Type.String({ description: "Korte omschrijving van het soort probleem" }),
    status: Type.Integer({ description: "HTTP-statuscode" }),
    detail: Type.String({ description: "Uitleg in het Nederlands, voor de gebruiker" }),
    instance: Type.Optional(Type.String({ description: "Pad van het verzoek" })),
    invalidParams: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String({ description: "Naam van het veld of de parameter" }),
          reason: Type.String({ description: "Wat er mis is" }),
        }),
      ),
    ),
  },
  { description: "Foutmelding volgens RFC 9457 (application/problem+json)" },
);

// @fastify/swagger wraps this JSON schema in the OpenAPI header object itself.
const versionHeader = {
  "API-Version": {
    type: "string",
    description: "Versie van de API (semver)",
    example: API_VERSION,
  },
};

const PROBLEM_TEXT: Record<number, string> = {
  400: "Ongeldige invoer",
  401: "Niet ingelogd, of het API-token is ongeldig, verlopen of ingetrokken",
  403: "Geen toegang",
  404: "Niet gevonden",
  409: "Conflict met bestaande gegevens",
  415: "Verkeerd inhoudstype (gebruik application/json)",
  429: "Te veel verzoeken",
  500: "Interne fout",
};

const problemResponse = (status: number) => ({
  description: PROBLEM_TEXT[status] ?? "Fout",
  headers: versionHeader,
  content: { "application/problem+json": { schema: Problem } },
});

/** Alternatives: a browser session or an API token (Authorization: Bearer). */
const SECURED: Record<string, string[]>[] = [{ sessie: [] }, { token: [] }];

interface ApiRouteSchema {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  querystring?: TSchema;
  params?: TSchema;
  body?: TSchema;
  /**
   * A body that is a file, not JSON: its media types and what it is. Only documented (the route
   * parses and checks the bytes itself); see binaryBodyForDocument.
   */
  binaryBody?: { mediaTypes: readonly string[]; description: string };
  /** Successful responses by status code (200, 201, 204). */
  success: Record<
    number,
    { description: string; schema?: TSchema; contentType?: string | readonly string[] }
  >;
  /** Adds 401 and 403 responses. */
  secured?: boolean;
  /** Extra error statuses besides 400 and 500 (404, 409, 415...). */
  errors?: number[];
}

const BINARY_BODY = "x-binary-body";

/**
 * For the OpenAPI document only (the swagger transform): a binary body documented as a string of
 * format binary under each of its media types. Fastify never validates it: a Buffer is no string.
 */
export function binaryBodyForDocument<T extends object>(schema: T): T {
  const { [BINARY_BODY]: description, ...rest } = schema as Record<string, unknown>;
  if (typeof description !== "string") return schema;
  return { ...rest, body: { type: "string", format: "binary", description } } as T;
}

/**
 * A Fastify route schema that also documents what the NL API Design Rules ask of every operation:
 * the API-Version header on success, and problem+json responses for 400, 500 and other errors.
 */
export function apiSchema(s: ApiRouteSchema) {
  const response: Record<number, unknown> = {};
  for (const [status, ok] of Object.entries(s.success)) {
    response[Number(status)] = ok.schema
      ? {
          description: ok.description,
          headers: versionHeader,
          content: Object.fromEntries(
            [ok.contentType ?? "application/json"].flat().map((t) => [t, { schema: ok.schema }]),
          ),
        }
      : { description: ok.description, headers: versionHeader, type: "null" };
  }
  const errors = new Set([400, 500, ...(s.secured ? [401, 403] : []), ...(s.errors ?? [])]);
  for (const status of errors) response[status] = problemResponse(status);
  return {
    operationId: s.operationId,
    summary: s.summary,
    description: s.description,
    tags: s.tags,
    ...(s.querystring ? { querystring: s.querystring } : {}),
    ...(s.params ? { params: s.params } : {}),
    ...(s.body ? { body: s.body } : {}),
    ...(s.binaryBody
      ? { consumes: [...s.binaryBody.mediaTypes], [BINARY_BODY]: s.binaryBody.description }
      : {}),
    ...(s.secured ? { security: SECURED } : {}),
    response,
  };
}

type WriteRouteSchema = Omit<ApiRouteSchema, "success" | "secured" | "errors"> & {
  /** Besides 400, 401, 403, 415 and 500. */
  errors?: number[];
};

/** What a create answers: the new record's id and its code. */
export const Created = Type.Object({ id: Type.String({ format: "uuid" }), code: Type.String() });

/** A secured write that creates a record: 201 with its id and code (409: the code is taken). */
export const createOperation = (s: WriteRouteSchema) =>
  apiSchema({
    ...s,
    success: { 201: { description: "Aangemaakt", schema: Created } },
    secured: true,
    errors: [415, ...(s.errors ?? [409])],
  });

/** A secured write that changes one record: 204 without a body (404: no such record). */
export const changeOperation = (s: WriteRouteSchema) =>
  apiSchema({
    ...s,
    success: { 204: { description: "Gewijzigd" } },
    secured: true,
    errors: [415, ...(s.errors ?? [404])],
  });

export const Pagination = {
  pagina: Type.Optional(
    // Bounded, so an absurd page never becomes an offset the database refuses (a 500).
    Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 1,
      description: "Paginanummer, vanaf 1",
    }),
  ),
  paginaGrootte: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 100,
      description: "Aantal resultaten per pagina (1-500)",
    }),
  ),
};

export const PageInfo = Type.Object({
  pagina: Type.Integer(),
  paginaGrootte: Type.Integer(),
  totaal: Type.Integer({ description: "Totaal aantal resultaten" }),
  aantalPaginas: Type.Integer(),
});

/** The 200 response of a paged list: the items under `key`, and the page they are on. */
const pagedList = (key: string, item: TSchema, description: string) => ({
  200: {
    description,
    schema: Type.Object({ [key]: Type.Array(item), paginering: PageInfo }),
  },
});

/**
 * A paged list: its own filters plus pagina and paginaGrootte, 200 with the items under `key` and
 * the page they are on; 404 when a filter names a record that does not exist. Public unless
 * `secured` (a list of the caller's own records: 401 and 403 too).
 */
export const pagedListOperation = (s: {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  filters: Record<string, TSchema>;
  key: string;
  item: TSchema;
  listDescription: string;
  notFound?: boolean;
  secured?: boolean;
}) =>
  apiSchema({
    operationId: s.operationId,
    summary: s.summary,
    ...(s.description ? { description: s.description } : {}),
    tags: s.tags,
    querystring: Type.Object({ ...s.filters, ...Pagination }),
    success: pagedList(s.key, s.item, s.listDescription),
    ...(s.notFound ? { errors: [404] } : {}),
    ...(s.secured ? { secured: true } : {}),
  });

/** The `paginering` of a page of `total` results, for a list paged in the database. */
export const pageInfo = (totaal: number, page = 1, pageSize = 100) => ({
  pagina: page,
  paginaGrootte: pageSize,
  totaal,
  aantalPaginas: Math.max(1, Math.ceil(totaal / pageSize)),
});

export function paginate<T>(items: readonly T[], page = 1, pageSize = 100) {
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    paginering: pageInfo(items.length, page, pageSize),
  };
}
