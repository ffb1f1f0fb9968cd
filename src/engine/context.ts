// Everything a turn may consult besides the state and the message: injected, so a turn is deterministic.
import type { CycleWindow } from "../cycles/intake.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import type { IntentClassifier } from "../nlu/classifier.ts";
import type { RegionIndex } from "../regions/index.ts";
import type { Texts } from "../texts/reply-texts.ts";

/** A proposal as the conversation shows it, e.g. `{ "code": "U26-7K3Q", "status": "DIAJUKAN", "title": "Jalan rusak", ... }`. */
export interface ProposalBrief {
  code: string;
  status: string;
  title: string;
  villageName: string;
  rt?: string | null;
  rw?: string | null;
  address?: string | null;
  supporters: number;
  proposerId?: string | null;
  supportedByResident?: boolean;
  /** Photos it has. */
  photos?: number;
  /** The proposer may still withdraw it (TARIK): nobody has checked it yet. */
  withdrawable?: boolean;
}

/**
 * One status change of a proposal as its proposer may see it: when, from which status to which, the reason
 * given (never who made it), e.g. `{ "at": "2026-03-04T02:00:00Z", "from": "DIAJUKAN", "to": "DITOLAK", "reason": "Sudah dibangun" }`.
 */
export interface StatusEvent {
  at: Date;
  from: string | null;
  to: string;
  reason: string | null;
}

/** What a similar-proposal search gets: the draft's desa, entry and place. */
export interface SimilarQuery {
  villageCode: string;
  kamusKode: string;
  rt?: string;
  rw?: string;
  latitude?: number;
  longitude?: number;
  text: string;
  excludeResidentId: string;
}

/**
 * Read-only questions a turn may ask the database (answered inside the turn's transaction).
 * Tests can answer them from memory.
 */
export interface Lookups {
  countProposalsSince(residentId: string, since: Date): Promise<number>;
  residentProposals(residentId: string): Promise<ProposalBrief[]>;
  proposalByCode(code: string, residentId?: string): Promise<ProposalBrief | undefined>;
  /** The status changes of a proposal, oldest first. */
  statusHistory(code: string): Promise<StatusEvent[]>;
  findSimilar(query: SimilarQuery): Promise<ProposalBrief | undefined>;
  codeTaken(code: string): Promise<boolean>;
  /** The intake window that matters at `now` (src/cycles/intake.ts relevantCycle); no cycles: always open. */
  intakeWindow(now: Date): Promise<CycleWindow | undefined>;
}

/** Id sources, injected for determinism. */
export interface IdSource {
  /** A new Resident id. */
  residentId(): string;
  /** Four characters from the unambiguous alphabet (see code.ts); called again on a collision. */
  codeSuffix(): string;
}

export interface EngineConfig {
  /** Proposals one resident may submit per cycle (calendar year). */
  maxProposalsPerCycle: number;
  /** Longest message read; longer ones get a polite "please shorten". */
  maxMessageLength: number;
  /** After this long without a message, an unfinished draft is offered to continue or restart. */
  resumeAfterMs: number;
}

export const defaultEngineConfig: EngineConfig = {
  maxProposalsPerCycle: 10,
  maxMessageLength: 2000,
  resumeAfterMs: 6 * 60 * 60 * 1000,
};

/** The turn's context. */
export interface TurnContext {
  now: Date;
  ids: IdSource;
  matcher: KamusMatcher;
  regions: RegionIndex;
  classifier: IntentClassifier;
  texts: Texts;
  lookups: Lookups;
  config: EngineConfig;
}
