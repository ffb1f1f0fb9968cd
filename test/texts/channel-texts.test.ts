import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChannelTexts } from "../../src/texts/channel-texts.ts";

describe("channel texts", () => {
  it("loads intents/channels.yaml", () => {
    expect(loadChannelTexts().group.usul_button).toBeTruthy();
  });

  it("names the file and the path of a mistake", () => {
    const dir = mkdtempSync(join(tmpdir(), "texts-"));
    const path = join(dir, "channels.yaml");
    writeFileSync(path, "commands: {}\n");
    expect(() => loadChannelTexts(path)).toThrow(/channels\.yaml: at commands\.start: /);
  });
});
