// Prisma CLI configuration. The flavour (sqlite | postgres) follows DATABASE_URL, like the app does.
// The CLI runs with the JS engine and a driver adapter so that nothing is downloaded (see STACK.md).
import { defineConfig } from "prisma/config";
import { databaseFlavour, defaultDatabaseUrl } from "./src/config/database-url.ts";
import { migrationAdapter } from "./src/store/migration-adapter.ts";

const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const flavour = databaseFlavour(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${flavour}`,
  adapter: async () => migrationAdapter(url),
});
