// The conversation states this host saved last, by chat. A turn starts by reading its chat's state JSON; when
// that text is exactly what this host wrote, the object it wrote is used instead of parsing and checking the
// JSON again (the schema check was about a tenth of a turn's CPU). Any other text — another copy of the bot
// wrote it, or the cache forgot it — is read as before. Tests: test/host/state-cache.test.ts.
import { readState, type ConversationState } from "../engine/state.ts";

/** Chats remembered at most (least recently used ones go first): about 2 KB each. */
const MAX_CHATS = 5000;

export class StateCache {
  private readonly states = new Map<string, { json: string; state: ConversationState }>();

  constructor(private readonly max = MAX_CHATS) {}

  /**
   * The state for `json`, read from the database for chat `key`. Forgets the entry: a turn may change the object,
   * and a turn that fails must not leave it behind.
   */
  take(key: string, json: string | undefined): ConversationState {
    const cached = this.states.get(key);
    this.states.delete(key);
    return cached && json !== undefined && cached.json === json ? cached.state : readState(json);
  }

  /** Remembers what a committed turn saved for chat `key` (null: the row was deleted). */
  put(key: string, json: string | null, state: ConversationState | null): void {
    if (json === null || state === null) return;
    this.states.set(key, { json, state });
    if (this.states.size > this.max) this.states.delete(this.states.keys().next().value!);
  }
}
