// Commands a resident types, understood before any classifier: exact words, case and punctuation ignored.
// Examples: "MENU", "status U26-7K3Q", "ubah 6", "ya", "lewati", "/start desa_3216010001", "/usul jalan rusak".

/** A recognised command; `none` means free text. */
export type Command =
  | { kind: "menu" | "help" | "cancel" | "back" | "erase" | "stop" | "yes" | "no" | "skip" | "no_match" }
  | { kind: "status"; code?: string }
  | { kind: "edit"; item: number }
  | { kind: "support"; code: string }
  | { kind: "start"; payload?: string }
  | { kind: "propose"; rest: string }
  | { kind: "number"; value: number }
  | { kind: "none" };

const ORDINALS: Record<string, number> = {
  satu: 1,
  pertama: 1,
  dua: 2,
  kedua: 2,
  tiga: 3,
  ketiga: 3,
  empat: 4,
  keempat: 4,
  lima: 5,
  kelima: 5,
};

const CODE = /\b(u\d{2}-[a-z0-9]{4})\b/i;

/** The simple form used for comparisons: lower case, single spaces, no trailing punctuation. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!?.,;:'"`~]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const WORDS: [RegExp, Command["kind"]][] = [
  [/^(menu|\/menu|menu utama|kembali ke menu)$/, "menu"],
  [/^(bantuan|\/bantuan|help|\/help|tolong|panduan)$/, "help"],
  [/^(batal|\/batal|batalkan|cancel|batalkan usulan)$/, "cancel"],
  [/^(kembali|balik|back|mundur|\/kembali)$/, "back"],
  [/^(hapus data saya|hapus data|hapus dataku|\/hapus|hapus data pribadi saya)$/, "erase"],
  [/^(berhenti|\/berhenti|\/stop|stop|unsubscribe)$/, "stop"],
  [/^(ya|iya|y|yes|yaa|iyaa|ok|oke|okay|ok kirim|ya kirim|kirim|setuju|betul|benar|sip|siap|lanjut)$/, "yes"],
  [/^(tidak|tdk|gak|ga|nggak|ngga|enggak|no|n|tidak setuju|ndak|jangan)$/, "no"],
  [
    /^(lewati|lewat|skip|tidak ada|tdk ada|gak ada|ga ada|nggak ada|ngga ada|belum ada|tidak punya|gak punya|tidak tahu|tdk tahu|gak tau|ga tau|nggak tahu|tidak tau|lewatin)$/,
    "skip",
  ],
  [
    /^(tidak ada yang cocok|tdk ada yg cocok|gak ada yang cocok|ga ada yg cocok|tidak ada yg cocok|gak ada yg cocok|tidak cocok|ga cocok|gak cocok|nggak ada yang cocok)$/,
    "no_match",
  ],
];

/** Recognises a command in a message, or `none`. */
export function parseCommand(text: string): Command {
  const raw = text.trim();
  const start = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/i.exec(raw);
  if (start) return start[1] ? { kind: "start", payload: start[1] } : { kind: "start" };
  const propose = /^\/usul(?:@\w+)?\b\s*([\s\S]*)$/i.exec(raw);
  if (propose) return { kind: "propose", rest: propose[1]!.trim() };
  const s = simplify(raw);
  if (s === "") return { kind: "none" };
  const status = /^\/?(status|cek status|cek)(\s+(.*))?$/.exec(s);
  if (status) {
    const code = status[3] ? CODE.exec(status[3]) : null;
    if (!status[3] || code) return code ? { kind: "status", code: code[1]!.toUpperCase() } : { kind: "status" };
  }
  const edit = /^(ubah|ganti|edit|koreksi)\s*(?:no|nomor|nomer)?\s*(\d{1,2})$/.exec(s);
  if (edit) return { kind: "edit", item: Number(edit[2]) };
  const support = /^(dukung|dukung usulan)\s+(.*)$/.exec(s);
  if (support) {
    const code = CODE.exec(support[2]!);
    if (code) return { kind: "support", code: code[1]!.toUpperCase() };
  }
  for (const [re, kind] of WORDS) if (re.test(s)) return { kind } as Command;
  const num = /^(?:no|nomor|nomer|pilih|pilihan|yang|yg)?\s*(?:no|nomor|nomer)?\s*(\d{1,2})$/.exec(s);
  if (num) return { kind: "number", value: Number(num[1]) };
  const word =
    /^(?:pilih|pilihan|yang|yg|nomor|no)?\s*(?:ke)?\s*(satu|pertama|dua|kedua|tiga|ketiga|empat|keempat|lima|kelima)$/.exec(
      s,
    );
  if (word) return { kind: "number", value: ORDINALS[word[1]!]! };
  return { kind: "none" };
}
