import type { Command } from "commander";

/** `musrenbang match ...` (not yet built). */
export function registerMatch(_program: Command): void {}
