// A resident's proposal made in the chat, rejected by the village officer on the dashboard: the resident gets
// the notice on their channel and STATUS <code> in the chat then shows the new status with the reason.
import { afterEach, describe, expect, it } from "vitest";
import { addOfficer } from "../../src/store/officers.ts";
import { startBot, type Bot } from "../host/harness.ts";
import { answerFor, openingMessages } from "../support/chat-client.ts";
import { Client, password, testApp, testDeps } from "./fixture.ts";

let bot: Bot | undefined;
afterEach(async () => bot?.close());

const text = (r: { replies: { text: string }[] }) => r.replies.map((m) => m.text).join("\n");

describe("a decision on the dashboard reaches the resident's chat", () => {
  it("shows the rejection and its reason to STATUS <code> after the officer rejects on the dashboard", async () => {
    bot = await startBot();
    const chat = "6281234500001@c.us";
    let answer = { replies: [] as { text: string }[], expecting: null as string | null };
    for (const message of openingMessages(0)) answer = await bot.send(chat, { text: message });
    let code: string | undefined;
    for (let guard = 0; guard < 20 && !code; guard++) {
      code = /Kode usulan: (U\d\d-\w{4})/.exec(text(answer))?.[1];
      if (!code) answer = await bot.send(chat, { text: answerFor(answer.expecting) });
    }
    expect(code).toBeDefined();
    const p = await bot.store.db.proposal.findUniqueOrThrow({ where: { code: code! } });
    await addOfficer(bot.store.db, { username: "desa.x", role: "VILLAGE", regionCode: p.villageCode, password });
    const officer = new Client(testApp(testDeps(bot.store)).app);
    await officer.login("desa.x");
    const reason = "Sudah masuk rencana perbaikan dinas tahun ini";
    const res = await officer.post(`/dashboard/usulan/${code}/status`, { status: "DITOLAK", reason });
    expect(res.status).toBe(303);
    const notices = await bot.store.db.outboxMessage.findMany({ where: { chatId: chat } });
    expect(notices.map((n) => (JSON.parse(n.payload) as { text: string }).text).join("\n")).toContain(reason);
    const status = text(await bot.send(chat, { text: `STATUS ${code}` }));
    expect(status).toContain(`Usulan ${code}`);
    expect(status).toContain("tidak dapat dilanjutkan");
    expect(status).toContain(`Alasan: ${reason}`);
    expect(status).not.toContain("desa.x");
  });
});
