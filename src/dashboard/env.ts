// The Hono environment of the dashboard: every page after login knows its officer and their scope.
import type { Scope } from "../store/scope.ts";
import type { SessionOfficer } from "../store/officer-sessions.ts";

export interface DashEnv {
  Variables: {
    officer: SessionOfficer;
    scope: Scope;
  };
}

/** Where the dashboard is mounted; links are built from it. */
export const base = "/dashboard";
