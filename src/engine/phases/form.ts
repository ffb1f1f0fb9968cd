// Phase "form": one question open at a time; the answer fills its slot (and whatever else it says).
import type { TurnContext } from "../context.ts";
import { advance, openQuestion } from "../advance.ts";
import { answerSlot } from "../answers.ts";
import { extractExtras } from "../extract.ts";
import { showResume } from "../flow.ts";
import type { Out } from "../out.ts";
import { sayQuestion } from "../questions.ts";
import { clearSlot, SUMMARY_ITEMS } from "../slots.ts";
import { common, type ConversationState, type FormState, type StateOf } from "../state.ts";
import { volumeStep } from "./form-volume.ts";
import type { Input } from "./input.ts";
import { reprompt } from "./reprompt.ts";

export async function formStep(s: FormState, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const { command, text } = input;
  if (command.kind === "back") return goBack(s, ctx, out);
  const slot = s.expecting;
  // A short greeting in the middle of the form: offer to continue rather than take it as an answer.
  if (
    slot !== "name" &&
    text.split(/\s+/).length <= 3 &&
    command.kind === "none" &&
    ctx.classifier.classify(text).intent === "greet"
  ) {
    return showResume(s, ctx, out);
  }
  // "UBAH 3" typed while a question is open (often after changing another item of the summary): change that
  // item, as on the summary; never read it as an answer ("ubah 3" is not a volume of 3).
  if (command.kind === "edit") return editItem(s, command.item, ctx, out);
  if (slot === "volume") {
    const handled = volumeStep(s, input, ctx, out);
    if (handled) return handled;
  }
  const before = out.replies.length;
  let answered = answerSlot(slot, text, command, s, ctx, out);
  // Several answers in one message ("RT 3 RW 2, 100 meter, 40 KK"): what the question did not ask is kept too.
  if (answered && (slot === "village" || slot === "location" || slot === "volume" || slot === "beneficiaries"))
    answered = {
      ...answered,
      draft: extractExtras(answered.draft, text, { size: slot === "village" || slot === "location" }),
    };
  // The desa question answered twice in a row with nothing it could use: the third time offers options.
  if (slot === "village" && !answered) {
    const misses = (s.villageMisses ?? 0) + 1;
    if (misses >= 2) {
      const choices = s.villageChoices?.length ? s.villageChoices : ctx.regions.closest(text, 5).map((v) => v.code);
      return openQuestion(
        { ...s, villageMisses: misses, villageChoices: choices, villageAsk: "closest" },
        slot,
        ctx,
        out,
        false,
      );
    }
    sayQuestion(slot, s, ctx, out);
    return { ...s, villageMisses: misses };
  }
  if (!answered) {
    const explained = out.replies.length > before;
    if (!explained || slot === "kamus" || slot === "village" || command.kind === "skip") sayQuestion(slot, s, ctx, out);
    return s;
  }
  if (slot === "village" && answered.villageChoices?.length) return openQuestion(answered, "village", ctx, out, false);
  if (slot === "kamus" && !answered.draft.kamusKode && !answered.draft.kamusNoMatch && answered.kamusChoices?.length)
    return openQuestion(answered, "kamus", ctx, out, false);
  return advance({ ...answered, villageChoices: undefined, kamusChoices: answered.kamusChoices }, ctx, out);
}

/**
 * `UBAH n` (on the summary or while a question is open): clears item n of the summary and asks for it again;
 * a number that is no item says so and repeats what was open.
 */
export function editItem(
  s: FormState | StateOf<"confirm">,
  item: number,
  ctx: TurnContext,
  out: Out,
): ConversationState | Promise<ConversationState> {
  const slot = SUMMARY_ITEMS[item - 1];
  if (!slot) {
    out.say(ctx.texts("confirm.bad_item", { max: SUMMARY_ITEMS.length }));
    return s.phase === "form" ? reprompt(s, ctx, out) : s;
  }
  return advance({ ...common(s), draft: clearSlot(s.draft, slot), history: s.history }, ctx, out);
}

/** `kembali`: clears the previous answer and asks it again. */
export function goBack(
  s: FormState | StateOf<"confirm">,
  ctx: TurnContext,
  out: Out,
): ConversationState | Promise<ConversationState> {
  const history = [...s.history];
  if (s.phase === "form" && history.at(-1) === s.expecting) history.pop();
  const previous = history.pop();
  if (!previous) {
    out.say(ctx.texts("back.none"));
    return reprompt(s, ctx, out);
  }
  return advance({ ...common(s), draft: clearSlot(s.draft, previous), history }, ctx, out);
}
