// The chat channels' texts (intents/channels.yaml: command menus, village-group answers, errors), checked
// with zod at start-up; an error names the file and the path inside it, e.g.
// `intents/channels.yaml: at group.desa_linked: Invalid input: expected string`.
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../config/paths.ts";
import { readDataFile } from "../config/data-file.ts";

const text = z.string().min(1);

export const ChannelTexts = z.strictObject({
  commands: z.strictObject({ start: text, usul: text, status: text, bantuan: text, batal: text, desa: text }),
  group: z.strictObject({
    usul_linked: text,
    usul_unlinked: text,
    usul_button: text,
    desa_usage: text,
    desa_current: text,
    desa_not_admin: text,
    desa_not_found: text,
    desa_ambiguous: text,
    desa_linked: text,
    desa_private: text,
  }),
  callback: z.strictObject({ not_yours: text, expired: text }),
  error: z.strictObject({ retry_later: text, photo_failed: text }),
});
export type ChannelTexts = z.infer<typeof ChannelTexts>;

export const channelTextsPath = join(projectRoot, "intents", "channels.yaml");

/** Reads and checks intents/channels.yaml (or `path`); throws an Error naming the file and the path inside it. */
export function loadChannelTexts(path: string = channelTextsPath): ChannelTexts {
  return readDataFile(path, ChannelTexts);
}
