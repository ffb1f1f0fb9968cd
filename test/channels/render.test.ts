import { describe, expect, it } from "vitest";
import { renderText } from "../../src/channels/render.ts";

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
