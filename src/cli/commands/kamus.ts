import type { Command } from "commander";

/** `musrenbang kamus ...` (not yet built). */
export function registerKamus(_program: Command): void {}
