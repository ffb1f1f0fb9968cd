import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";

describe("configuration", () => {
  it("defaults to the SQLite file and port 3000", () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe("file:./data/musrenbang.db");
    expect(c.port).toBe(3000);
    expect(c.whatsapp.enabled).toBe(false);
  });

  it("names the variable and the accepted forms when a value is wrong", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL.*file:.*postgresql:\/\//);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ WHATSAPP_ENABLED: "ya" })).toThrow(/WHATSAPP_ENABLED/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "" }).telegram.token).toBeUndefined();
  });
});
