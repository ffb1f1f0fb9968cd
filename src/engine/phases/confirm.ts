// Phase "confirm": the summary is shown; YA stores the proposal, UBAH n changes an item, KEMBALI goes back.
import type { TurnContext } from "../context.ts";
import { newProposalCode } from "../code.ts";
import { limitReached, offerNextNeed, sayIntakeClosed, toIdle } from "../flow.ts";
import { confirmOptions, type Out } from "../out.ts";
import type { ConversationState, StateOf } from "../state.ts";
import { estimatedCost } from "../summary.ts";
import { editItem, goBack } from "./form.ts";
import type { Input } from "./input.ts";

type Confirming = StateOf<"confirm">;

export async function confirmStep(s: Confirming, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const { command } = input;
  if (command.kind === "yes") return submitProposal(s, input, ctx, out);
  if (command.kind === "back") return goBack(s, ctx, out);
  if (command.kind === "edit") return editItem(s, command.item, ctx, out);
  out.say(ctx.texts("confirm.prompt"), confirmOptions(ctx.texts));
  return s;
}

/** YA on the summary: the proposal is stored (with its photos) and gets its code. */
async function submitProposal(s: Confirming, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const d = s.draft;
  if (!s.residentId || !d.villageCode || !d.problem) return s; // a confirm state always has them (see slots.ts)
  if (await sayIntakeClosed(ctx, out, "send")) return s;
  if (await limitReached(s, ctx, out)) return toIdle(s);
  const code = await newProposalCode(ctx.now, ctx.ids, ctx.lookups);
  // A name given in the first message ("Saya Siti dari ...") is remembered as an answered one is.
  const name = d.proposerName && d.proposerName !== s.name ? d.proposerName : undefined;
  if (name) out.do({ type: "setName", residentId: s.residentId, name });
  out.do({
    type: "createProposal",
    proposal: {
      code,
      residentId: s.residentId,
      proposerName: d.proposerName,
      channel: input.channel,
      villageCode: d.villageCode,
      rt: d.rt,
      rw: d.rw,
      address: d.address,
      latitude: d.latitude,
      longitude: d.longitude,
      problem: d.problem,
      activity: d.activity,
      kamusKode: d.kamusKode,
      kamusNoMatch: !d.kamusKode,
      volume: d.volume,
      unit: d.unit,
      estimatedCost: estimatedCost(d, ctx),
      beneficiaries: d.beneficiaries ?? undefined,
      photos: d.photos,
      createdAt: ctx.now,
    },
  });
  out.say(ctx.texts("stored", { code }));
  return offerNextNeed({ ...toIdle(s), ...(name ? { name } : {}), justStored: code }, d, ctx, out);
}
