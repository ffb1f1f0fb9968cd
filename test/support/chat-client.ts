// A web-chat client over keep-alive HTTP, as a trusted integration (Bearer CHAT_API_KEY, free userIds), and
// the resident who answers whatever the bot asks until a proposal is stored. Used by the process tests and
// `npm run bench:http`.
import { Agent, request } from "node:http";
import { TEST_CHAT_API_KEY } from "./app-process.ts";

export interface ChatAnswer {
  replies: { text: string; options?: unknown[] }[];
  expecting: string | null;
}

/** One POST; resolves with the status and parsed body. */
export function postJson(
  agent: Agent,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text });
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

/** `say(baseUrl, userId, text, messageId)` → the bot's answer; throws on a non-200. */
export function chatClient(maxSockets = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    agent,
    async say(baseUrl: string, userId: string, text: string, messageId: string): Promise<ChatAnswer> {
      const res = await postJson(
        agent,
        `${baseUrl}/api/chat`,
        { userId, text, messageId },
        { authorization: `Bearer ${TEST_CHAT_API_KEY}` },
      );
      if (res.status !== 200) throw new Error(`POST /api/chat ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as ChatAnswer;
    },
    close: () => agent.destroy(),
  };
}

const VILLAGES = ["sukamaju", "srimukti", "sukaraja", "jatimulya", "mekarsari", "sukadami"];
const TEXTS = [
  "jalan lingkungan rusak parah, minta dibangun rabat beton panjang 100 lebar 3",
  "saluran air mampet tiap hujan banjir, mohon pembangunan saluran gorong-gorong 50 meter",
  "lampu penerangan jalan mati semua, minta pemasangan lampu jalan 5 titik",
  "jalan berlubang minta diaspal ulang panjang 200 lebar 4",
];

/** What resident `i` sends first: greeting, consent, "new proposal", then a rich first message. */
export function openingMessages(i: number): string[] {
  return [
    "halo",
    "1",
    `${TEXTS[i % TEXTS.length]} di rt ${(i % 9) + 1} rw ${(i % 7) + 1} desa ${VILLAGES[i % VILLAGES.length]}`,
  ];
}

/** The answer to whatever the bot expects next (`expecting`); "ya" confirms the summary. */
export function answerFor(expecting: string | null): string {
  const answers: Record<string, string> = {
    village: "sukamaju",
    problem: "jalan rusak",
    activity: "perbaikan jalan",
    kamus: "1",
    location: "rt 2 rw 3 dekat masjid",
    volume: "100",
    beneficiaries: "120 orang",
    photo: "lewati",
    name: "Warga Uji",
    confirm: "ya",
    support: "2",
    consent: "1",
  };
  return answers[expecting ?? ""] ?? "1";
}

/** The proposal code in a reply ("Kode usulan: U26-7K3Q"), if any. */
export function proposalCode(answer: ChatAnswer): string | undefined {
  return /Kode usulan: (U\d\d-\w{4})/.exec(answer.replies.map((r) => r.text).join("\n"))?.[1];
}
