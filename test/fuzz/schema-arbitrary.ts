import fc from "fast-check";
import { type Gen, Pick } from "./pool.js";
import { hostileValue, LONG, Raw, setOwn } from "./values.js";

/** The part of JSON Schema (as @fastify/swagger writes it into OpenAPI 3.0) that requests use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

/** Where real values for a field of this name are found in the pool (JSON keys, URL segments). */
const POOL_KEYS: Record<string, string[]> = {
  document: ["document", "beleidsdocumenten", "beleid"],
  vervangt: ["beleidsdocumenten", "document"],
  onderdeel: ["onderdeel", "onderdelen"],
  ouder: ["ouder", "onderdeel"],
  doelen: ["doelen"],
  // A subsidy's agreements: the goal linked, the agreed indicator (its id under "indicatoren" in
  // the subsidy), the required report ("verantwoording" in the subsidy), a work area's code.
  doel: ["doelen"],
  afspraak: ["indicatoren"],
  eis: ["verantwoording"],
  werkgebied: ["werkgebieden"],
  // An organisation's id or code, as the directory lists them ("organisatie" in the budget is a name).
  organisatie: ["organisaties"],
  gebied: ["gebied", "gebieden"],
  indicator: ["indicatoren", "indicator"],
  code: ["code"],
  jaar: ["jaar"],
  versie: ["versie", "versies"],
};
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const poolKeysFor = (name: string): string[] => POOL_KEYS[name] ?? [name];

const types = (s: JsonSchema): string[] =>
  s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];

const MAX_INT = 2_147_483_647;

const SAMPLE_TEXTS = [
  "Meer inwoners doen mee",
  "Wijkteam Noord €",
  "Ondersteuning dichtbij",
  "Café De Geinoord",
  "Buurt",
];

const freeText = (min: number, max: number): fc.Arbitrary<string> => {
  const samples = SAMPLE_TEXTS.filter((s) => s.length >= min && s.length <= max);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 40)) }),
    },
    ...(samples.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...samples) }] : []),
    {
      weight: 1,
      arbitrary: fc.string({
        unit: "grapheme",
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 20)),
      }),
    },
  );
};

/** A value the schema accepts; names a field so real ids and codes can be used. */
export function validValue(schema: JsonSchema, name = "", depth = 0): fc.Arbitrary<Gen> {
  const arb = validInner(schema, name, depth);
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: arb }, fc.constant(null)) : arb;
}

function validInner(s: JsonSchema, name: string, depth: number): fc.Arbitrary<Gen> {
  if (s.const !== undefined) return fc.constant(s.const as Gen);
  if (s.enum) return fc.constantFrom(...(s.enum as Gen[]));
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => validValue(u, name, depth)));
  if (s.allOf?.[0]) return validValue(s.allOf[0], name, depth);
  const t = types(s);
  if (t.includes("object") || s.properties) return validObject(s, depth);
  if (t.includes("array")) {
    return fc.array(validValue(s.items ?? {}, name, depth + 1), {
      minLength: s.minItems ?? 0,
      maxLength: Math.min(s.maxItems ?? 4, 4),
    });
  }
  if (t.includes("integer")) {
    const min = Math.max(s.minimum ?? -MAX_INT, -MAX_INT);
    const max = Math.min(s.maximum ?? MAX_INT, MAX_INT);
    const inRange = fc.integer({ min, max });
    return fc.oneof({ weight: 3, arbitrary: inRange }, realOr(name, inRange));
  }
  if (t.includes("number")) {
    return fc.double({
      min: s.minimum ?? -1e9,
      max: s.maximum ?? 1e9,
      noNaN: true,
      noDefaultInfinity: true,
    });
  }
  if (t.includes("boolean")) return fc.boolean();
  if (t.includes("string") || t.length === 0) return validString(s, name);
  return fc.constant(null);
}

/** A real value from the pool for this field, or the fallback when the pool has none. */
const realOr = (name: string, fallback: fc.Arbitrary<Gen>): fc.Arbitrary<Gen> =>
  fc.tuple(fc.nat(), fallback).map(([i, f]) => new Pick(poolKeysFor(name), i, f));

