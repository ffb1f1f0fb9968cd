// Proposal codes residents can type: "U26-7K3Q" = year 2026 + 4 characters without look-alikes (no 0/O, 1/I/L).
import type { IdSource, Lookups } from "./context.ts";

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Four random characters from the alphabet (for the host's IdSource). */
export function randomCodeSuffix(random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < 4; i++) s += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]!;
  return s;
}

/** A code not used yet: tries new suffixes on a collision (31⁴ ≈ 920,000 codes a year). */
export async function newProposalCode(now: Date, ids: IdSource, lookups: Lookups): Promise<string> {
  const year = String(now.getUTCFullYear() % 100).padStart(2, "0");
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = `U${year}-${ids.codeSuffix()}`;
    if (!(await lookups.codeTaken(code))) return code;
  }
  throw new Error("Could not find a free proposal code after 20 attempts");
}
