// The client's network address, for per-address limits: the socket's peer, or behind a reverse proxy that the
// operator trusts (TRUST_PROXY=1) the first address of X-Forwarded-For.
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** E.g. "203.0.113.7"; "unknown" when the server cannot tell (a request made in-process, as in tests). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
