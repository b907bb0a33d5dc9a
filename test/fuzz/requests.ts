import fc from "fast-check";
import { IMPORT_COLUMNS } from "../../src/modules/monitoring/csv-import.js";
import { type Gen, Pick, resolve, TuplePick, type ValuePool } from "./pool.js";
import {
  boundaryValue,
  fieldValue,
  type JsonSchema,
  mutatedObject,
  outOfBoundsValue,
  poolKeysFor,
  UUID,
  validValue,
} from "./schema-arbitrary.js";
import { pageQueryKey, type Target } from "./targets.js";
import {
  encodeComponent,
  HOSTILE_SEGMENTS,
  HOSTILE_STRINGS,
  hostileValue,
  LONG,
  Raw,
  toFieldText,
  toJsonText,
} from "./values.js";

export type Kind = "valid" | "boundary" | "mutated" | "hostile";
export const KINDS: readonly Kind[] = ["valid", "boundary", "mutated", "hostile"];

/** A path segment or field: a generated value (encoded when sent) or text sent exactly as is. */
export type Part = { gen: Gen } | { raw: string };

export type BodyRecipe =
  | { type: "none" }
  | { type: "json"; value: Gen; contentType: string | undefined; csrf: boolean }
  | { type: "text"; text: string; contentType: string | undefined; bytes?: boolean }
  | { type: "csv"; rows: Gen[][]; header: string; contentType: string }
  | {
      type: "form";
      fields: [string, Part][];
      csrf: "own" | "none" | "wrong" | "twice";
      contentType: string;
    };

/** A generated request, resolved against the pool and a caller only when it is sent. */
export interface Recipe {
  kind: Kind;
  method: string;
  tuple: TuplePick | undefined;
  params: Record<string, Part>;
  query: [string, Part][];
  rawQuery: string | undefined;
  body: BodyRecipe;
}

export interface Caller {
  /** API tokens: "token" a beheerder's valid one, "ingetrokken" revoked, "verlopen" expired. */
  name: "anoniem" | "inwoner" | "beheerder" | "token" | "ingetrokken" | "verlopen";
  cookie: string;
  csrf: string;
  /** Authorization header, for the token callers (they send no cookie). */
  authorization?: string;
}

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
  /** The path parameters as sent, when each was a generated value (not raw text). */
  params: Record<string, string> | undefined;
}

const segmentBefore = (pattern: string, name: string) => {
  const parts = pattern.split("/");
  const i = parts.indexOf(`:${name}`);
  return i > 0 ? (parts[i - 1] as string) : "";
};

const intSchema = (s: JsonSchema) =>
  s.type === "integer" || (Array.isArray(s.type) && s.type.includes("integer"));

function paramArb(target: Target, kind: Kind): fc.Arbitrary<Record<string, Part>> {
  const entries: Record<string, fc.Arbitrary<Part>> = {};
  for (const p of target.pathParams) {
    // The values seen under the segment before it first (/verantwoordingen/:id: a report's id), any
    // value of the parameter's name (every "id" seen) only when there are none: mixed, a report id
    // was one in hundreds and the route was never reached.
    const segment = [segmentBefore(target.pattern, p.name)];
    const real = fc.tuple(fc.nat(), validValue(p.schema, p.name)).map(([i, f]) => {
      const accept = p.schema.format === "uuid" ? UUID : undefined;
      const fallback = new Pick(poolKeysFor(p.name), i, f, accept);
      return { gen: new Pick(segment, i, fallback, accept) } as Part;
    });
    const hostile: fc.Arbitrary<Part> = fc.oneof(
      fc.constantFrom(...HOSTILE_SEGMENTS).map((raw) => ({ raw })),
      fc.oneof(hostileValue(), outOfBoundsValue(p.schema)).map((gen) => ({ gen })),
    );
    if (kind === "valid") entries[p.name] = real;
    else if (kind === "boundary")
      entries[p.name] = intSchema(p.schema)
        ? boundaryValue(p.schema).map((gen) => ({ gen }))
        : real;
    else if (kind === "mutated")
      entries[p.name] = fc.oneof({ weight: 2, arbitrary: real }, hostile);
    else entries[p.name] = hostile;
  }
  return fc.record(entries);
}

