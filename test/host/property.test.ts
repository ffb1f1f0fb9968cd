// Random messages through the real host and SQLite: never a failed turn (the apology), always an answer.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, type Bot } from "./harness.ts";

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ rateLimit: { max: 100_000, windowMs: 60_000 } });
});
afterAll(() => bot.close());

const text = fc.oneof(
  fc.constantFrom(
    "halo",
    "1",
    "2",
    "ya",
    "tidak",
    "kembali",
    "batal",
    "menu",
    "status",
    "lewati",
    "ubah 2",
    "hapus data saya",
    "sukamaju",
    "jalan rusak di rt 1 rw 2 desa srimukti minta rabat beton panjang 20 lebar 2",
    "Ani",
    "50",
    "dukung U26-2345",
  ),
  fc.string({ maxLength: 80 }),
);

describe("host under random input", () => {
  it("answers every message without a failed turn", async () => {
    let chat = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 15 }), async (texts) => {
        const chatId = `prop-${++chat}`;
        for (const t of texts) {
          const r = await bot.send(chatId, { text: t });
          expect(r.replies.length).toBeGreaterThan(0);
          expect(r.replies.map((x) => x.text).join("\n")).not.toMatch(/gangguan di sistem/);
        }
      }),
      { numRuns: 40 },
    );
  });
});
