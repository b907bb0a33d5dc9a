import { Raw, setOwn, type Value } from "./values.js";

/**
 * Real values seen in the running app — ids, codes, slugs, years — by the JSON key or URL segment
 * they appeared under, and whole parameter sets per route pattern (from links and form actions).
 * Generated requests refer to it by index (Pick), resolved when the request is sent, so values that
 * appear during the run (a created document, a published version) are used too.
 */
export class ValuePool {
  private readonly byKey = new Map<string, (string | number)[]>();
  private readonly seen = new Set<string>();
  private readonly tuples = new Map<string, Record<string, string>[]>();
  private readonly seenTuples = new Set<string>();

  /**
   * keepEmpty: an empty value is real for a page's query (a filter form sent unfilled, `?van=`);
   * elsewhere it says nothing about the key.
   */
  add(key: string, value: unknown, keepEmpty = false): void {
    if (typeof value !== "string" && typeof value !== "number") return;
    if (typeof value === "string" && value.length === 0 && !keepEmpty) return;
    if (typeof value === "string" && value.length > 120) return;
    const id = `${key}\u0000${typeof value}\u0000${value}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const list = this.byKey.get(key) ?? [];
    // Bounded, so a long run does not keep every value it ever created.
    if (list.length >= 500) return;
    list.push(value);
    this.byKey.set(key, list);
  }

  addTuple(pattern: string, params: Record<string, string>): void {
    const id = `${pattern}\u0000${JSON.stringify(params)}`;
    if (this.seenTuples.has(id)) return;
    this.seenTuples.add(id);
    const list = this.tuples.get(pattern) ?? [];
    if (list.length >= 200) return;
    list.push(params);
    this.tuples.set(pattern, list);
  }

  /** The index-th of all values under any of the keys, or undefined when there are none. */
  pick(keys: readonly string[], index: number, accept?: RegExp): string | number | undefined {
    const lists = [...new Set(keys)].map((k) =>
      (this.byKey.get(k) ?? []).filter((v) => !accept || accept.test(String(v))),
    );
    const total = lists.reduce((n, l) => n + l.length, 0);
    if (total === 0) return undefined;
    let i = index % total;
    for (const list of lists) {
      if (i < list.length) return list[i];
      i -= list.length;
    }
    return undefined;
  }

  pickTuple(pattern: string, index: number): Record<string, string> | undefined {
    const list = this.tuples.get(pattern);
    return list && list.length > 0 ? list[index % list.length] : undefined;
  }

  size(key: string): number {
    return this.byKey.get(key)?.length ?? 0;
  }

  tupleCount(pattern: string): number {
    return this.tuples.get(pattern)?.length ?? 0;
  }

  /**
   * Takes in every value of a JSON document: scalars under their key, and the `id` and `code` of
   * objects in an array under the array's key (`{"indicatoren": [{"id": …}]}` → "indicatoren").
   */
  absorbJson(json: unknown, key = ""): void {
    if (Array.isArray(json)) {
      for (const item of json) {
        if (item && typeof item === "object" && !Array.isArray(item)) {
          const o = item as Record<string, unknown>;
          if (key) {
            this.add(key, o.id);
            this.add(key, o.code);
          }
        }
        this.absorbJson(item, key);
      }
      return;
    }
    if (json && typeof json === "object") {
      for (const [k, v] of Object.entries(json)) {
        if (v && typeof v === "object") this.absorbJson(v, k);
        else this.add(k, v);
      }
    }
  }

  /** Takes in a local URL: each segment under the segment before it (`/beleid/x` → "beleid": x). */
  absorbPath(path: string): void {
    const segments = path.split(/[?#]/, 1)[0]?.split("/").filter(Boolean) ?? [];
    for (let i = 1; i < segments.length; i++) {
      const value = safeDecode(segments[i] as string);
      if (value !== undefined) this.add(segments[i - 1] as string, value);
    }
  }
}

const safeDecode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** A reference to a real value, resolved against the pool when the request is sent. */
export class Pick {
  constructor(
    readonly keys: readonly string[],
    readonly index: number,
    readonly fallback: Gen,
    /** Only values of this form (a uuid field takes no code seen under the same key). */
    readonly accept?: RegExp,
  ) {}
}

/** A reference to a real parameter set of a route pattern, resolved when the request is sent. */
export class TuplePick {
  constructor(
    readonly pattern: string,
    readonly index: number,
  ) {}
}

/** A generated value that may still hold Picks. */
export type Gen = Value | Pick | Gen[] | { [key: string]: Gen };

/** Replaces every Pick by a real value from the pool (or its fallback when the pool has none). */
export function resolve(g: Gen, pool: ValuePool): Value {
  if (g instanceof Pick) return pool.pick(g.keys, g.index, g.accept) ?? resolve(g.fallback, pool);
  if (g instanceof Raw || g === null || typeof g !== "object") return g;
  if (Array.isArray(g)) return g.map((x) => resolve(x, pool));
  const out: { [key: string]: Value } = {};
  for (const [k, v] of Object.entries(g)) setOwn(out, k, resolve(v, pool));
  return out;
}