const RAW_QUERIES = [
  "%",
  "a=%E0%A4%A",
  "%E0%A4%A=1",
  "=&=&&",
  "__proto__[x]=1&constructor[prototype][x]=1",
  "q=%00",
  "jaar=1e309&jaar=2020",
  "pagina=99999999999999999999999",
  "paginaGrootte=1e309",
  "pagina=-1&paginaGrootte=0",
  `lang=${"x".repeat(10_000)}`,
  "terug=https://evil.example/&terug=//evil.example",
  "terug=/%0d%0aSet-Cookie:x=1",
  "formaat=csv&formaat=json",
];

function queryArb(target: Target, kind: Kind): fc.Arbitrary<[string, Part][]> {
  const perParam = target.query.map((q) => {
    // A page's query parameters are known only by name (from links and filter forms): a valid
    // value is one seen in a link or offered by a form.
    // This page's own values first; another page's values of the same name only when it has none.
    const seen = fc
      .nat()
      .map(
        (i) =>
          new Pick(
            [pageQueryKey(target.pattern, q.name)],
            i,
            new Pick(poolKeysFor(q.name), i, ""),
          ) as Gen,
      );
    const value: fc.Arbitrary<Gen> =
      kind === "valid"
        ? target.kind === "page"
          ? seen
          : validValue(q.schema, q.name)
        : kind === "boundary"
          ? boundaryValue(q.schema, q.name)
          : kind === "mutated"
            ? fieldValue(q.schema, q.name)
            : fc.oneof(hostileValue(), outOfBoundsValue(q.schema));
    const include = q.required && kind !== "hostile" ? fc.constant(true) : fc.boolean();
    return fc
      .tuple(include, value)
      .map(([yes, gen]) => (yes ? [[q.name, { gen }] as [string, Part]] : []));
  });
  const extras: fc.Arbitrary<[string, Part][]> =
    kind === "mutated" || kind === "hostile"
      ? fc.array(
          fc.tuple(
            fc.constantFrom(
              "onbekend",
              ...target.query.map((q) => q.name),
              "__proto__",
              "jaar",
              "terug",
            ),
            hostileValue().map((gen) => ({ gen }) as Part),
          ),
          { maxLength: 3 },
        )
      : fc.constant([]);
  return fc
    .tuple(fc.tuple(...perParam), extras)
    .map(([lists, more]) => [...(lists as [string, Part][][]).flat(), ...more]);
}

const HOSTILE_JSON_TEXTS = [
  "",
  "{",
  "{}",
  "[]",
  "null",
  '"tekst"',
  "1e309",
  '{"a":',
  '{"a":1,"a":2}',
  "\u0000",
  '{"titel":"\\u0000"}',
  "\uFEFF{}",
  '{"x":1e309}',
  `{"x":"${LONG}"}`,
  `[${"[".repeat(500)}${"]".repeat(500)}]`,
  '{"__proto__":{"isAdmin":true}}',
  "NaN",
  "{'single':'quotes'}",
];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "text/csv",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=iso-8859-1",
  "",
];

