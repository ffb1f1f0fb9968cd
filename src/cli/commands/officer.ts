import type { Command } from "commander";

/** `musrenbang officer ...` (not yet built). */
export function registerOfficer(_program: Command): void {}
