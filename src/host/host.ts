// The host runs turns: one conversation at a time, each turn in one transaction (inbound recorded
// idempotently, state saved, effects applied, replies put in the outbox). A turn that throws saves
// nothing and the resident gets an apology.
import { randomInt, randomUUID } from "node:crypto";
import type { InboundMessage, OutboundMessage } from "../messages/message.ts";
import { cleanInbound, cleanText, hasControl } from "../messages/clean.ts";
import { randomCodeSuffix } from "../engine/code.ts";
import { defaultEngineConfig, type EngineConfig, type IdSource, type TurnContext } from "../engine/context.ts";
import { readState, type ConversationState } from "../engine/state.ts";
import { makeTexts, type Texts } from "../texts/reply-texts.ts";
import { turn } from "../engine/turn.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import { trainClassifier, type IntentClassifier } from "../nlu/classifier.ts";
import { defaultIntentData, type IntentData } from "../nlu/files.ts";
import type { RegionIndex } from "../regions/index.ts";
import type { Store } from "../store/client.ts";
import { finishTurn, startTurn, takePendingWeb } from "../store/turn-writes.ts";
import { storedAnswer } from "../store/conversations.ts";
import { openSql, type SqlPool } from "../store/sql.ts";
import { enqueue } from "../store/outbox.ts";
import { proposalLookups } from "../store/proposal-write.ts";
import { applyEffects } from "./effects.ts";
import { expectingOf, type Expecting } from "./expecting.ts";
import { defaultRateLimit, ResidentRateLimiter, type RateLimitConfig } from "./rate-limit.ts";
import { SerialQueue } from "./serial.ts";
import { StateCache } from "./state-cache.ts";

/** What `handle` answers: the replies (already in the outbox) and what input fits next. */
export interface HandleResult {
  replies: OutboundMessage[];
  expecting: Expecting;
  /** True when this message id was seen before and no turn ran. */
  duplicate?: boolean;
}

export interface HostOptions {
  store: Store;
  matcher: KamusMatcher;
  regions: RegionIndex;
  /** Default: the project's intents/ folder. */
  intents?: IntentData;
  clock?: () => Date;
  ids?: IdSource;
  /** Where photos are written (DATA_DIR). */
  dataDir?: string;
  maxProposalsPerCycle?: number;
  engine?: Partial<EngineConfig>;
  rateLimit?: RateLimitConfig;
  /** Errors of failed turns go here (pino-compatible). */
  logger?: { error(obj: object, msg: string): void };
}

export interface Host {
  handle(inbound: InboundMessage): Promise<HandleResult>;
  /** Web chat: the news queued for this chat outside a turn (status changes), handed over once. */
  pendingWeb(chatId: string): Promise<OutboundMessage[]>;
  /** Swap the region index after an import. */
  setRegions(regions: RegionIndex): void;
  /** Swap the kamus matcher after an import or a change of learned phrases; running turns keep theirs. */
  setMatcher(matcher: KamusMatcher): void;
  /** Waits for running turns and closes the host's own database connection. */
  close(): Promise<void>;
}

/** A stored answer (finishTurn's JSON) as `handle` returns it. */
function readAnswer(json: string): HandleResult {
  const a = JSON.parse(json) as HandleResult;
  return { replies: a.replies, expecting: a.expecting };
}

const classifiers = new WeakMap<IntentData, IntentClassifier>();

/** Trains (once per intent data) the classifier. */
function classifierFor(data: IntentData): IntentClassifier {
  let c = classifiers.get(data);
  if (!c) {
    c = trainClassifier(data);
    classifiers.set(data, c);
  }
  return c;
}

/** Random ids for production. */
export const randomIds: IdSource = {
  residentId: () => randomUUID(),
  codeSuffix: () => randomCodeSuffix(() => randomInt(0, 1 << 30) / (1 << 30)),
};

/**
 * Creates the host. Example:
 * `const host = createHost({ store, matcher, regions: await loadRegions(store.db), maxProposalsPerCycle: 10 })`.
 */