function apiBodyArb(target: Target, kind: Kind): fc.Arbitrary<BodyRecipe> {
  const body = target.body;
  if (!body) {
    if (kind === "valid" || kind === "boundary") return fc.constant({ type: "none" });
    return fc.oneof(
      fc.constant<BodyRecipe>({ type: "none" }),
      fc.constant<BodyRecipe>({
        type: "json",
        value: {},
        contentType: "application/json",
        csrf: false,
      }),
      hostileValue().map(
        (value): BodyRecipe => ({
          type: "json",
          value,
          contentType: "application/json",
          csrf: false,
        }),
      ),
    );
  }
  if (body.csv) return csvBodyArb(kind);
  if (body.file) return fileBodyArb(body.file, kind);
  const json = (value: fc.Arbitrary<Gen>) =>
    value.map(
      (v): BodyRecipe => ({ type: "json", value: v, contentType: "application/json", csrf: false }),
    );
  if (kind === "valid") return json(validValue(body.schema));
  if (kind === "boundary") return json(boundaryValue(body.schema));
  if (kind === "mutated")
    return json(
      body.schema.properties ? mutatedObject(body.schema) : outOfBoundsValue(body.schema),
    );
  return fc.oneof(
    fc.tuple(fc.constantFrom(...HOSTILE_JSON_TEXTS), fc.constantFrom(...CONTENT_TYPES)).map(
      ([text, contentType]): BodyRecipe => ({
        type: "text",
        text,
        contentType: contentType || undefined,
      }),
    ),
    fc.tuple(validValue(body.schema), fc.constantFrom(...CONTENT_TYPES)).map(
      ([value, contentType]): BodyRecipe => ({
        type: "json",
        value,
        contentType: contentType || undefined,
        csrf: false,
      }),
    ),
    json(hostileValue()),
    fc.constant<BodyRecipe>({ type: "none" }),
    fc.constant<BodyRecipe>({
      type: "text",
      text: "\u00ff\u00fe\u0000{\u00c3",
      contentType: "application/json",
      bytes: true,
    }),
    fc.constant<BodyRecipe>({
      type: "text",
      text: `{"tekst":"${"x".repeat(70 * 1024)}"}`,
      contentType: "application/json",
    }),
  );
}

const realOrText = (keys: string[], fallback: string) =>
  fc.nat().map((i) => new Pick(keys, i, fallback) as Gen);

function csvBodyArb(kind: Kind): fc.Arbitrary<BodyRecipe> {
  const header = IMPORT_COLUMNS.join(",");
  const validRow = fc.tuple(
    realOrText(["indicatoren", "indicator"], "onbekend"),
    realOrText(["gebied", "gebieden"], "GM0356"),
    fc.integer({ min: 2015, max: 2030 }) as fc.Arbitrary<Gen>,
    fc.constantFrom<Gen>("", "1", "4"),
    fc.constantFrom<Gen>("realisatie", "streefwaarde", "schatting"),
    fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom("12,5", "0,1"),
    ) as fc.Arbitrary<Gen>,
    fc.constantFrom<Gen>("CBS", "Fuzz-bron"),
    fc.constantFrom<Gen>("", "2024-05-01"),
    fc.constantFrom<Gen>("definitief", "voorlopig"),
    fc.constantFrom<Gen>("", "toelichting"),
  );
  const row = (arb: fc.Arbitrary<Gen[]>) =>
    fc
      .array(arb, { minLength: 1, maxLength: 4 })
      .map((rows): BodyRecipe => ({ type: "csv", header, rows, contentType: "text/csv" }));
  if (kind === "valid" || kind === "boundary") return row(validRow);
  if (kind === "mutated") {
    return row(
      fc
        .tuple(
          validRow,
          fc.nat({ max: 9 }),
          fc.oneof(hostileValue(), fc.constantFrom<Gen>(...HOSTILE_STRINGS)),
        )
        .map(([cells, i, v]) => cells.map((c, j) => (j === i ? v : c))),
    );
  }
  return fc.oneof(
    fc
      .constantFrom(
        "",
        "\u0000",
        header,
        "a,b,c\n1,2,3",
        `${header}\n${",".repeat(9)}`,
        `${header}\n"unterminated,1,2`,
        `${"x".repeat(70 * 1024)}`,
        `${header}\n${"a;".repeat(2000)}`,
      )
      .map((text): BodyRecipe => ({ type: "text", text, contentType: "text/csv" })),
    fc.tuple(fc.constantFrom(...HOSTILE_JSON_TEXTS), fc.constantFrom(...CONTENT_TYPES)).map(
      ([text, contentType]): BodyRecipe => ({
        type: "text",
        text,
        contentType: contentType || undefined,
      }),
    ),
  );
}

