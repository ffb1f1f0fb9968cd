// The main menu, help and status answers.
import type { ProposalBrief, StatusEvent, TurnContext } from "./context.ts";
import { numbered, type Out } from "./out.ts";
import { common, type ConversationState, type Draft, type StateOf } from "./state.ts";
import type { ReplyKey } from "../texts/reply-keys.ts";

/** The unfinished proposal of a state, if it has one (the menu offers to continue it). */
export function unfinishedDraft(state: ConversationState): Draft | undefined {
  switch (state.phase) {
    case "idle":
    case "form":
    case "confirm":
    case "support":
      return state.draft;
    case "erase":
    case "withdraw":
    case "attach":
      return unfinishedDraft(state.previous);
    default:
      return undefined;
  }
}

/** Menu choices: with an unfinished draft, "continue" comes first. */
export function menuChoices(state: ConversationState): ("continue" | "new" | "status" | "help")[] {
  return unfinishedDraft(state) ? ["continue", "new", "status", "help"] : ["new", "status", "help"];
}

/** Shows the menu (optionally under a lead text) and returns the idle state, keeping an unfinished draft. */
export function showMenu(state: ConversationState, ctx: TurnContext, out: Out, lead?: string): StateOf<"idle"> {
  const labels = menuChoices(state).map((c) => ctx.texts(`menu.${c}` as ReplyKey));
  out.say(lead ? `${lead}\n${ctx.texts("menu.title")}` : ctx.texts("menu.title"), numbered(labels));
  return { ...common(state), phase: "idle", draft: unfinishedDraft(state) };
}

/** The resident's own proposal with this code; another resident's code is treated as unknown. */
export async function ownProposal(
  state: ConversationState,
  code: string,
  ctx: TurnContext,
): Promise<ProposalBrief | undefined> {
  if (!state.residentId) return undefined;
  const p = await ctx.lookups.proposalByCode(code, state.residentId);
  return p && p.proposerId === state.residentId ? p : undefined;
}

/** "Riwayat:" and one line per status change, e.g. "- 4 Mar 2026 09.00: Diajukan → Tidak dilanjutkan. Alasan: ...". */
function historyLines(events: StatusEvent[], ctx: TurnContext): string[] {
  if (!events.length) return [];
  const t = ctx.texts;
  const step = (s: string) => t(`step.${s}` as ReplyKey);
  const lines = events.map((e) => {
    const date = e.at.toLocaleString("id-ID", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Jakarta",
    });
    const line = e.from
      ? t("history.item", { date, from: step(e.from), to: step(e.to) })
      : t("history.first", { date, to: step(e.to) });
    return e.reason ? `${line}. ${t("history.reason", { reason: e.reason })}` : line;
  });
  return ["", t("history.title"), ...lines];
}

/** `status` and `status KODE`. */
export async function showStatus(
  state: ConversationState,
  code: string | undefined,
  ctx: TurnContext,
  out: Out,
): Promise<void> {
  const t = ctx.texts;
  const label = (status: string) => t(`status.${status}` as ReplyKey);
  if (code) {
    const p = await ctx.lookups.proposalByCode(code, state.residentId);
    if (!p) {
      out.say(t("status.not_found", { code }));
      return;
    }
    const detail = t("status.detail", {
      code: p.code,
      title: p.title,
      village: p.villageName,
      status: label(p.status),
      supporters: p.supporters,
    });
    // Its history only to the one who proposed it.
    const own = p.proposerId != null && p.proposerId === state.residentId;
    const history = own ? historyLines(await ctx.lookups.statusHistory(p.code), ctx) : [];
    out.say([detail, ...history].join("\n"));
    return;
  }
  const list = state.residentId ? await ctx.lookups.residentProposals(state.residentId) : [];
  if (list.length === 0) {
    out.say(t("status.none"));
    return;
  }
  const lines = [
    t("status.list_title"),
    ...list.map((p) => t("status.item", { code: p.code, title: p.title, status: label(p.status) })),
  ];
  lines.push("", t("status.hint", { code: list[0]!.code }));
  out.say(lines.join("\n"));
}
