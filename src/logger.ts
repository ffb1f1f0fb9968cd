// One JSON logger (pino) for the whole process; children add context such as { channel: "telegram" }.
import { pino, type Logger } from "pino";

export type { Logger };

/** A logger at the given level, writing JSON lines to stdout. */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: { app: "musrenbang" } });
}
