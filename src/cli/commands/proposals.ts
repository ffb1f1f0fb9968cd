import type { Command } from "commander";

/** `musrenbang proposals ...` (not yet built). */
export function registerProposals(_program: Command): void {}
