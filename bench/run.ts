// Benchmarks (never part of `npm test`): `npm run bench -- <naam>`; without a name, all of them.
import { areasBenchmark } from "./areas.js";
import { fuzzBenchmark } from "./fuzz.js";
import { monitoringBenchmark } from "./monitoring.js";
import { writersBenchmark } from "./writers.js";

const benchmarks: Record<string, () => Promise<void>> = {
  gebieden: areasBenchmark,
  fuzz: fuzzBenchmark,
  monitoring: monitoringBenchmark,
  schrijvers: writersBenchmark,
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = requested.length > 0 ? requested : Object.keys(benchmarks);
for (const name of names) {
  const bench = benchmarks[name];
  if (!bench) {
    console.error(
      `Onbekende benchmark "${name}". Beschikbaar: ${Object.keys(benchmarks).join(", ")}`,
    );
    process.exit(2);
  }
  console.log(`== benchmark: ${name} ==`);
  await bench();
}
process.exit(0);
