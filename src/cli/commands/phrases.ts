import type { Command } from "commander";

/** `musrenbang phrases ...` (not yet built). */
export function registerPhrases(_program: Command): void {}
