import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // CLI tests start several `musrenbang` processes (tsx, migrations) one after another; on a busy 2-core
    // machine that passed 30 s, so a slow machine would read as a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share one PostgreSQL database; run files one at a time so they never see each other's rows.
    fileParallelism: false,
  },
});
