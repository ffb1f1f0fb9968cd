// Whatever a resident sends, in whatever order, a turn never throws, always answers, and leaves a valid state.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/messages/message.ts";
import { ConversationState } from "../../src/engine/state.ts";
import { turn } from "../../src/engine/turn.ts";
import { engineContext } from "./fixtures.ts";

const words = [
  "halo",
  "1",
  "2",
  "3",
  "4",
  "ya",
  "tidak",
  "batal",
  "kembali",
  "menu",
  "bantuan",
  "status",
  "status U26-ABCD",
  "lewati",
  "UBAH 3",
  "ubah 99",
  "hapus data saya",
  "berhenti",
  "/start",
  "/start desa_3216010001",
  "/usul jalan rusak",
  "dukung U26-2345",
  "sukamaju",
  "sukaraha",
  "tambelang",
  "jalan rusak di rt 3 rw 5 desa sukamaju, minta rabat beton panjang 100 lebar 3",
  "panjang 100 lebar 3",
  "200 m",
  "dua ratus meter",
  "5 titik",
  "150 KK",
  "Budi Santoso",
  "tidak ada yang cocok",
  "0",
  "-5",
  "1e309",
  "999999999999",
  "rt 999 rw 0",
  "😀",
  "\u0000",
  "   ",
  "",
  "DROP TABLE",
  '{"a":1}',
  "%_%",
  "ya".repeat(3000),
];

const text = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ minLength: 9000, maxLength: 12000 }),
  fc.array(fc.constantFrom(...words), { maxLength: 5 }).map((w) => w.join(" ")),
);

const message = fc.oneof(
  { weight: 8, arbitrary: text.map((t) => ({ kind: "text" as const, text: t })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("voice", "sticker", "other").map((kind) => ({ kind: kind })),
  },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ maxLength: 64 })
      .map((data) => ({ kind: "photo" as const, media: { mimeType: "image/jpeg", data } })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        latitude: fc.double({ min: -90, max: 90, noNaN: true }),
        longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      })
      .map((location) => ({ kind: "location" as const, location })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "photo" as const }) },
);

describe("engine under random and adversarial input", () => {
  it("never throws, always replies, always leaves a valid state", async () => {
    const ctx = await engineContext();
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 48 }),
        async (messages, hours) => {
          let state: unknown = undefined;
          let n = 0;
          for (const m of messages) {
            const inbound = { channel: "web", chatId: "p", messageId: `m${++n}`, ...m } as InboundMessage;
            const now = new Date(ctx.now.getTime() + n * hours * 600_000);
            const r = await turn(state, inbound, { ...ctx, now });
            expect(r.replies.length).toBeGreaterThan(0);
            for (const reply of r.replies) expect(reply.text.trim().length).toBeGreaterThan(0);
            expect(ConversationState.safeParse(r.state).success).toBe(true);
            ctx.lookups.apply(r.effects);
            state = JSON.parse(JSON.stringify(r.state));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("upgrades any stored value, even garbage, into a valid state", async () => {
    const ctx = await engineContext();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (stored) => {
        const r = await turn(stored, { channel: "web", chatId: "g", messageId: "1", kind: "text", text: "halo" }, ctx);
        expect(r.replies.length).toBeGreaterThan(0);
        expect(ConversationState.safeParse(r.state).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
