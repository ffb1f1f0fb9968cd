// Phase "attach": a photo for a proposal already stored. `FOTO kode` waits for photos and adds each; a photo sent
// right after a proposal was stored is kept aside and added when the resident says YA. Only the resident's own
// proposals: another resident's code is answered as an unknown one.
import { createHash } from "node:crypto";
import type { InboundMessage } from "../../messages/message.ts";
import type { TurnContext } from "../context.ts";
import { ownProposal } from "../menu.ts";
import { attachOptions, type Out } from "../out.ts";
import { common, MAX_PHOTOS, resumable, type ConversationState, type PhotoRef, type StateOf } from "../state.ts";
import { yesNo, type Input } from "./input.ts";

type Attaching = StateOf<"attach">;

/** The photo of a message, as the draft and the proposal keep it. */
export function photoRef(media: NonNullable<InboundMessage["media"]>): PhotoRef {
  return {
    sha256: createHash("sha256").update(media.data).digest("hex"),
    mimeType: media.mimeType,
    size: media.data.byteLength,
    ...(media.fileName ? { fileName: media.fileName } : {}),
  };
}

/** `FOTO kode`: waits for photos for the resident's own proposal; undefined (after saying why) otherwise. */
export async function askPhoto(
  from: ConversationState,
  code: string,
  ctx: TurnContext,
  out: Out,
): Promise<Attaching | undefined> {
  const t = ctx.texts;
  const p = await ownProposal(from, code, ctx);
  if (!p) {
    out.say(t("status.not_found", { code }));
    return undefined;
  }
  if ((p.photos ?? 0) >= MAX_PHOTOS) {
    out.say(t("photo.full", { code: p.code, max: MAX_PHOTOS }));
    return undefined;
  }
  out.say(t("photo.send_for", { code: p.code, title: p.title, max: MAX_PHOTOS }));
  return { ...common(from), phase: "attach", code: p.code, title: p.title, previous: resumable(from) };
}

/** A photo right after `code` was stored: kept aside and the resident asked whether it belongs to it. */
export function offerPhoto(
  from: StateOf<"idle">,
  code: string,
  media: NonNullable<InboundMessage["media"]>,
  ctx: TurnContext,
  out: Out,
): Attaching {
  const photo = photoRef(media);
  out.do({ type: "storePhoto", photo, data: media.data });
  out.say(ctx.texts("photo.attach_ask", { code }), attachOptions(ctx.texts));
  return { ...common(from), phase: "attach", code, title: "", photo, previous: from };
}

/** A photo while waiting after `FOTO kode`: added (up to MAX_PHOTOS); the phase keeps waiting for more. */
export async function receivePhoto(
  s: Attaching,
  media: NonNullable<InboundMessage["media"]>,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  return attach(s, photoRef(media), media.data, ctx, out);
}

/**
 * An answer in the attach phase: YA/TIDAK to a photo kept aside. Undefined when the message is no answer to it
 * (the caller hands it to the phase the resident came from).
 */
export async function attachStep(
  s: Attaching,
  input: Input,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState | undefined> {
  if (!s.photo) return undefined;
  const answer = yesNo(input.command);
  if (answer === "yes") {
    await attach(s, s.photo, undefined, ctx, out);
    return { ...s.previous, lastActivityAt: s.lastActivityAt };
  }
  if (answer === "no") {
    out.say(ctx.texts("photo.not_attached"));
    return { ...s.previous, lastActivityAt: s.lastActivityAt };
  }
  return undefined;
}

/** Adds `photo` to the proposal unless it is full; `data` when the bytes still have to be stored. */
async function attach(
  s: Attaching,
  photo: PhotoRef,
  data: Uint8Array | undefined,
  ctx: TurnContext,
  out: Out,
): Promise<Attaching> {
  const p = await ownProposal(s, s.code, ctx);
  if (!p || !s.residentId) {
    out.say(ctx.texts("status.not_found", { code: s.code }));
    return { ...s, photo: undefined };
  }
  if ((p.photos ?? 0) >= MAX_PHOTOS) {
    out.say(ctx.texts("photo.full", { code: p.code, max: MAX_PHOTOS }));
    return { ...s, photo: undefined };
  }
  if (data) out.do({ type: "storePhoto", photo, data });
  out.do({ type: "addPhoto", code: p.code, residentId: s.residentId, photo });
  out.say(ctx.texts("photo.added", { code: p.code }));
  return { ...s, title: s.title || p.title, photo: undefined };
}
