// Moves between phases: starting a proposal, dropping a draft, stopping, offering to continue.
import { intakeState } from "../cycles/intake.ts";
import { shortTitle } from "../texts/short-title.ts";
import type { TurnContext } from "./context.ts";
import { advance } from "./advance.ts";
import { extractNeeds, meaningful } from "./extract.ts";
import { showMenu, unfinishedDraft } from "./menu.ts";
import { numbered, type Out } from "./out.ts";
import { common, type ConversationState, type Draft, type NextNeed, type StateOf } from "./state.ts";

/** The menu phase without a draft: a cancelled, stored or replaced proposal leaves nothing behind. */
export function toIdle(s: ConversationState): StateOf<"idle"> {
  return { ...common(s), phase: "idle" };
}

/**
 * Starts a proposal from `text` (whatever it already says fills the form) or from `seed` (a draft begun
 * elsewhere, e.g. the second need of the last proposal); checks the cycle window and the per-cycle limit.
 */
export async function startProposal(
  s: ConversationState,
  text: string,
  ctx: TurnContext,
  out: Out,
  options: { isProblem?: boolean; seed?: Partial<Draft> } = {},
): Promise<ConversationState> {
  const t = ctx.texts;
  // Outside the intake window the resident may still prepare the proposal: it is kept as a draft until it opens.
  await sayIntakeClosed(ctx, out, "start");
  if (await limitReached(s, ctx, out)) return toIdle(s);
  let draft: Draft = {
    startedAt: ctx.now.toISOString(),
    photos: [],
    proposerName: s.name,
    villageCode: s.prefillVillage,
    ...options.seed,
  };
  if (text && (meaningful(text) || options.isProblem)) {
    draft = extractNeeds(draft, text, ctx, options);
    sayLaterNeeds(draft, ctx, out);
  }
  if (draft.villageCode) {
    const v = ctx.regions.byCode(draft.villageCode);
    if (v) out.say(t("village.found", { village: v.name, district: v.districtName }));
  }
  return advance({ ...common(s), prefillVillage: undefined, draft, history: [] }, ctx, out);
}

/** "Kita mulai dengan: Jalan rusak. Setelah itu: lampunya mati." when a message named several needs. */
export function sayLaterNeeds(draft: Draft, ctx: TurnContext, out: Out): void {
  if (!draft.problem || !draft.laterNeeds?.length) return;
  out.say(
    ctx.texts("needs.first", { first: shortTitle(draft.problem), later: draft.laterNeeds.map(shortTitle).join("; ") }),
  );
}

/**
 * After a proposal is stored: the next need the resident named with it is offered, to start at once with the
 * desa, RT/RW and name already given.
 */
export function offerNextNeed(s: StateOf<"idle">, stored: Draft, ctx: TurnContext, out: Out): StateOf<"idle"> {
  const [problem, ...later] = stored.laterNeeds ?? [];
  if (!problem) return s;
  const t = ctx.texts;
  out.say(
    t("needs.offer_next", { need: shortTitle(problem) }),
    numbered([t("needs.option_start"), t("needs.option_not_now")]),
  );
  const { villageCode, rt, rw, proposerName } = stored;
  return { ...s, nextNeed: { problem, later, seed: { villageCode, rt, rw, proposerName } } };
}

/** The resident accepted the next need: a proposal starts from its words with what was already said. */
export function startNextNeed(
  s: StateOf<"idle">,
  next: NextNeed,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const seed: Partial<Draft> = Object.fromEntries(Object.entries(next.seed).filter(([, v]) => v !== undefined));
  if (next.later.length) seed.laterNeeds = next.later;
  return startProposal({ ...s, nextNeed: undefined }, next.problem, ctx, out, { isProblem: true, seed });
}

/** Says so and returns true when the resident already sent the most proposals a cycle allows. */
export async function limitReached(s: ConversationState, ctx: TurnContext, out: Out): Promise<boolean> {
  if (!s.residentId) return false;
  const since = new Date(Date.UTC(ctx.now.getUTCFullYear(), 0, 1));
  if ((await ctx.lookups.countProposalsSince(s.residentId, since)) < ctx.config.maxProposalsPerCycle) return false;
  out.say(ctx.texts("limit.reached", { max: ctx.config.maxProposalsPerCycle }));
  return true;
}

/** Back to the form of an unfinished draft (from the menu). */
export function continueDraft(
  s: ConversationState,
  ctx: TurnContext,
  out: Out,
): ConversationState | Promise<ConversationState> {
  const draft = unfinishedDraft(s);
  if (!draft) return showMenu(s, ctx, out);
  const history = s.phase === "form" || s.phase === "confirm" || s.phase === "support" ? s.history : [];
  return advance({ ...common(s), draft, history }, ctx, out);
}

/** The menu, led by "you have an unfinished proposal about ...". */
export function showResume(s: ConversationState, ctx: TurnContext, out: Out): ConversationState {
  const d = unfinishedDraft(s);
  const title = d?.problem ?? d?.activity ?? "-";
  return showMenu(s, ctx, out, ctx.texts("resume.ask", { title: shortTitle(title) }));
}

/** BERHENTI: the draft goes and no status news is sent until the resident writes again. */
export function stop(s: ConversationState, ctx: TurnContext, out: Out): ConversationState {
  out.say(ctx.texts("stop.done"));
  if (s.residentId && !s.optedOut) out.do({ type: "setOptOut", residentId: s.residentId, optedOut: true });
  return { ...toIdle(s), optedOut: true };
}

/** `DUKUNG kode` (or "yes" to a similar proposal): backs an existing proposal. */
export async function supportProposal(
  s: ConversationState,
  code: string,
  ctx: TurnContext,
  out: Out,
): Promise<boolean> {
  const t = ctx.texts;
  const p = await ctx.lookups.proposalByCode(code, s.residentId);
  if (!p) {
    out.say(t("support.not_found", { code }));
    return false;
  }
  if (p.proposerId && p.proposerId === s.residentId) out.say(t("support.own", { code }));
  else if (p.supportedByResident) out.say(t("support.already", { code }));
  else if (s.residentId) {
    out.do({ type: "addSupport", code, residentId: s.residentId });
    out.say(t("support.done", { code }));
  }
  return true;
}

/** Says when intake opens (or that it closed) if it is not open now; true when it is closed. */
export async function sayIntakeClosed(ctx: TurnContext, out: Out, when: "start" | "send"): Promise<boolean> {
  const intake = intakeState(await ctx.lookups.intakeWindow(ctx.now), ctx.now);
  if (intake.open) return false;
  const date = (d: Date) =>
    d.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" });
  const vars = { opens: date(intake.cycle.opensAt), closes: date(intake.cycle.closesAt) };
  out.say(ctx.texts(`cycle.${intake.reason}`, vars));
  out.say(ctx.texts(when === "start" ? "cycle.draft_allowed" : `cycle.draft_kept_${intake.reason}`, vars));
  return true;
}
