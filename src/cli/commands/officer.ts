import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import { addOfficer, parseRole } from "../../store/officers.ts";
import { readNewPassword } from "../read-password.ts";

/** `musrenbang officer add USERNAME --role admin|district|village [--region KODE]` (password from stdin or prompt). */
export function registerOfficer(program: Command): void {
  const officer = program.command("officer").description("manage dashboard officers");
  officer
    .command("add <username>")
    .description("add an officer; the password is read from stdin, or asked twice without echo")
    .requiredOption("--role <role>", "admin | district | village")
    .option("--region <kode>", "kecamatan code (district) or desa code (village)")
    .action(async (username: string, opts: { role: string; region?: string }) => {
      const role = parseRole(opts.role);
      if (!role) throw new Error(`--role "${opts.role}" is not one of admin, district, village`);
      const password = await readNewPassword();
      await withStore(async ({ db }) => {
        await addOfficer(db, { username, role, regionCode: opts.region, password });
      });
      console.log(
        `Officer ${username.toLowerCase()} added (${role.toLowerCase()}${opts.region ? ` ${opts.region}` : ""}).`,
      );
    });
}
