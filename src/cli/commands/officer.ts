import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import { addOfficer, parseRole, setOfficerActive, setOfficerPassword } from "../../store/officers.ts";
import { readNewPassword } from "../read-password.ts";
import { Refusal } from "../../refusal.ts";

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
      if (!role) throw new Refusal(400, `--role "${opts.role}" is not one of admin, district, village`);
      const password = await readNewPassword();
      await withStore(async ({ db }) => {
        await addOfficer(db, { username, role, regionCode: opts.region, password });
      });
      console.log(
        `Officer ${username.toLowerCase()} added (${role.toLowerCase()}${opts.region ? ` ${opts.region}` : ""}).`,
      );
    });
  officer
    .command("passwd <username>")
    .description("set a new password (read like for add); the officer's open sessions end")
    .action(async (username: string) => {
      const password = await readNewPassword();
      await withStore(({ db }) => setOfficerPassword(db, username, password));
      console.log(`Password of ${username.toLowerCase()} changed; open sessions were ended.`);
    });
  officer
    .command("disable <username>")
    .description("stop an officer from logging in; open sessions end at once (--enable undoes it)")
    .option("--enable", "allow the officer to log in again")
    .action(async (username: string, opts: { enable?: boolean }) => {
      await withStore(({ db }) => setOfficerActive(db, username, Boolean(opts.enable)));
      console.log(`Officer ${username.toLowerCase()} ${opts.enable ? "enabled" : "disabled"}.`);
    });
}
