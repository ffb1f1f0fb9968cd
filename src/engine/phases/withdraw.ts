// Phase "withdraw": `TARIK kode` asks to confirm; YA withdraws the resident's own proposal (only while nobody has
// checked it: DIAJUKAN → DITARIK, src/proposals/lifecycle.ts), anything else keeps it. Either way the
// conversation returns to where it was.
import type { TurnContext } from "../context.ts";
import { ownProposal } from "../menu.ts";
import { withdrawOptions, type Out } from "../out.ts";
import { back, common, resumable, type ConversationState, type StateOf } from "../state.ts";
import type { ReplyKey } from "../../texts/reply-keys.ts";
import { yesNo, type Input } from "./input.ts";
import { reprompt } from "./reprompt.ts";

type Withdrawing = StateOf<"withdraw">;

/**
 * `TARIK kode`: asks to confirm when `code` is the resident's own proposal and may still be withdrawn; another
 * resident's code is answered as an unknown one. Without a code, says how. Returns undefined when nothing is asked.
 */
export async function askWithdraw(
  from: ConversationState,
  code: string | undefined,
  ctx: TurnContext,
  out: Out,
): Promise<Withdrawing | undefined> {
  const t = ctx.texts;
  if (!code) {
    const latest = from.residentId ? (await ctx.lookups.residentProposals(from.residentId))[0] : undefined;
    out.say(t("withdraw.how", { code: latest?.code ?? "U26-7K3Q" }));
    return undefined;
  }
  const p = await ownProposal(from, code, ctx);
  if (!p) {
    out.say(t("status.not_found", { code }));
    return undefined;
  }
  if (!p.withdrawable) {
    out.say(t("withdraw.not_allowed", { code: p.code, status: t(`status.${p.status}` as ReplyKey) }));
    return undefined;
  }
  out.say(t("withdraw.confirm", { code: p.code, title: p.title }), withdrawOptions(t));
  return { ...common(from), phase: "withdraw", code: p.code, title: p.title, previous: resumable(from) };
}

export async function withdrawStep(
  s: Withdrawing,
  input: Input,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const t = ctx.texts;
  if (yesNo(input.command) === "yes" && s.residentId) {
    // Asked again inside this turn's transaction: an officer may have checked it since the question.
    const p = await ownProposal(s, s.code, ctx);
    if (p?.withdrawable) {
      out.do({ type: "withdrawProposal", code: p.code, residentId: s.residentId });
      out.say(t("withdraw.done", { code: p.code }));
    } else if (p) out.say(t("withdraw.not_allowed", { code: p.code, status: t(`status.${p.status}` as ReplyKey) }));
    return reprompt(back(s), ctx, out);
  }
  out.say(t("withdraw.kept", { code: s.code }));
  return reprompt(back(s), ctx, out);
}
