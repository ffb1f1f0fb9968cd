// Reads a password: the first line of stdin when it is piped, otherwise typed twice at a prompt without echo.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { Refusal } from "../refusal.ts";

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  // A muted output stream: readline would otherwise echo every key.
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    }),
  );
}

/** The new password, never echoed. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await ask("Password: ");
  const second = await ask("Password again: ");
  if (first !== second) throw new Refusal(400, "the two passwords differ: run the command again");
  return first;
}
