import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/nlu/commands.ts";

describe("commands", () => {
  it.each([
    ["MENU", { kind: "menu" }],
    ["Bantuan", { kind: "help" }],
    ["batal", { kind: "cancel" }],
    ["kembali", { kind: "back" }],
    ["Hapus data saya", { kind: "erase" }],
    ["BERHENTI", { kind: "stop" }],
    ["ya", { kind: "yes" }],
    ["Ok kirim", { kind: "yes" }],
    ["tdk", { kind: "no" }],
    ["lewati", { kind: "skip" }],
    ["gak ada", { kind: "skip" }],
    ["tidak ada yang cocok", { kind: "no_match" }],
    ["status", { kind: "status" }],
    ["STATUS u26-7k3q", { kind: "status", code: "U26-7K3Q" }],
    ["UBAH 6", { kind: "edit", item: 6 }],
    ["ubah no 3", { kind: "edit", item: 3 }],
    ["dukung U26-7K3Q", { kind: "support", code: "U26-7K3Q" }],
    ["2", { kind: "number", value: 2 }],
    ["pilih 3", { kind: "number", value: 3 }],
    ["/start desa_3216010001", { kind: "start", payload: "desa_3216010001" }],
    ["/start", { kind: "start" }],
    ["/usul@MusrenbangBot jalan rusak", { kind: "propose", rest: "jalan rusak" }],
    ["yang pertama", { kind: "number", value: 1 }],
    ["yg kedua", { kind: "number", value: 2 }],
    ["tiga", { kind: "number", value: 3 }],
    ["nomor 4", { kind: "number", value: 4 }],
    ["jalan rusak", { kind: "none" }],
    ["status jalan saya", { kind: "none" }],
  ])("%s", (text, command) => expect(parseCommand(text)).toEqual(command));
});
