// The host's promises: one turn per message id, one turn at a time per conversation, nothing saved by a
// turn that throws (and an apology instead of silence), rate limit, outbox rows per channel.
import { afterEach, describe, expect, it } from "vitest";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import { readState } from "../../src/engine/state.ts";
import { verifyProposal, agreeProposal } from "../../src/proposals/change-status.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { startBot, type Bot } from "./harness.ts";

const texts = makeTexts(defaultIntentData().replies);

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function consented(b: Bot, chatId: string) {
  await b.send(chatId, { text: "halo" });
  await b.send(chatId, { text: "1" });
}

describe("host", () => {
  it("runs one turn for a message id delivered twice and answers the repeat with the same replies", async () => {
    bot = await startBot();
    const first = await bot.send("u1", { text: "halo", messageId: "same" });
    const again = await bot.send("u1", { text: "halo", messageId: "same" });
    expect(first.replies.length).toBeGreaterThan(0);
    expect(again).toMatchObject({ replies: first.replies, duplicate: true, expecting: "consent" });
    expect(await bot.store.db.inboundMessage.count()).toBe(1);
    // The repeat put nothing new in the outbox.
    expect(await bot.store.db.outboxMessage.count()).toBe(first.replies.length);
  });

  it("keeps message ids apart per chat: two residents may use the same id", async () => {
    bot = await startBot();
    const a = await bot.send("u1", { channel: "telegram", text: "halo", messageId: "7" });
    const b = await bot.send("u2", { channel: "telegram", text: "halo", messageId: "7" });
    expect(a.duplicate).toBeUndefined();
    expect(b.duplicate).toBeUndefined();
    expect(b.replies.map((r) => r.chatId)).toEqual(a.replies.map(() => "u2"));
    expect(await bot.store.db.conversation.count()).toBe(2);
  });

  it("keeps one consistent state when 50 messages of one resident arrive at once", async () => {
    bot = await startBot({ rateLimit: { max: 1000, windowMs: 60_000 } });
    await consented(bot, "u1"); // consent goes straight to the desa question
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bot!.send("u1", { text: i % 2 ? "sukamaju" : "kembali" })),
    );
    for (const r of results) expect(r.replies.length).toBeGreaterThan(0);
    expect(await bot.store.db.inboundMessage.count()).toBe(52);
    const row = await bot.store.db.conversation.findUniqueOrThrow({
      where: { channel_chatId: { channel: "web", chatId: "u1" } },
    });
    const state = readState(row.state);
    // The last message was "sukamaju": the desa is set and the problem is asked.
    expect(state).toMatchObject({ phase: "form", expecting: "problem" });
    expect(bot.regions.byCode(state.phase === "form" ? (state.draft.villageCode ?? "") : "")?.name).toBe("Sukamaju");
    // Every reply went into the outbox, in order.
    expect(await bot.store.db.outboxMessage.count()).toBe(results.reduce((n, r) => n + r.replies.length, 0) + 3);
  });

  it("saves nothing when a turn throws and answers with an apology", async () => {
    const base = await startBot();
    const failing: KamusMatcher = {
      match: (text, o) => {
        if (text.includes("meledak")) throw new Error("matcher exploded");
        return base.matcher.match(text, o);
      },
      learn: (p) => base.matcher.learn(p),
      entry: (k) => base.matcher.entry(k),
      size: base.matcher.size,
    };
    await base.host.close();
    bot = await startBot({ store: base.store, matcher: failing });
    await consented(bot, "u1");
    const before = await bot.store.db.conversation.findFirstOrThrow();
    const inboundBefore = await bot.store.db.inboundMessage.count();
    const r = await bot.send("u1", { text: "jalan meledak di desa sukamaju minta diperbaiki" });
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.text).toMatch(/Mohon maaf, sedang ada gangguan/);
    expect(r.expecting).toBeNull();
    const after = await bot.store.db.conversation.findFirstOrThrow();
    expect(after.state).toBe(before.state);
    expect(await bot.store.db.inboundMessage.count()).toBe(inboundBefore);
  });

  it("puts telegram replies in the outbox as PENDING and web replies as SENT", async () => {
    bot = await startBot();
    await bot.send("u1", { text: "halo" });
    await bot.host.handle({ channel: "telegram", chatId: "777", messageId: "t1", kind: "text", text: "halo" });
    const rows = await bot.store.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ["web", "SENT"],
      ["telegram", "PENDING"],
    ]);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({
      channel: "telegram",
      chatId: "777",
      options: [{ key: "1" }, { key: "2" }],
    });
  });

  it("limits messages per resident with one polite notice per window", async () => {
    bot = await startBot({ rateLimit: { max: 3, windowMs: 60_000 } });
    const tg = (i: number) =>
      bot!.host.handle({ channel: "telegram", chatId: "9", messageId: `r${i}`, kind: "text", text: "halo" });
    for (let i = 0; i < 3; i++) await tg(i);
    const notice = await tg(3);
    expect(notice.replies[0]!.text).toMatch(/terlalu banyak/);
    expect((await tg(4)).replies).toEqual([]);
    bot.clock.advance(61_000);
    expect((await tg(5)).replies[0]!.text).toMatch(/setuju/);
  });

  it("stores nothing personal before consent", async () => {
    bot = await startBot();
    await bot.send("u1", { text: "nama saya Budi, jalan di RT 3 rusak" });
    await bot.send("u1", { text: "tidak" });
    expect(await bot.store.db.resident.count()).toBe(0);
    expect(await bot.store.db.conversation.count()).toBe(0);
  });
});

