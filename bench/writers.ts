import { spawn } from "node:child_process";
import { and, asc, eq } from "drizzle-orm";
import { loadEnv } from "../src/config/env.js";
import { fromRoot } from "../src/config/paths.js";
import { activityStatusChanges, activityYears } from "../src/db/schema.js";
import { startTestApp } from "../test/helpers/app.js";

const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const WRITES_EACH = Number(process.env.BENCH_WRITES ?? 10);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * 50 writers at once change the status of one activity (PGlite, or DATABASE_URL when set), over
 * real HTTP from a separate process (bench/writers-client.mjs). Prints the longest wait, p50/p99, the 503s
 * (DB_WAIT_LIMIT_MS) and whether the status history still forms one unbroken chain.
 */
export async function writersBenchmark(): Promise<void> {
  const { dbWaitLimitMs } = loadEnv();
  const t = await startTestApp({ dbWaitLimitMs });
  const staff = await t.sessionFor("beleidsmedewerker");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const activity = (
    (await (
      await fetch(`${base}/api/v1/activiteiten?document=begroting-2020&jaar=2020`)
    ).json()) as {
      activiteiten: { id: string; jaar: number }[];
    }
  ).activiteiten[0];
  if (!activity) throw new Error("geen activiteit in de standaardgegevens");

  const client = spawn(
    process.execPath,
    [
      fromRoot("bench/writers-client.mjs"),
      `${base}/api/v1/activiteiten/${activity.id}/jaren/${activity.jaar}`,
      String(WRITERS),
      String(WRITES_EACH),
      staff,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  client.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => client.on("exit", resolve));
  if (exitCode !== 0) throw new Error(`schrijvers gestopt met code ${exitCode}`);
  const result = JSON.parse(output) as {
    seconds: number;
    latencies: number[];
    codes: Record<string, number>;
    longest: Record<string, number>;
    retryAfterMissing: number;
  };
  const codes = new Map(Object.entries(result.codes).map(([k, v]) => [Number(k), v]));

  const history = await t.database.db
    .select({ from: activityStatusChanges.fromStatus, to: activityStatusChanges.toStatus })
    .from(activityStatusChanges)
    .innerJoin(activityYears, eq(activityYears.id, activityStatusChanges.activityYearId))
    .where(and(eq(activityYears.activityId, activity.id), eq(activityYears.year, activity.jaar)))
    .orderBy(asc(activityStatusChanges.changedAt));
  const breaks = history.slice(1).filter((h, i) => h.from !== history[i]?.to).length;

  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const sorted = [...result.latencies].sort((a, b) => a - b);
  console.log(
    `database: ${t.database.kind}${t.database.transactions ? `, DB_WAIT_LIMIT_MS=${dbWaitLimitMs}` : ""}`,
  );
  console.log(
    `${WRITERS} schrijvers × ${WRITES_EACH} statuswijzigingen op één activiteit in ${result.seconds.toFixed(1)} s`,
  );
  console.log(
    `antwoorden: ${[...codes]
      .sort(([a], [b]) => a - b)
      .map(([code, n]) => `${code}: ${n} (langste ${ms(result.longest[code] ?? 0)})`)
      .join(", ")}`,
  );
  console.log(
    `503 (te druk): ${codes.get(503) ?? 0}${result.retryAfterMissing ? `, ${result.retryAfterMissing} zonder Retry-After` : ""}`,
  );
  console.log(
    `langste wachttijd (verzoek): ${ms(sorted.at(-1) ?? 0)}; p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}`,
  );
  if (t.database.transactions) {
    const { longestWaitMs, givenUp } = t.database.transactions.stats;
    console.log(
      `transactiewachtrij: langste wachttijd tot de start ${ms(longestWaitMs)}, ${givenUp} opgegeven`,
    );
  }
  console.log(
    `statusgeschiedenis: ${history.length} regels, ${breaks === 0 ? "één ongebroken keten" : `${breaks} breuken in de keten`}`,
  );
  await t.close();
}
