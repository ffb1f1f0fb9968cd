// The proposal lifecycle of DESIGN.md §4 as data and one pure check: which status may follow which, and what
// a change must carry (a reason to reject, a target to merge into). No database here; see change-status.ts.
import type { ProposalStatus } from "../store/client.ts";
import { Refusal } from "../refusal.ts";
import type { Texts } from "../texts/reply-texts.ts";

export type ProposalStatusName = ProposalStatus;

/**
 * Allowed moves (DESIGN.md §4); an officer may also send a proposal back one step for re-checking. DITARIK is
 * the resident's own withdrawal (TARIK <kode> in the chat, src/engine/phases/withdraw.ts), only while nobody
 * has checked the proposal yet; the store's withdrawal (src/store/proposal-write.ts) applies the same rule.
 */
export const TRANSITIONS: Record<ProposalStatusName, ProposalStatusName[]> = {
  DIAJUKAN: ["DIVERIFIKASI", "DITOLAK", "DIGABUNG", "DITARIK"],
  DITARIK: [],
  DIVERIFIKASI: ["DISEPAKATI", "DITOLAK", "DIGABUNG", "DIAJUKAN"],
  DITOLAK: ["DIAJUKAN"],
  DIGABUNG: [],
  DISEPAKATI: ["DITERUSKAN", "DIVERIFIKASI", "DITOLAK"],
  DITERUSKAN: ["DITERIMA", "TIDAK_DITERIMA"],
  DITERIMA: [],
  TIDAK_DITERIMA: [],
};

/** Who changes it, e.g. `{ type: "officer", id: "desa.sukamaju" }`. */
export interface Actor {
  type: "officer" | "system" | "resident";
  id?: string;
}

/** A requested change, e.g. `{ code: "U26-7K3Q", to: "DITOLAK", actor, reason: "Sudah dibangun 2025" }`. */
export interface StatusChange {
  code: string;
  to: ProposalStatusName;
  actor: Actor;
  /** Required for DITOLAK; shown to the resident. */
  reason?: string;
  /** For DIGABUNG: the proposal this one joins (its supporters move there). */
  mergeInto?: string;
  now?: Date;
  /** The proposal's updatedAt when the officer's form was built; a different value refuses the change (409). */
  expectedUpdatedAt?: Date;
}

/** Moves only the proposer makes, never an officer. */
export const RESIDENT_ONLY: readonly ProposalStatusName[] = ["DITARIK"];

/** The statuses an officer may move a proposal in `from` to, e.g. for the dashboard's buttons. */
export function nextStatuses(from: ProposalStatusName): readonly ProposalStatusName[] {
  return TRANSITIONS[from].filter((s) => !RESIDENT_ONLY.includes(s));
}

/**
 * Checks a change against the lifecycle; returns the trimmed reason (undefined when none was given).
 * Throws a Refusal (409 for a move the lifecycle forbids, 400 for a missing reason or merge target).
 */
export function checkStatusChange(
  texts: Texts,
  code: string,
  from: ProposalStatusName,
  change: StatusChange,
): string | undefined {
  const moves = change.actor.type === "resident" ? TRANSITIONS[from] : nextStatuses(from);
  if (!moves.includes(change.to)) {
    const allowed = moves.join(", ") || texts("status_change.none_allowed");
    throw new Refusal(409, texts("status_change.not_allowed", { code, from, to: change.to, allowed }));
  }
  const reason = change.reason?.trim() || undefined;
  if (change.to === "DITOLAK" && !reason) throw new Refusal(400, texts("status_change.reason_required"));
  if (change.to === "DIGABUNG" && !change.mergeInto?.trim())
    throw new Refusal(400, texts("status_change.merge_target_required"));
  return reason;
}
