// Login and logout. Wrong passwords are counted per username and per address; the 6th wrong try within the
// window answers 429 with the time to try again (WIB). A right password starts a session (session.ts).
import type { Hono } from "hono";
import { checkOfficerLogin } from "../store/officers.ts";
import { clearLoginFailures, loginBlockedUntil, recordLoginFailure } from "../store/login-throttle.ts";
import { createSession, deleteSession } from "../store/officer-sessions.ts";
import type { DashboardDeps } from "./deps.ts";
import { base, type DashEnv } from "./env.ts";
import { Layout } from "./layout.tsx";
import { clearSessionCookie, clientAddress, sessionToken, setSessionCookie } from "./session.ts";

/** "10:15" in Western Indonesian Time, as officers read clocks. */
export function wibTime(at: Date): string {
  return at
    .toLocaleTimeString("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hour12: false })
    .replace(".", ":");
}

const LoginPage = (props: { username?: string; error?: string; note?: string }) => (
  <Layout
    title="Masuk"
    flash={props.error ? { kind: "error", text: props.error } : props.note ? { kind: "ok", text: props.note } : null}
  >
    <form class="card login" method="post" action={`${base}/login`}>
      <label>
        Nama pengguna
        <input name="username" autocomplete="username" required value={props.username ?? ""} />
      </label>
      <label>
        Kata sandi
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <button type="submit">Masuk</button>
    </form>
  </Layout>
);

export function mountLogin(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  const t = deps.texts;
  app.get("/login", (c) => c.html(<LoginPage note={c.req.query("keluar") === "1" ? t("logout.done") : undefined} />));
  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const username = typeof body.username === "string" ? body.username.trim().slice(0, 80) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 200) : "";
    if (!username || !password) return c.html(<LoginPage username={username} error={t("login.missing")} />, 400);
    const now = deps.now?.() ?? new Date();
    const address = clientAddress(c, deps.settings.trustProxy);
    const until = await loginBlockedUntil(db, username, address, deps.settings.throttle, now);
    if (until) {
      c.header("retry-after", String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
      return c.html(<LoginPage username={username} error={t("login.throttled", { time: wibTime(until) })} />, 429);
    }
    const officer = await checkOfficerLogin(db, username, password);
    if (!officer) {
      await recordLoginFailure(db, username, address, deps.settings.throttle, now);
      deps.logger.info({ address }, "dashboard login failed");
      return c.html(<LoginPage username={username} error={t("login.wrong")} />, 401);
    }
    await clearLoginFailures(db, username);
    const token = await createSession(db, officer.id, deps.settings.session, now);
    setSessionCookie(c, deps, token);
    return c.redirect(base, 303);
  });
  app.post("/keluar", async (c) => {
    const token = sessionToken(c);
    if (token) await deleteSession(db, token);
    clearSessionCookie(c);
    return c.redirect(`${base}/login?keluar=1`, 303);
  });
}
