// `musrenbang` CLI: one file per command under ./commands, each adding itself to the program.
import { Command, CommanderError } from "commander";
import { registerImport } from "./commands/import.ts";
import { registerKamus } from "./commands/kamus.ts";
import { registerMatch } from "./commands/match.ts";
import { registerPhrases } from "./commands/phrases.ts";
import { registerProposals } from "./commands/proposals.ts";
import { registerOfficer } from "./commands/officer.ts";
import { reportError } from "./report-error.ts";
import { registerBackup } from "./commands/backup.ts";

const program = new Command("musrenbang")
  .description("Musrenbang proposal bot: import data, match text to the kamus, export proposals, manage officers.")
  .exitOverride();

for (const register of [
  registerImport,
  registerKamus,
  registerMatch,
  registerPhrases,
  registerProposals,
  registerOfficer,
  registerBackup,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.exit(reportError(error));
}
