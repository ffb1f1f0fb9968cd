// Applies a turn's effects inside its transaction. Matcher learning is returned as an after-commit
// action so the in-memory index never learns from a rolled-back turn.
import type { InboundMessage } from "../messages/message.ts";
import type { Effect } from "../engine/effects.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import type { Sql } from "../store/sql.ts";
import { writeAttachmentFile } from "../store/attachments.ts";
import {
  addProposalPhoto,
  addSupport,
  createProposal,
  storeLearnedPhrase,
  withdrawProposal,
} from "../store/proposal-write.ts";
import { anonymizeResident, forgetChat, registerResident, setOptedOut, setResidentName } from "../store/residents.ts";

export interface EffectEnv {
  tx: Sql;
  inbound: InboundMessage;
  now: Date;
  dataDir: string;
  matcher: KamusMatcher;
}

/** Applies every effect in order; returns actions to run after the commit. */
export async function applyEffects(effects: Effect[], env: EffectEnv): Promise<(() => void)[]> {
  const after: (() => void)[] = [];
  const { tx, inbound, now } = env;
  for (const e of effects) {
    switch (e.type) {
      case "registerResident":
        await registerResident(tx, e.residentId, inbound.channel, inbound.chatId, now);
        break;
      case "setName":
        await setResidentName(tx, e.residentId, e.name);
        break;
      case "storePhoto":
        // Content-addressed: a rolled-back turn leaves at most an unreferenced file.
        await writeAttachmentFile(env.dataDir, e.photo.sha256, e.photo.mimeType, e.data);
        break;
      case "learnPhrase": {
        if (!(await storeLearnedPhrase(tx, e.kode, e.phrase, now))) break;
        after.push(() => env.matcher.learn({ kode: e.kode, phrase: e.phrase }));
        break;
      }
      case "addSupport":
        await addSupport(tx, e.code, e.residentId, now, inbound.channel);
        break;
      case "addPhoto":
        await addProposalPhoto(tx, e.code, e.residentId, e.photo, now);
        break;
      case "withdrawProposal":
        await withdrawProposal(tx, e.code, e.residentId, now);
        break;
      case "eraseResident":
        await anonymizeResident(tx, e.residentId, now);
        break;
      case "setOptOut":
        await setOptedOut(tx, e.residentId, e.optedOut ? now : null);
        break;
      case "forgetChat":
        await forgetChat(tx, inbound);
        break;
      case "createProposal":
        await createProposal(tx, e.proposal);
        break;
    }
  }
  return after;
}
