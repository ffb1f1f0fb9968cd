import type { Command } from "commander";
import { Refusal } from "../../refusal.ts";
import { loadConfig } from "../../config/config.ts";
import { openStore } from "../../store/client.ts";
import { migrate } from "../../store/migrate.ts";
import {
  backupSqlite,
  inspectSqliteBackup,
  isSqlite,
  postgresCommands,
  restoreSqlite,
  sqliteProposalCount,
} from "../../store/backup.ts";
import { ensureSqliteFolder } from "../../store/sqlite-file.ts";

/** `musrenbang backup FILE` and `musrenbang restore FILE [--force]`. */
export function registerBackup(program: Command): void {
  program
    .command("backup <file>")
    .description("SQLite: copy the database to FILE while the bot may run. PostgreSQL: print the pg_dump command")
    .action(async (file: string) => {
      const url = loadConfig().databaseUrl;
      if (!isSqlite(url)) {
        console.log(postgresCommands(url, file).backup);
        console.error("PostgreSQL: run the command above (password in PGPASSWORD); restore with `musrenbang restore`.");
        return;
      }
      const bytes = await backupSqlite(url, file);
      console.log(`Backup written to ${file} (${(bytes / 2 ** 20).toFixed(1)} MB).`);
    });
  program
    .command("restore <file>")
    .description(
      "SQLite: replace the database with the backup FILE (stop the bot first). PostgreSQL: print the pg_restore command",
    )
    .option("--force", "replace a database that already holds proposals")
    .action(async (file: string, opts: { force?: boolean }) => {
      const url = loadConfig().databaseUrl;
      if (!isSqlite(url)) {
        console.log(postgresCommands(url, file).restore);
        console.error("PostgreSQL: stop every copy of the bot, run the command above, then start them again.");
        return;
      }
      inspectSqliteBackup(file);
      const existing = sqliteProposalCount(url);
      if (existing > 0 && !opts.force)
        throw new Refusal(
          422,
          `the database already holds ${existing} proposals: add --force to replace it with ${file} (stop the bot first)`,
        );
      ensureSqliteFolder(url);
      const counts = await restoreSqlite(url, file);
      // A backup from an older version gets the newer migrations.
      const restored = openStore(url);
      try {
        await migrate(restored);
      } finally {
        await restored.db.$disconnect();
      }
      console.log(`Restored ${file}: ${counts.proposals} proposals, ${counts.residents} residents.`);
    });
}
