import autocannon from "autocannon";
import { startTestApp } from "../test/helpers/app.js";

/** Throughput of the area pages and API on the default data set (PGlite, or DATABASE_URL when set). */
export async function areasBenchmark(): Promise<void> {
  const t = await startTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const paths = [
    "/api/v1/gebieden?niveau=wijk",
    "/api/v1/gebieden/GM0356",
    "/gebieden",
    "/gebieden/WK035608",
  ];
  console.log(`database: ${t.database.kind}`);
  console.log("pad\treq/s (gem.)\tp50 ms\tp99 ms");
  for (const path of paths) {
    const result = await autocannon({ url: `${base}${path}`, connections: 10, duration: 5 });
    console.log(
      `${path}\t${result.requests.average.toFixed(0)}\t${result.latency.p50}\t${result.latency.p99}`,
    );
  }
  await t.close();
}