/** Files as bytes (latin1 text): real PDF, PNG and JPEG starts, then other or broken bytes. */
const FILES = {
  pdf: "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
  png: `\x89PNG\r\n\x1a\n${"\x00".repeat(32)}`,
  jpeg: `\xff\xd8\xff\xe0${"\x10".repeat(32)}`,
};

function fileBodyArb(mediaTypes: string[], kind: Kind): fc.Arbitrary<BodyRecipe> {
  const file = (text: string, contentType: string | undefined): BodyRecipe => ({
    type: "text",
    text,
    contentType,
    bytes: true,
  });
  const matching: [string, string][] = [
    [FILES.pdf, "application/pdf"],
    [FILES.png, "image/png"],
    [FILES.jpeg, "image/jpeg"],
  ];
  if (kind === "valid") return fc.constantFrom(...matching).map(([t, c]) => file(t, c));
  if (kind === "boundary")
    return fc
      .tuple(fc.constantFrom(FILES.pdf, FILES.png, FILES.jpeg), fc.constantFrom(...mediaTypes))
      .map(([t, c]) => file(t, c));
  if (kind === "mutated")
    return fc
      .tuple(
        fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
        fc.constantFrom(...mediaTypes),
      )
      .map(([t, c]) => file(t, c));
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom("", "MZ\x90\x00", "<svg/>", FILES.pdf),
        fc.constantFrom(...CONTENT_TYPES),
      )
      .map(([t, c]) => file(t, c || undefined)),
    fc
      .constantFrom(...mediaTypes)
      .map((c) => file(`${FILES.pdf}${" ".repeat(5 * 1024 * 1024)}`, c)),
    fc.constantFrom(...mediaTypes).map((c) => file("", c)),
  );
}

const EXTRA_FIELDS = ["onbekend", "__proto__", "constructor", "_csrf", "gewicht", "jaar", "terug"];

