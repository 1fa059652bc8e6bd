import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "tests/**/*.test.ts",
      "examples/*/test/**/*.test.ts",
    ],
    // Browser and database tests start real processes; two cores share them.
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: "forks",
  },
});