function validString(s: JsonSchema, name: string): fc.Arbitrary<Gen> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  let generic: fc.Arbitrary<string>;
  if (s.format === "uuid") generic = fc.uuid();
  else if (s.format === "date")
    generic = fc
      .date({ min: new Date("1990-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  else if (s.pattern)
    generic = fc
      .stringMatching(new RegExp(s.pattern))
      .filter((x) => x.length >= min && x.length <= max);
  else generic = freeText(min, max);
  const pooled = s.format === "uuid" ? [...poolKeysFor(name), "id"] : poolKeysFor(name);
  // A field known to name a record (POOL_KEYS) gets a real one nearly always: made-up text there is
  // a refusal, which the mutated and hostile runs send already.
  const names = name in POOL_KEYS;
  return fc.oneof(
    { weight: names ? 1 : 2, arbitrary: generic },
    {
      weight: names ? 9 : 3,
      arbitrary: fc
        .tuple(fc.nat(), generic)
        .map(([i, f]) => new Pick(pooled, i, f, s.format === "uuid" ? UUID : undefined) as Gen),
    },
  );
}

function validObject(s: JsonSchema, depth: number): fc.Arbitrary<Gen> {
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const keys = Object.keys(props);
  if (depth > 4 || keys.length === 0) return fc.constant({});
  const entries: Record<string, fc.Arbitrary<Gen>> = {};
  for (const k of keys) entries[k] = validValue(props[k] as JsonSchema, k, depth + 1);
  return fc
    .record(entries, { requiredKeys: required.filter((k) => k in props) })
    .map((o) => o as Gen)
    .filter((o) => Object.keys(o as object).length >= (s.minProperties ?? 0));
}

/** Values at the edges of what the schema accepts: longest, shortest, smallest, largest. */
export function boundaryValue(s: JsonSchema, name = "", depth = 0): fc.Arbitrary<Gen> {
  if (s.enum || s.const !== undefined) return validValue(s, name, depth);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => boundaryValue(u, name, depth)));
  const t = types(s);
  if (t.includes("object") || s.properties) {
    const props = s.properties ?? {};
    if (depth > 4 || Object.keys(props).length === 0) return fc.constant({});
    const entries: Record<string, fc.Arbitrary<Gen>> = {};
    for (const [k, p] of Object.entries(props)) entries[k] = boundaryValue(p, k, depth + 1);
    return fc.record(entries) as fc.Arbitrary<Gen>;
  }
  if (t.includes("array")) {
    const n = Math.min(s.maxItems ?? 50, 200);
    return validValue(s.items ?? {}, name, depth + 1).map((item) => Array(n).fill(item) as Gen);
  }
  if (t.includes("integer") || t.includes("number")) {
    const edges = [s.minimum, s.maximum, 0, 1].filter(
      (x): x is number =>
        x !== undefined &&
        (s.minimum === undefined || x >= s.minimum) &&
        (s.maximum === undefined || x <= s.maximum),
    );
    if (s.maximum === undefined) edges.push(t.includes("integer") ? MAX_INT : 1e12);
    if (s.minimum === undefined) edges.push(t.includes("integer") ? -MAX_INT : -1e12);
    if (t.includes("number")) edges.push(0.1, 1e-300);
    return fc.constantFrom(...edges);
  }
  if (t.includes("boolean")) return fc.boolean();
  if (t.includes("string") || t.length === 0) {
    if (s.format || s.pattern) return validValue(s, name, depth);
    const max = Math.min(s.maxLength ?? 10_000, 20_000);
    const min = s.minLength ?? 0;
    return fc.constantFrom<Gen>("é".repeat(max), "x".repeat(min), "€".repeat(max), " ".repeat(max));
  }
  return fc.constant(null);
}

/** Just outside what the schema accepts: one too long, one past the bound, the wrong format. */
export function outOfBoundsValue(s: JsonSchema): fc.Arbitrary<Gen> {
  const t = types(s);
  const options: Gen[] = [];
  if (s.maxLength !== undefined) options.push("y".repeat(s.maxLength + 1));
  if (s.minLength !== undefined && s.minLength > 0) options.push("y".repeat(s.minLength - 1));
  if (s.maximum !== undefined) options.push(s.maximum + 1, s.maximum + 0.5);
  if (s.minimum !== undefined) options.push(s.minimum - 1, s.minimum - 0.5);
  if (s.maxItems !== undefined) options.push(Array(s.maxItems + 1).fill("a"));
  if (s.format === "uuid") options.push("not-a-uuid", "00000000-0000-0000-0000-00000000000g");
  if (s.format === "date") options.push("2024-13-01", "2024-02-30", "01-01-2024");
  if (s.pattern) options.push("Niet Geldig!", "a--b", "-a");
  if (s.enum) options.push("onbekend", String(s.enum[0]).toUpperCase(), ` ${String(s.enum[0])}`);
  if (t.includes("integer")) options.push(1.5, new Raw("1e309"), "12abc");
  if (t.includes("number") || t.includes("integer"))
    options.push(new Raw("99999999999999999999999"), new Raw("-1e309"), "NaN", "Infinity");
  if (t.includes("string")) options.push(LONG, "\u0000", "a\u0000b", "\u0007");
  return options.length > 0 ? fc.constantFrom(...options) : hostileValue();
}

/** A valid object with one to three things wrong: a hostile field, a missing or an extra one. */
export function mutatedObject(s: JsonSchema): fc.Arbitrary<Gen> {
  const props = Object.entries(s.properties ?? {});
  const mutation: fc.Arbitrary<(o: Record<string, Gen>) => void> = fc.oneof(
    ...(props.length > 0
      ? [
          fc.tuple(fc.constantFrom(...props), fc.oneof(hostileValue(), fc.constant(null))).map(
            ([[k], v]) =>
              (o: Record<string, Gen>) =>
                setOwn(o, k, v),
          ),
          fc
            .constantFrom(...props)
            .chain(([k, p]) =>
              outOfBoundsValue(p).map((v) => (o: Record<string, Gen>) => setOwn(o, k, v)),
            ),
          fc.constantFrom(...props).map(([k]) => (o: Record<string, Gen>) => {
            delete o[k];
          }),
          fc.constantFrom(...props).map(([k]) => (o: Record<string, Gen>) => {
            const v = o[k];
            setOwn(o, k, v === undefined ? [] : [v, v]);
          }),
        ]
      : []),
    fc
      .tuple(
        fc.constantFrom("onbekend", "__proto__", "constructor", "id", "Titel", ""),
        hostileValue(),
      )
      .map(
        ([k, v]) =>
          (o: Record<string, Gen>) =>
            setOwn(o, k, v),
      ),
  );
  return fc
    .tuple(validValue(s), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) => {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      const copy: Record<string, Gen> = {};
      for (const [k, v] of Object.entries(value)) setOwn(copy, k, v);
      for (const m of mutations) m(copy);
      return copy as Gen;
    });
}

/** Any value for a field: valid, at the edge, just outside, or hostile. */
export function fieldValue(s: JsonSchema, name: string): fc.Arbitrary<Gen> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(s, name) },
    { weight: 2, arbitrary: boundaryValue(s, name) },
    { weight: 2, arbitrary: outOfBoundsValue(s) },
    { weight: 2, arbitrary: hostileValue() },
  );
}
