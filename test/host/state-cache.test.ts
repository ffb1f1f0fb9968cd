// A host reuses the conversation state it saved last instead of parsing it again, but only while the stored
// text is still its own: a turn handled by another copy of the bot in between is continued from, not undone.
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { createHost, type Host } from "../../src/host/host.ts";
import { testTmpDir } from "../support/paths.ts";
import { startBot, type Bot } from "./harness.ts";

let bot: Bot | undefined;
let other: Host | undefined;
afterEach(async () => {
  await other?.close();
  await bot?.close();
  bot = other = undefined;
});

it("continues from the state another copy of the bot saved, not from the one it remembers", async () => {
  bot = await startBot();
  other = createHost({
    store: bot.store,
    matcher: bot.matcher,
    regions: bot.regions,
    dataDir: join(testTmpDir, "data"),
  });
  const say = (host: Host, text: string, n: number) =>
    host.handle({ channel: "web", chatId: "warga-1", messageId: `sc-${n}`, kind: "text", text });

  const consent = await say(bot.host, "halo", 1);
  const agreed = await say(other, "1", 2); // the resident's next message reached the other copy
  expect(agreed.expecting).not.toEqual(consent.expecting);
  const problem = await say(bot.host, "desa sukamaju sering banjir, warga susah dievakuasi", 3);
  expect(problem.expecting).toBe("kamus"); // the consent is not asked again
  const again = await say(bot.host, "minta perahu karet", 4);
  expect(again.expecting).toBe("kamus");
});
