// kill -9 of the server in the middle of 200 residents writing proposals, then a restart on the same SQLite
// file: every proposal a resident was told the code of is stored once, and every resident who was in the
// middle of one carries on where they were (no second consent, no second proposal) and finishes it.
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/client.ts";
import { startApp } from "../support/app-process.ts";
import { answerFor, chatClient, openingMessages, proposalCode, type ChatAnswer } from "../support/chat-client.ts";
import { testTmpDir } from "../support/paths.ts";

const RESIDENTS = 200;

interface Resident {
  userId: string;
  /** Messages answered before the crash. */
  sent: number;
  code?: string;
  /** The message that got no answer because the server died: sent again, with its id, after the restart. */
  pending?: { text: string; messageId: string };
  last?: ChatAnswer;
}

describe("kill -9 during a load", () => {
  it("keeps every confirmed proposal once and lets unfinished conversations resume", async () => {
    const url = `file:${join(mkdtempSync(join(testTmpDir, "crash-")), "bot.db")}`;
    const env = { MAX_PROPOSALS_PER_CYCLE: "1000", RETENTION_DAYS: "0" };
    let app = await startApp(url, env);
    const client = chatClient(16);
    const residents: Resident[] = Array.from({ length: RESIDENTS }, (_, i) => ({ userId: `crash-${i}`, sent: 0 }));
    let answered = 0;
    let killed: Promise<void> | undefined;

    // One message; undefined when the server is gone (the message is remembered to be sent again).
    const say = async (r: Resident, text: string): Promise<ChatAnswer | undefined> => {
      const messageId = `${r.userId}-${r.sent + 1}`;
      try {
        const answer = await client.say(app.url, r.userId, text, messageId);
        r.sent++;
        r.last = answer;
        if (++answered === 700) killed = app.kill(); // about 40 % into the load
        return answer;
      } catch {
        r.pending = { text, messageId };
        return undefined;
      }
    };
    const run = async (r: Resident, i: number) => {
      for (const text of openingMessages(i)) if (!(await say(r, text))) return;
      for (let guard = 0; guard < 20 && r.last; guard++) {
        r.code = proposalCode(r.last);
        if (r.code) return;
        if (!(await say(r, answerFor(r.last.expecting)))) return;
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < RESIDENTS) {
          const i = next++;
          await run(residents[i]!, i);
        }
      }),
    );
    await killed;
    const confirmed = residents.filter((r) => r.code);
    const interrupted = residents.filter((r) => r.pending && r.sent > 0);
    expect(confirmed.length).toBeGreaterThan(10);
    expect(interrupted.length).toBeGreaterThan(0);

    app = await startApp(url, env);
    try {
      const store = openStore(url);
      const codes = confirmed.map((r) => r.code!);
      expect(await store.db.proposal.count({ where: { code: { in: codes } } })).toBe(codes.length);
      expect(await store.db.proposal.count()).toBeLessThanOrEqual(RESIDENTS);

      // Everyone who had started carries on from the message that got no answer.
      for (const r of residents.filter((x) => !x.code && x.sent > 0)) {
        let answer: ChatAnswer = r.pending
          ? await client.say(app.url, r.userId, r.pending.text, r.pending.messageId)
          : r.last!;
        for (let guard = 0; guard < 20 && !proposalCode(answer); guard++) {
          expect(answer.expecting, r.userId).not.toBe("consent");
          answer = await client.say(app.url, r.userId, answerFor(answer.expecting), `${r.userId}-after-${guard}`);
        }
        r.code = proposalCode(answer);
        expect(r.code, r.userId).toBeDefined();
      }
      const started = residents.filter((r) => r.sent > 0);
      // One proposal per resident who started, none twice.
      expect(await store.db.proposal.count()).toBe(started.length);
      expect(new Set(started.map((r) => r.code)).size).toBe(started.length);
      await store.db.$disconnect();
    } finally {
      client.close();
      await app.stop();
    }
  }, 300_000);
});
