import { defineConfig } from "vitest/config";

// Real PDFs take a second or two each; the suite runs on 2 cores.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