function formBodyArb(target: Target, kind: Kind): fc.Arbitrary<BodyRecipe> {
  const forms = target.forms.length > 0 ? target.forms : [[]];
  const fieldNames = target.fields.map((f) => f.name);
  const names = fieldNames.length > 0 ? fieldNames : ["tekst", "titel", "naam"];
  // A value for a field: one the page offers, or one of the same name seen anywhere.
  const offered = (name: string): fc.Arbitrary<Part> => {
    const values = target.fields.find((f) => f.name === name)?.values ?? [];
    return fc.oneof(
      ...(values.length > 0 ? [fc.constantFrom(...values).map((v) => ({ gen: v }) as Part)] : []),
      realOrText(poolKeysFor(name), "Tekst").map((gen) => ({ gen }) as Part),
    );
  };
  const base = fc.constantFrom(...forms);
  const tweak = (f: [string, string][]) =>
    fc
      .tuple(
        ...(f.length > 0
          ? f.map(([n]) => fc.option(offered(n), { freq: 3 }))
          : [fc.constant(null)]),
      )
      .map((choices) =>
        f.map(([n, v], i) => [n, (choices[i] as Part | null) ?? { gen: v }] as [string, Part]),
      );
  const form = (
    fields: fc.Arbitrary<[string, Part][]>,
    csrf: fc.Arbitrary<"own" | "none" | "wrong" | "twice">,
  ) =>
    fc.tuple(fields, csrf).map(
      ([fs, c]): BodyRecipe => ({
        type: "form",
        fields: fs,
        csrf: c,
        contentType: "application/x-www-form-urlencoded",
      }),
    );
  if (kind === "valid") return form(base.chain(tweak), fc.constant("own"));
  if (kind === "boundary") {
    return form(
      base.chain((f) =>
        fc
          .tuple(
            ...(f.length > 0
              ? f.map(() => fc.constantFrom("", " ", "€".repeat(300), "x".repeat(5000)))
              : [fc.constant("")]),
          )
          .map((vs) => f.map(([n], i) => [n, { gen: vs[i] as string }] as [string, Part])),
      ),
      fc.constant("own"),
    );
  }
  const hostileField: fc.Arbitrary<Part> = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS).map((gen) => ({ gen }) as Part),
    fc
      .constantFrom("%E0%A4%A", "%", "%00", "%zz", "a%00b", "%C0%80")
      .map((raw) => ({ raw }) as Part),
  );
  if (kind === "mutated") {
    const mutation = fc.oneof(
      fc.tuple(fc.constantFrom(...names), hostileField).map(
        ([n, p]) =>
          (fs: [string, Part][]) =>
            fs.some(([k]) => k === n)
              ? fs.map(([k, v]) => [k, k === n ? p : v] as [string, Part])
              : [...fs, [n, p] as [string, Part]],
      ),
      fc.constantFrom(...names).map((n) => (fs: [string, Part][]) => fs.filter(([k]) => k !== n)),
      fc
        .constantFrom(...names)
        .map((n) => (fs: [string, Part][]) => [
          ...fs,
          ...fs.filter(([k]) => k === n),
          [n, { gen: "tweede" }] as [string, Part],
        ]),
      fc
        .tuple(fc.constantFrom(...EXTRA_FIELDS), hostileField)
        .map(([n, p]) => (fs: [string, Part][]) => [...fs, [n, p] as [string, Part]]),
    );
    return form(
      fc
        .tuple(base.chain(tweak), fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([fs, ms]) => ms.reduce((acc, m) => m(acc), fs)),
      fc.constantFrom("own", "own", "own", "none", "wrong", "twice"),
    );
  }
  // Hostile: no form at all, garbage, or JSON with non-string values (the CSRF token included).
  const jsonForm = fc
    .dictionary(fc.constantFrom(...names, ...EXTRA_FIELDS), hostileValue(), { maxKeys: 4 })
    .map(
      (o): BodyRecipe => ({
        type: "json",
        value: o as Gen,
        contentType: "application/json",
        csrf: true,
      }),
    );
  return fc.oneof(
    fc.constant<BodyRecipe>({ type: "none" }),
    jsonForm,
    fc
      .constantFrom(
        "",
        "%",
        "%E0%A4%A=%E0%A4%A",
        "a=1&a=2&a=3",
        "=",
        "&&&",
        `tekst=${"x".repeat(70 * 1024)}`,
        "__proto__[isAdmin]=1",
        "tekst[]=a&tekst[]=b",
        "\u0000=\u0000",
      )
      .chain((text) =>
        fc.constantFrom(...CONTENT_TYPES).map(
          (contentType): BodyRecipe => ({
            type: "text",
            text,
            contentType: contentType || undefined,
          }),
        ),
      ),
    form(
      fc.array(fc.tuple(fc.constantFrom(...names, ...EXTRA_FIELDS), hostileField), {
        maxLength: 6,
      }),
      fc.constantFrom("own", "none", "wrong"),
    ),
  );
}

/** Requests for one target: valid, at the edges, mutated and hostile, in about equal parts. */
/** Recipes of every kind, or (with `only`) of one kind. */
export function recipeArb(target: Target, only?: Kind): fc.Arbitrary<Recipe> {
  const kinds = only
    ? fc.constant<Kind>(only)
    : fc.oneof(
        { weight: 3, arbitrary: fc.constant<Kind>("valid") },
        { weight: 1, arbitrary: fc.constant<Kind>("boundary") },
        { weight: 2, arbitrary: fc.constant<Kind>("mutated") },
        { weight: 2, arbitrary: fc.constant<Kind>("hostile") },
      );
  return kinds.chain((kind) => {
    const body =
      target.kind === "form"
        ? formBodyArb(target, kind)
        : target.kind === "api"
          ? apiBodyArb(target, kind)
          : kind === "hostile"
            ? fc.constant<BodyRecipe>({ type: "text", text: "x=1", contentType: "text/plain" })
            : fc.constant<BodyRecipe>({ type: "none" });
    const method =
      kind === "hostile"
        ? fc.constantFrom(target.method, target.method, target.method, "PUT", "DELETE")
        : fc.constant(target.method);
    return fc
      .record({
        method,
        tuple:
          target.pathParams.length > 0 && kind !== "hostile"
            ? fc.option(
                fc.nat().map((i) => new TuplePick(target.pattern, i)),
                { freq: 5 },
              )
            : fc.constant(null),
        params: paramArb(target, kind),
        query: queryArb(target, kind),
        rawQuery:
          kind === "hostile" || kind === "mutated"
            ? fc.option(fc.constantFrom(...RAW_QUERIES), { freq: 3 })
            : fc.constant(null),
        body,
      })
      .map(
        (r): Recipe => ({
          kind,
          method: r.method,
          tuple: r.tuple ?? undefined,
          params: r.params,
          query: r.query,
          rawQuery: r.rawQuery ?? undefined,
          body: r.body,
        }),
      );
  });
}

