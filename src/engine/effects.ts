// What a turn asks the host to do in the same transaction as saving the state.
import type { Channel } from "../messages/message.ts";
import type { PhotoRef } from "./state.ts";

/** The resident consented: create the Resident and link this chat to it. */
export interface RegisterResident {
  type: "registerResident";
  residentId: string;
}
/** Remember the proposer name. */
export interface SetName {
  type: "setName";
  residentId: string;
  name: string;
}
/** Keep a photo's bytes (content-addressed, so doing it twice is harmless). */
export interface StorePhoto {
  type: "storePhoto";
  photo: PhotoRef;
  data: Uint8Array;
}
/** The resident's choice of a kamus entry for their words: the matcher learns it. */
export interface LearnPhrase {
  type: "learnPhrase";
  kode: string;
  phrase: string;
}
/** Back an existing proposal. */
export interface AddSupport {
  type: "addSupport";
  code: string;
  residentId: string;
}
/** TARIK: the proposer withdraws their own proposal (the store does it only while nobody has checked it). */
export interface WithdrawProposal {
  type: "withdrawProposal";
  code: string;
  residentId: string;
}
/** FOTO: link a stored photo (see StorePhoto) to the resident's own stored proposal. */
export interface AddPhoto {
  type: "addPhoto";
  code: string;
  residentId: string;
  photo: PhotoRef;
}
/** Anonymise the resident; proposals stay, without name. */
export interface EraseResident {
  type: "eraseResident";
  residentId: string;
}
/** "BERHENTI" (`optedOut: true`) or writing again afterwards (`false`): whether status news may be sent. */
export interface SetOptOut {
  type: "setOptOut";
  residentId: string;
  optedOut: boolean;
}

/**
 * The resident refused consent (or asked to erase before consenting): keep nothing of this chat but the record
 * of the message that refused (so a repeat of it gets the same answer) and the reply still to be delivered.
 */
export interface ForgetChat {
  type: "forgetChat";
}

/** Store a new proposal, e.g. `{ "type": "createProposal", "proposal": { "code": "U26-7K3Q", ... } }`. */
export interface CreateProposal {
  type: "createProposal";
  proposal: {
    code: string;
    residentId: string;
    proposerName?: string;
    channel: Channel;
    villageCode: string;
    rt?: string;
    rw?: string;
    address?: string;
    latitude?: number;
    longitude?: number;
    problem: string;
    activity?: string;
    kamusKode?: string;
    kamusNoMatch: boolean;
    volume?: number;
    unit?: string;
    estimatedCost?: number;
    beneficiaries?: number;
    photos: PhotoRef[];
    createdAt: Date;
  };
}

export type Effect =
  | RegisterResident
  | SetName
  | StorePhoto
  | LearnPhrase
  | AddSupport
  | WithdrawProposal
  | AddPhoto
  | EraseResident
  | SetOptOut
  | ForgetChat
  | CreateProposal;