export function createHost(options: HostOptions): Host {
  const { store } = options;
  const intents = options.intents ?? defaultIntentData();
  const texts: Texts = makeTexts(intents.replies);
  const classifier = classifierFor(intents);
  const clock = options.clock ?? (() => new Date());
  const ids = options.ids ?? randomIds;
  const config: EngineConfig = {
    ...defaultEngineConfig,
    ...(options.maxProposalsPerCycle ? { maxProposalsPerCycle: options.maxProposalsPerCycle } : {}),
    ...options.engine,
  };
  const dataDir = options.dataDir ?? "./data";
  // In process: turns of one chat wait here instead of holding a connection while they wait for the lock.
  const queue = new SerialQueue();
  // The turn's own connection (direct SQL, see src/store/sql.ts); `store.db` (Prisma) serves everything else.
  const sql: SqlPool = openSql(store.url);
  const limiter = new ResidentRateLimiter(options.rateLimit ?? defaultRateLimit);
  const states = new StateCache();
  let regions = options.regions;
  let matcher = options.matcher;
  let handled = 0;

  async function runTurn(inbound: InboundMessage): Promise<HandleResult> {
    const now = clock();
    const { channel, chatId } = inbound;
    const address = (replies: { text: string; options?: { key: string; label: string }[] }[]): OutboundMessage[] =>
      replies.map((r) => ({ ...r, channel, chatId }));
    const limitKey = `${channel}:${chatId}`;

    const decision = limiter.check(limitKey, now.getTime());
    if (++handled % 1000 === 0) limiter.sweep(now.getTime());
    if (decision !== "allow") {
      // A repeat of a message already answered is answered again and costs nothing.
      const stored = await storedAnswer(sql, inbound);
      if (stored) return { ...readAnswer(stored), duplicate: true };
      const replies = address([{ text: texts("rate.limited") }]);
      if (decision === "refuse_and_notify" && channel !== "web") await enqueue(sql, replies, now);
      return { replies: decision === "refuse_and_notify" || channel === "web" ? replies : [], expecting: null };
    }

    let after: (() => void)[] = [];
    let saved: { json: string | null; state: ConversationState | null } | undefined;
    // One matcher for the whole turn, even if a reload swaps it meanwhile.
    const turnMatcher = matcher;
    // Another copy of the bot on the same PostgreSQL may hold a turn of this chat: the lock waits for it.
    const result = await sql.transaction(
      async (tx) => {
        const conversation = await startTurn(tx, inbound, now);
        if (conversation.inboundId === undefined) {
          limiter.refund(limitKey, now.getTime());
          const answer = conversation.stored
            ? readAnswer(conversation.stored)
            : { replies: [], expecting: expectingOf(readState(conversation.json)) };
          return { ...answer, duplicate: true } satisfies HandleResult;
        }
        const ctx: TurnContext = {
          now,
          ids,
          matcher: turnMatcher,
          regions,
          classifier,
          texts,
          lookups: proposalLookups(tx),
          config,
        };
        const r = await turn(conversation.json ? states.take(limitKey, conversation.json) : undefined, inbound, ctx);
        after = await applyEffects(r.effects, { tx, inbound, now, dataDir, matcher: turnMatcher });
        const forget = r.effects.some((e) => e.type === "forgetChat");
        const replies = address(r.replies);
        const waiting = conversation.pendingWeb && !forget ? await takePendingWeb(tx, chatId, now) : [];
        const answer: HandleResult = { replies: [...waiting, ...replies], expecting: expectingOf(r.state) };
        const json = await finishTurn(
          tx,
          inbound,
          {
            inboundId: conversation.inboundId,
            state: forget ? null : r.state,
            exists: conversation.exists,
            // The web chat gets its replies in the response; after a refusal not even a sent copy is kept.
            replies: forget && channel === "web" ? [] : replies,
            answer: JSON.stringify(answer),
          },
          now,
          { sent: channel === "web" },
        );
        saved = { json, state: forget ? null : r.state };
        return answer;
      },
      { lock: `${channel}:${chatId}` },
    );
    // Committed: the next turn of this chat may start from the object instead of the JSON.
    if (saved) states.put(limitKey, saved.json, saved.state);
    for (const fn of after) fn();
    return result;
  }

  async function handle(received: InboundMessage): Promise<HandleResult> {
    // Every channel's text is cleaned here, once (see src/messages/clean.ts); ids with control characters are
    // made safe for the database (the web chat refuses them with 400 before this).
    const inbound = cleanInbound({
      ...received,
      chatId: hasControl(received.chatId) ? cleanText(received.chatId) || "?" : received.chatId,
      messageId: hasControl(received.messageId) ? cleanText(received.messageId) || "?" : received.messageId,
    });
    return queue.run(`${inbound.channel}:${inbound.chatId}`, async () => {
      try {
        return await runTurn(inbound);
      } catch (error) {
        options.logger?.error(
          { err: error, channel: inbound.channel, chatId: inbound.chatId, messageId: inbound.messageId },
          "turn failed",
        );
        const replies: OutboundMessage[] = [
          { channel: inbound.channel, chatId: inbound.chatId, text: texts("error.apology") },
        ];
        if (inbound.channel !== "web") {
          // Best effort: if the database itself is down, the channel still returns nothing stored.
          await enqueue(sql, replies, clock()).catch((e: unknown) =>
            options.logger?.error({ err: e }, "could not enqueue the apology"),
          );
        }
        return { replies, expecting: null };
      }
    });
  }

  return {
    handle,
    pendingWeb: (chatId) => queue.run(`web:${chatId}`, () => takePendingWeb(sql, chatId, clock())),
    setRegions: (r) => (regions = r),
    setMatcher: (m) => (matcher = m),
    close: () => sql.close(),
  };
}
