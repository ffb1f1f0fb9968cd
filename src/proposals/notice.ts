// What the proposer reads when their proposal changes status; the words live in intents/replies.yaml
// (notify.*), this file only picks and fills them.
import type { ReplyKey } from "../texts/reply-keys.ts";
import { shortTitle } from "../texts/short-title.ts";
import type { Texts } from "../texts/reply-texts.ts";
import type { ProposalStatusName } from "./lifecycle.ts";

/** The facts a notice tells, e.g. `{ code: "U26-7K3Q", title: "Jalan rusak", to: "DITOLAK", reason: "..." }`. */
export interface StatusNotice {
  code: string;
  title: string;
  to: ProposalStatusName;
  reason?: string;
  /** For DIGABUNG: the code of the proposal it joined. */
  mergeInto?: string;
}

/** The words for the new status, e.g. "Mohon maaf, ... Alasannya: ...". An officer's note follows other moves. */
export function statusMessage(texts: Texts, notice: Pick<StatusNotice, "to" | "reason" | "mergeInto">): string {
  const { reason, to } = notice;
  let message = texts(`notify.${to}` as ReplyKey, {
    reason: reason ?? "-",
    target: notice.mergeInto?.toUpperCase() ?? "",
  });
  if (reason && to !== "DITOLAK") message += `\n${texts("notify.reason", { reason })}`;
  return message;
}

/** "Kabar usulan U26-7K3Q (Jalan rusak): message": how every notice about a proposal reaches its proposer. */
export function noticeText(texts: Texts, code: string, title: string, message: string): string {
  return texts("notify.status", { code, title: shortTitle(title), message });
}

/** "Kabar usulan U26-7K3Q (Jalan rusak): Mohon maaf, ... Alasannya: ...". */
export function statusNoticeText(texts: Texts, notice: StatusNotice): string {
  return noticeText(texts, notice.code, notice.title, statusMessage(texts, notice));
}