const partText = (p: Part, pool: ValuePool): string =>
  "raw" in p ? p.raw : encodeComponent(toFieldText(resolve(p.gen, pool)));

const csvCell = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The request as it goes over the wire for this caller, with real values from the pool. */
export function materialise(
  target: Target,
  recipe: Recipe,
  caller: Caller,
  pool: ValuePool,
): WireRequest {
  const tuple = recipe.tuple ? pool.pickTuple(recipe.tuple.pattern, recipe.tuple.index) : undefined;
  let params: Record<string, string> | undefined = {};
  const path = target.pattern
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1);
      const part = recipe.params[name];
      // A real parameter set from a link replaces only the valid parts: mutations stay.
      const isMutation = part !== undefined && ("raw" in part || !(part.gen instanceof Pick));
      const real = tuple?.[name];
      if (real !== undefined && (recipe.kind === "valid" || !isMutation)) {
        if (params) params[name] = real;
        return encodeComponent(real);
      }
      if (!part || "raw" in part) {
        params = undefined;
        return part ? part.raw : "x";
      }
      const text = toFieldText(resolve(part.gen, pool));
      if (params) params[name] = text;
      return encodeComponent(text);
    })
    .join("/");
  const query = [
    ...recipe.query.map(([k, v]) => `${encodeComponent(k)}=${partText(v, pool)}`),
    ...(recipe.rawQuery ? [recipe.rawQuery] : []),
  ].join("&");
  const url = query ? `${path}?${query}` : path;
  const headers: Record<string, string> = caller.cookie ? { cookie: caller.cookie } : {};
  if (caller.authorization) headers.authorization = caller.authorization;
  const b = recipe.body;
  let payload: string | Buffer | undefined;
  let contentType: string | undefined;
  switch (b.type) {
    case "none":
      break;
    case "json": {
      let value = resolve(b.value, pool);
      if (
        b.csrf &&
        value &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        !(value instanceof Raw)
      ) {
        value = { _csrf: caller.csrf, ...value };
      }
      payload = toJsonText(value);
      contentType = b.contentType;
      break;
    }
    case "text":
      payload = b.bytes ? Buffer.from(b.text, "latin1") : b.text;
      contentType = b.contentType;
      break;
    case "csv":
      payload = [
        b.header,
        ...b.rows.map((row) => row.map((c) => csvCell(toFieldText(resolve(c, pool)))).join(",")),
      ].join("\n");
      contentType = b.contentType;
      break;
    case "form": {
      const csrf =
        b.csrf === "own"
          ? [`_csrf=${encodeComponent(caller.csrf)}`]
          : b.csrf === "wrong"
            ? ["_csrf=niet-het-goede-token"]
            : b.csrf === "twice"
              ? [`_csrf=${encodeComponent(caller.csrf)}`, "_csrf=tweede"]
              : [];
      payload = [
        ...csrf,
        ...b.fields.map(([k, v]) => `${encodeComponent(k)}=${partText(v, pool)}`),
      ].join("&");
      contentType = b.contentType;
      break;
    }
  }
  if (contentType) headers["content-type"] = contentType;
  return { method: recipe.method, url, headers, payload, params };
}
