// Who is talking on the web chat (issue #13): a resident's identity is a server-issued token, an id signed with
// the server's key, held by the /chat page in an HttpOnly cookie and by other clients as `userId`. Only a trusted
// integration (Authorization: Bearer CHAT_API_KEY) may name its own userId.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const VERSION = "v1";

/** Signs and checks web chat identities with one key (shared by every copy of the app through the database). */
export interface ChatIdentity {
  /** A new resident: a random id and its token, e.g. `{ id: "q3V…", token: "v1.q3V….Zk9…" }`. */
  issue(): { id: string; token: string };
  /** The id inside a token this server signed; null for anything else (a guessed or altered value). */
  verify(token: string): string | null;
}

function mac(key: Buffer, id: string): string {
  return createHmac("sha256", key).update(`chat-identity:${id}`).digest("base64url");
}

/** Compares two secrets in constant time (also when their lengths differ). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Example: `const identity = chatIdentity(await appSecret(db, "chat-identity"))`. */
export function chatIdentity(secret: string): ChatIdentity {
  const key = Buffer.from(secret, "utf8");
  return {
    issue() {
      const id = randomBytes(18).toString("base64url");
      return { id, token: `${VERSION}.${id}.${mac(key, id)}` };
    },
    verify(token) {
      const parts = token.split(".");
      if (parts.length !== 3 || parts[0] !== VERSION) return null;
      const [, id, sig] = parts as [string, string, string];
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null;
      return sameSecret(sig, mac(key, id)) ? id : null;
    },
  };
}
