import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChannelTexts } from "../../src/channels/texts.ts";
import { renderText } from "../../src/channels/render.ts";

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

describe("numbered options as text", () => {
  it("appends the options, once", () => {
    expect(
      renderText({
        text: "Setuju?",
        options: [
          { key: "1", label: "Setuju" },
          { key: "2", label: "Tidak setuju" },
        ],
      }),
    ).toBe("Setuju?\n\n1. Setuju\n2. Tidak setuju");
    expect(renderText({ text: "Pilih:\n1. Ya", options: [{ key: "1", label: "Ya" }] })).toBe("Pilih:\n1. Ya");
    expect(renderText({ text: "Halo" })).toBe("Halo");
  });
});