describe("host effects", () => {
  it("stores the photo on disk, links it to the proposal and learns the resident's wording", async () => {
    bot = await startBot();
    await consented(bot, "u1");
    await bot.send("u1", {
      text: "jalan lingkungan rt 1 rw 2 desa sukamaju rusak, minta dibangun rabat beton panjang 50 lebar 2",
    });
    const offered = await bot.send("u1", { text: "1" });
    expect(offered.expecting).toBe("beneficiaries");
    await bot.send("u1", { text: "40" });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const photo = await bot.send("u1", { kind: "photo", media: { mimeType: "image/jpeg", data: jpeg } });
    expect(photo.replies[0]!.text).toMatch(/Foto diterima/);
    await bot.send("u1", { text: "Ani" });
    const done = await bot.send("u1", { text: "ya" });
    const code = /Kode usulan: (U26-\w{4})/.exec(done.replies[0]!.text)![1]!;
    const p = await bot.store.db.proposal.findUniqueOrThrow({
      where: { code },
      include: { attachments: true, kamusEntry: true },
    });
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]).toMatchObject({ mimeType: "image/jpeg", size: 6 });
    const learned = await bot.store.db.learnedPhrase.findMany({ include: { kamusEntry: true } });
    expect(learned).toHaveLength(1);
    expect(learned[0]!.kamusEntry.kode).toBe(p.kamusEntry!.kode);
    expect(learned[0]!.source).toBe("resident");
  });

  it("remembers the proposer name for the next proposal", async () => {
    bot = await startBot();
    await consented(bot, "u1");
    const first = [
      "jalan rt 1 rw 2 desa sukamaju rusak, minta dibangun rabat beton panjang 50 lebar 2",
      "1",
      "40",
      "lewati",
      "Ani",
      "ya",
    ];
    for (const t of first) await bot.send("u1", { text: t });
    await bot.send("u1", { text: "menu" });
    await bot.send("u1", { text: "1" });
    let last = await bot.send("u1", {
      text: "saluran air di rt 4 rw 2 desa srimukti mampet, minta normalisasi saluran",
    });
    const answers: Record<string, string> = { kamus: "1", volume: "10", beneficiaries: "40", photo: "lewati" };
    for (let i = 0; i < 6 && last.expecting !== "confirm"; i++) {
      expect(last.expecting).not.toBe("name");
      last = await bot.send("u1", { text: answers[last.expecting ?? ""] ?? "1" });
    }
    expect(last.expecting).toBe("confirm");
    expect(last.replies.at(-1)!.text).toMatch(/Nama pengusul: Ani/);
  });
});

/** A consented web resident sends a whole proposal; returns its code. */
async function submitProposal(b: Bot, chatId: string): Promise<string> {
  await consented(b, chatId);
  let last = await b.send(chatId, {
    text: "jalan lingkungan rt 1 rw 2 desa sukamaju rusak, minta dibangun rabat beton panjang 50 lebar 2",
  });
  const answers: Record<string, string> = {
    kamus: "1",
    volume: "100",
    beneficiaries: "40",
    photo: "lewati",
    name: "Ani",
    confirm: "ya",
  };
  for (let i = 0; i < 8 && !last.replies.some((r) => /Kode usulan/.test(r.text)); i++) {
    last = await b.send(chatId, { text: answers[last.expecting ?? ""] ?? "1" });
  }
  return /Kode usulan: (U26-\w{4})/.exec(last.replies.map((r) => r.text).join("\n"))![1]!;
}

