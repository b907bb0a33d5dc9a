// The writers of `npm run bench -- schrijvers`, in their own process: a client in the server's own
// event loop would decide the order in which requests are served and hide the server's queueing.
// Arguments: url writers writesEach cookie. Prints one JSON line with the results.
const [url, writers, writesEach, cookie] = process.argv.slice(2);
const STATUSES = ["in_uitvoering", "gerealiseerd", "deels_gerealiseerd", "gepland", "extra"];
const latencies = [];
/** Longest latency per status code: a 503 should come quickly, within DB_WAIT_LIMIT_MS. */
const longest = {};
const codes = {};
let retryAfterMissing = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(writers) }, async (_, writer) => {
    for (let i = 0; i < Number(writesEach); i++) {
      const t0 = performance.now();
      const res = await fetch(url, {
        method: "PATCH",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({
          status: STATUSES[(writer + i) % STATUSES.length],
          realisatie: `schrijver ${writer}, poging ${i}`,
        }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      codes[res.status] = (codes[res.status] ?? 0) + 1;
      longest[res.status] = Math.max(longest[res.status] ?? 0, performance.now() - t0);
      if (res.status === 503 && !res.headers.get("retry-after")) retryAfterMissing += 1;
    }
  }),
);
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    latencies,
    codes,
    longest,
    retryAfterMissing,
  }),
);
