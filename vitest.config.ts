import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // PGlite instances are memory-hungry and initdb is CPU-bound: two files at a time fits a 2-core machine.
    maxWorkers: 2,
  },
});
