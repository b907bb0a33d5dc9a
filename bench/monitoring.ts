import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { buildApp } from "../src/app.js";
import { loadTenant } from "../src/config/tenant.js";
import { openDatabase } from "../src/db/client.js";
import { parseCsvRecords } from "../src/platform/csv.js";

/**
 * Dashboard and indicator-analysis requests over a generated national data set on PostgreSQL:
 * the 342 municipalities and their 3,393 CBS wijken (codes from bench/data), 100 indicators per
 * municipality (half of them quarterly), 10 years. Reported as requests per second, and as a ratio to the page's main query run directly.
 * Uses BENCH_DATABASE_URL, else DATABASE_URL, else the local test server; creates its own database.
 */
const SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 342);
const INDICATORS = 100;
const YEARS = 10;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const wijken = parseCsvRecords(
  readFileSync(new URL("./data/nl_wijken_kwb2024.csv", import.meta.url), "utf8"),
);
const WIJK_VALUES = wijken.map((w) => `('${w.wijk_code}', '${w.gemeente_code}')`).join(",");

async function generate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  await client.query(`
    create temporary table bench_wijken (code text, municipality text);
    insert into bench_wijken values ${WIJK_VALUES};
    insert into areas (code, municipality_code, level, name, source, sort_order)
    select distinct municipality, municipality, 'gemeente', 'Gemeente ' || municipality, 'benchmark', 0
      from bench_wijken where municipality in (
        select municipality from (select distinct municipality from bench_wijken) m
         order by municipality = 'GM0356' desc, municipality limit ${MUNICIPALITIES});
    insert into areas (code, municipality_code, level, name, parent_code, source, sort_order)
    select code, municipality, 'wijk', 'Wijk ' || code, municipality, 'benchmark', 0
      from bench_wijken where municipality in (select code from areas where level = 'gemeente');
    insert into indicators (municipality_code, slug, name, unit, direction, source, frequency)
    select a.code, 'indicator-' || i, 'Indicator ' || i, 'percentage',
           case when i % 2 = 0 then 'hoger_is_beter' else 'lager_is_beter' end, 'benchmark',
           case when i % 2 = 0 then 'jaarlijks' else 'kwartaal' end
      from areas a, generate_series(1, ${INDICATORS}) i where a.level = 'gemeente';`);
  await client.query(`
    insert into measurements (indicator_id, area_code, year, quarter, value, target, source)
    select ind.id, a.code, 2015 + y, q, round((random() * 100)::numeric, 2), case when y = ${YEARS - 1} then 60 end, 'benchmark'
      from indicators ind
      join areas a on a.municipality_code = ind.municipality_code
      cross join generate_series(0, ${YEARS - 1}) y
      cross join generate_series(0, 4) q
     where (ind.frequency = 'jaarlijks' and q = 0) or (ind.frequency = 'kwartaal' and q > 0);
    analyze;`);
  const { rows } = await client.query("select count(*)::int as n from measurements");
  await client.end();
  return { measurements: rows[0].n as number, seconds: (Date.now() - started) / 1000 };
}

/** The dashboard's main query: every indicator of the municipality at municipality level. */
async function directQueryRate(url: string, municipality: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const ids = (
    await pool.query("select id from indicators where municipality_code = $1", [municipality])
  ).rows.map((r) => r.id);
  let count = 0;
  const until = Date.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < until) {
        await pool.query(
          "select * from measurements where indicator_id = any($1) and area_code = any($2) order by year, quarter",
          [ids, [municipality]],
        );
        count += 1;
      }
    }),
  );
  await pool.end();
  return count / DURATION;
}

export async function monitoringBenchmark(): Promise<void> {
  const name = "samenkracht_bench";
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  await database.migrate();
  const data = await generate(url.toString());
  console.log(
    `gegenereerd: ${data.measurements.toLocaleString("nl-NL")} metingen in ${data.seconds.toFixed(0)} s`,
  );
  // A municipality of average size, with as many wijken as the median.
  const municipality = "GM0356";
  const base = loadTenant();
  const tenant = { ...base, municipality: { code: municipality, name: "Benchmarkgemeente" } };
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    tenant,
    sessionSecret: "x".repeat(48),
    logLevel: "silent",
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const query = await directQueryRate(url.toString(), municipality);
  console.log(
    `hoofdquery dashboard direct in PostgreSQL: ${query.toFixed(0)} per seconde (10 verbindingen)`,
  );
  console.log("pad\treq/s\tp50 ms\tp99 ms\tverhouding query/pagina");
  for (const path of [
    "/api/v1/indicatoren",
    "/monitor",
    "/api/v1/indicatoren/indicator-7/analyse",
    "/monitor/indicator-8",
  ]) {
    const r = await autocannon({ url: `${origin}${path}`, connections: 10, duration: DURATION });
    if (r.non2xx > 0) console.log(`  let op: ${r.non2xx} antwoorden zonder 2xx op ${path}`);
    console.log(
      `${path}\t${r.requests.average.toFixed(0)}\t${r.latency.p50}\t${r.latency.p99}\t${(query / r.requests.average).toFixed(2)}`,
    );
  }
  await app.close();
  await database.close();
  if (!process.env.BENCH_KEEP) await admin(`drop database if exists ${name} with (force)`);
}