describe("status notifications", () => {
  it("hands a status change to a web resident with their next reply", async () => {
    bot = await startBot();
    const code = await submitProposal(bot, "w1");
    await verifyProposal({ db: bot.store.db, texts }, { code, actor: { type: "officer", id: "desa" } });
    const next = await bot.send("w1", { text: "menu" });
    expect(next.replies[0]!.text).toMatch(new RegExp(`Kabar usulan ${code}[\\s\\S]*sudah diperiksa petugas desa`));
    expect(next.replies[1]!.text).toMatch(/Silakan pilih/);
    expect(await bot.store.db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("sends no status news after BERHENTI, and sends it again once the resident writes", async () => {
    bot = await startBot();
    const code = await submitProposal(bot, "w1");
    const stopped = await bot.send("w1", { text: "BERHENTI" });
    expect(stopped.replies[0]!.text).toMatch(/tidak akan mengirim kabar usulan lagi sampai Bapak\/Ibu menulis kembali/);

    await verifyProposal({ db: bot.store.db, texts }, { code, actor: { type: "officer", id: "desa" } });
    expect(await bot.store.db.outboxMessage.count({ where: { payload: { contains: `Kabar usulan ${code}` } } })).toBe(
      0,
    );
    expect(await bot.store.db.proposalEvent.count({ where: { toStatus: "DIVERIFIKASI" } })).toBe(1);
    const back = await bot.send("w1", { text: "menu" });
    expect(back.replies.map((r) => r.text).join("\n")).not.toMatch(/Kabar usulan/);

    await agreeProposal({ db: bot.store.db, texts }, { code, actor: { type: "officer", id: "desa" } });
    const next = await bot.send("w1", { text: "menu" });
    expect(next.replies[0]!.text).toMatch(new RegExp(`Kabar usulan ${code}[\\s\\S]*disepakati`));
  });
});

describe("cycle window", () => {
  it("outside the window says when intake opens, keeps the prepared proposal as a draft and sends it once open", async () => {
    bot = await startBot();
    // The clock says 2 March 2026: the 2026 window closed, the 2027 one opens on 4 January.
    await bot.store.db.cycle.create({
      data: { year: 2026, opensAt: new Date("2026-01-05T00:00:00Z"), closesAt: new Date("2026-02-28T16:59:59Z") },
    });
    await bot.store.db.cycle.create({
      data: { year: 2027, opensAt: new Date("2027-01-03T17:00:00Z"), closesAt: new Date("2027-02-28T16:59:59Z") },
    });
    // The proposal comes before consent; agreeing goes on with it and says when intake opens.
    await bot.send("u1", { text: "halo" });
    await bot.send("u1", {
      text: "jalan rusak di rt 1 rw 1 desa srimukti, minta dibangun rabat beton panjang 50 lebar 2",
    });
    const start = await bot.send("u1", { text: "1" });
    const said = start.replies.map((r) => r.text).join("\n");
    expect(said).toMatch(/dibuka pada 4 Januari 2027/);
    expect(said).toMatch(/draf/);
    for (const text of ["1", "20", "lewati", "Dewi"]) await bot.send("u1", { text });
    const early = await bot.send("u1", { text: "ya" });
    expect(early.replies.map((r) => r.text).join("\n")).toMatch(/simpan sebagai draf[\s\S]*4 Januari 2027/);
    expect(await bot.store.db.proposal.count()).toBe(0);

    bot.clock.time = Date.parse("2027-01-05T02:00:00Z");
    const later = await bot.send("u1", { text: "ya" });
    expect(later.replies.map((r) => r.text).join("\n")).toMatch(/Kode usulan/);
    const stored = await bot.store.db.proposal.findFirstOrThrow({ include: { cycle: true } });
    expect(stored.cycle?.year).toBe(2027);
  });

  it("accepts proposals inside the window without a word about it", async () => {
    bot = await startBot();
    await bot.store.db.cycle.create({
      data: { year: 2026, opensAt: new Date("2026-01-05T00:00:00Z"), closesAt: new Date("2026-03-31T16:59:59Z") },
    });
    await consented(bot, "u1");
    const open = await bot.send("u1", { text: "1" });
    expect(open.expecting).toBe("village");
    expect(open.replies.map((r) => r.text).join("\n")).not.toMatch(/draf|dibuka pada|ditutup/);
  });
});
