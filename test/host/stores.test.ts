// A whole proposal through the host on each database (PostgreSQL when TEST_DATABASE_URL is set).
import { describe, expect, it } from "vitest";
import { verifyProposal } from "../../src/proposals/change-status.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { join } from "node:path";
import { createHost, randomIds } from "../../src/host/host.ts";
import { loadRegions } from "../../src/store/regions.ts";
import { openStore } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { testTmpDir } from "../support/paths.ts";
import { matcherFor, seed, startBot } from "./harness.ts";

const replyTexts = makeTexts(defaultIntentData().replies);

describe.each(storeCases())("host on $name", ({ name, open }) => {
  it("takes a resident from consent to a stored proposal and its status", async () => {
    const store = await open();
    await seed(store);
    const bot = await startBot({ store });
    try {
      const texts = [
        "halo",
        "1",
        "jalan lingkungan rt 3 rw 5 desa sukamaju rusak, minta dibangun rabat beton panjang 100 lebar 3",
      ];
      let last = await bot.send("u1", { text: texts[0] });
      for (const t of texts.slice(1)) last = await bot.send("u1", { text: t });
      const answers: Record<string, string> = {
        kamus: "1",
        volume: "100",
        beneficiaries: "80",
        photo: "lewati",
        name: "Ani",
        confirm: "ya",
      };
      for (let i = 0; i < 8 && !last.replies.some((r) => /Kode usulan/.test(r.text)); i++) {
        last = await bot.send("u1", { text: answers[last.expecting ?? ""] ?? "1" });
      }
      const code = /Kode usulan: (U26-\w{4})/.exec(last.replies.map((r) => r.text).join("\n"))?.[1];
      expect(code).toBeDefined();
      const p = await store.db.proposal.findUniqueOrThrow({ where: { code: code! }, include: { village: true } });
      expect(p).toMatchObject({ status: "DIAJUKAN", rt: "03", rw: "05", proposerName: "Ani", channel: "web" });
      expect(p.village.name).toBe("Sukamaju");
      const status = await bot.send("u1", { text: `status ${code}` });
      expect(status.replies[0]!.text).toMatch(/menunggu pemeriksaan petugas/);
      expect(await store.db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);
      await verifyProposal(
        { db: store.db, texts: replyTexts },
        { code: code!, actor: { type: "officer", id: "desa" } },
      );
      const notified = await bot.send("u1", { text: "menu" });
      expect(notified.replies[0]!.text).toMatch(/Kabar usulan/);
      // Its proposer sees the history, and adds a photo to the stored proposal.
      const history = await bot.send("u1", { text: `STATUS ${code}` });
      expect(history.replies[0]!.text).toMatch(/Riwayat:\n- .*: Diajukan\n- .*: Diajukan → Diperiksa petugas desa$/);
      expect((await bot.send("u1", { text: `foto ${code}` })).expecting).toBe("photo");
      const photo = { mimeType: "image/jpeg", data: new TextEncoder().encode("jalan berlubang") };
      const added = await bot.send("u1", { kind: "photo", media: photo });
      expect(added.replies[0]!.text).toMatch(/Foto sudah ditambahkan/);
      expect(await store.db.attachment.count({ where: { proposal: { code: code! } } })).toBe(1);
      const again = await bot.send("u1", { text: "status", messageId: "same" });
      expect(await bot.send("u1", { text: "status", messageId: "same" })).toEqual({
        replies: again.replies,
        expecting: again.expecting,
        duplicate: true,
      });
      const tg = await bot.host.handle({
        channel: "telegram",
        chatId: "9",
        messageId: "t1",
        kind: "text",
        text: "halo",
      });
      expect(tg.expecting).toBe("consent");
      expect(await store.db.outboxMessage.count({ where: { channel: "telegram", status: "PENDING" } })).toBe(1);
    } finally {
      await bot.close();
    }
  });

  // Two copies of the bot (each with its own connections) on one database; a resident's two quick messages
  // reach different copies. The per-conversation lock runs them one after the other, never on the same state.
  // (SQLite: two connections in one thread cannot wait for each other; its writers are serialised anyway.)
  it.runIf(name === "postgres")(
    "runs one chat's messages one at a time across two hosts on the same database",
    async () => {
      const store = await open();
      await seed(store);
      const other = openStore(store.url);
      const [matcher, regions] = [await matcherFor(store), await loadRegions(store.db)];
      const hosts = [store, other].map((s) =>
        createHost({ store: s, matcher, regions, ids: randomIds, dataDir: join(testTmpDir, "data") }),
      );
      try {
        const chats = Array.from({ length: 20 }, (_, i) => `pair-${i}`);
        const say = (h: number, chatId: string, text: string, messageId: string) =>
          hosts[h]!.handle({ channel: "web", chatId, messageId, kind: "text", text });
        await Promise.all(chats.map((c) => say(0, c, "halo", `${c}-1`)));
        // "1" twice at once: the first accepts the consent, the second answers the menu that follows it.
        const pairs = await Promise.all(
          chats.map((c) => Promise.all([say(0, c, "1", `${c}-2`), say(1, c, "1", `${c}-3`)])),
        );
        const apology = /gangguan/; // error.apology: "Mohon maaf, sedang ada gangguan ..."
        for (const pair of pairs) {
          const texts = pair.map((r) => r.replies.map((x) => x.text).join("\n"));
          for (const t of texts) expect(t).not.toMatch(apology);
          expect(texts[0]).not.toBe(texts[1]);
        }
        expect(await store.db.resident.count()).toBe(chats.length);
        expect(await store.db.channelIdentity.count()).toBe(chats.length);
        expect(await store.db.inboundMessage.count()).toBe(chats.length * 3);
      } finally {
        await Promise.all(hosts.map((h) => h.close()));
        await other.db.$disconnect();
        await store.db.$disconnect();
      }
    },
  );
});
