// Phase "idle": the menu. Numbers pick a menu item; free words go to the intent classifier; a message
// that describes a need starts a proposal.
import type { TurnContext } from "../context.ts";
import { looksLikeProposal, meaningful } from "../extract.ts";
import { continueDraft, showResume, startNextNeed, startProposal, stop } from "../flow.ts";
import { menuChoices, showMenu, showStatus, unfinishedDraft } from "../menu.ts";
import type { Out } from "../out.ts";
import type { ConversationState, StateOf } from "../state.ts";
import { yesNo, type Input } from "./input.ts";

export async function idleStep(
  s: StateOf<"idle">,
  input: Input,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const t = ctx.texts;
  const { command, text } = input;
  if (s.nextNeed) {
    // "Usulkan juga lampunya mati?" after the last proposal was stored.
    const answer = yesNo(command);
    const next = s.nextNeed;
    s = { ...s, nextNeed: undefined };
    if (answer === "yes") return startNextNeed(s, next, ctx, out);
    if (answer === "no") {
      out.say(t("needs.not_now"));
      return s;
    }
    // Anything else: the offer lapses and the message is read as usual.
  }
  if (command.kind === "number") {
    const choice = menuChoices(s)[command.value - 1];
    if (choice === "continue") return continueDraft(s, ctx, out);
    if (choice === "new") return startProposal(s, "", ctx, out);
    if (choice === "status") {
      await showStatus(s, undefined, ctx, out);
      return s;
    }
    if (choice === "help") {
      out.say(t("help.text"));
      return s;
    }
    return showMenu(s, ctx, out);
  }
  if (command.kind === "yes" && s.draft) return continueDraft(s, ctx, out);
  if (command.kind !== "none") return showMenu(s, ctx, out);
  // "belum paham cara minta perbaikan jalan rusak di ...": a description of a need starts a proposal, even
  // with words that also occur in help requests or greetings; commands are short and explicit.
  if (looksLikeProposal(text, ctx)) return startProposal(s, text, ctx, out, { isProblem: true });
  const guess = ctx.classifier.classify(text);
  switch (guess.intent) {
    case "greet":
      return unfinishedDraft(s) ? showResume(s, ctx, out) : showMenu(s, ctx, out);
    case "status":
      await showStatus(s, undefined, ctx, out);
      return s;
    case "help":
      out.say(t("help.text"));
      return s;
    case "thanks":
      out.say(t("thanks.reply"));
      return s;
    case "stop":
      return stop(s, ctx, out);
    case "new_proposal":
      return startProposal(s, text, ctx, out);
  }
  // One word the kamus knows ("banjir", "longsor") is a proposal too.
  if (meaningful(text) || ctx.matcher.match(text, { top: 1 }).matches.length > 0)
    return startProposal(s, text, ctx, out, { isProblem: true });
  out.say(t("fallback.unknown"));
  return showMenu(s, ctx, out);
}
