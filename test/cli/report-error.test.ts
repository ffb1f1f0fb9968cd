// What the CLI prints for a failure: one line that says what to fix, with a pointer to DEBUG=1 only when the
// failure is not the user's input.
import { afterEach, describe, expect, it, vi } from "vitest";
import { reportError } from "../../src/cli/report-error.ts";
import { ImportError } from "../../src/import/errors.ts";
import { Refusal } from "../../src/refusal.ts";

afterEach(() => vi.restoreAllMocks());

function printed(error: unknown, env: NodeJS.ProcessEnv = {}): { code: number; lines: unknown[][] } {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const code = reportError(error, env);
  const lines = [...spy.mock.calls];
  spy.mockRestore();
  return { code, lines };
}

describe("CLI error report", () => {
  it("prints a refusal as the one line the user needs", () => {
    expect(printed(new Refusal(400, '--top "x" must be a whole number from 1 to 50'))).toEqual({
      code: 1,
      lines: [['musrenbang: --top "x" must be a whole number from 1 to 50']],
    });
    const bad = new ImportError("kamus.csv", [{ line: 5, column: "nama", message: "name is empty" }]);
    expect(printed(bad).lines).toEqual([[`musrenbang: ${bad.message}`]]);
  });

  it("points at DEBUG=1 for a failure that is not the user's input, and prints the stack with it", () => {
    const failure = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    expect(printed(failure).lines).toEqual([
      ["musrenbang: connect ECONNREFUSED 127.0.0.1:5432 (run again with DEBUG=1 to see where it failed)"],
    ]);
    expect(printed(failure, { DEBUG: "1" }).lines).toEqual([
      ["musrenbang: connect ECONNREFUSED 127.0.0.1:5432"],
      [failure],
    ]);
  });
});
