import type { Command } from "commander";

/** `musrenbang import ...` (not yet built). */
export function registerImport(_program: Command): void {}
