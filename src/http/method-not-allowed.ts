// 405 for a known path asked with the wrong method (issue #13), with an Allow header; 404 stays for unknown paths.
import type { Context, Hono } from "hono";

/** Turns a Hono route path ("/usulan/:code", "/static/*") into a matcher for concrete paths. */
function pattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/** The methods the app answers on this path (middleware registered for every method does not count). */
export function allowedMethods(app: Hono, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    if (pattern(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** For app.notFound: 405 with Allow when the path exists for other methods, else null (a real 404). */
export function methodNotAllowed(app: Hono, c: Context): Response | null {
  const allowed = allowedMethods(app, c.req.path);
  if (allowed.length === 0) return null;
  return c.json(
    { error: `Metode ${c.req.method} tidak didukung di alamat ini. Gunakan ${allowed.join(" atau ")}.` },
    405,
    {
      Allow: allowed.join(", "),
    },
  );
}
