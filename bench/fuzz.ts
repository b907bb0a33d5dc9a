import { runCampaign } from "../test/fuzz/campaign.js";
import { formatReport } from "../test/fuzz/report.js";

/**
 * At least 10,000 generated requests (FUZZ_REQUESTS raises it) to every OpenAPI operation, HTML
 * form and page, as anonymous, wrong role and authorised caller; prints totals per status class,
 * the statuses per route, and every 5xx or refused request that changed data, with its request.
 */
export async function fuzzBenchmark(): Promise<void> {
  const report = await runCampaign({
    runs: Number(process.env.FUZZ_RUNS ?? 1),
    minRequests: Number(process.env.FUZZ_REQUESTS ?? 10_000),
    ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
    onTarget: (_stats, i, n) => {
      if ((i + 1) % 10 === 0 || i + 1 === n) console.log(`… ${i + 1}/${n} doelen`);
    },
  });
  console.log(formatReport(report, { perTarget: true }));
  const fives = report.findings.filter((f) => f.problem === "5xx");
  console.log(`5xx: ${fives.length}`);
  for (const f of fives) console.log(`  ${f.status} ${f.method} ${f.url}  body: ${f.body}`);
}
