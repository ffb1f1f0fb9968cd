// Inline keyboard buttons carry "opt:<key>"; a press becomes the text the resident could have typed.

const PREFIX = "opt:";

/** The callback data of an option button, or undefined when the key does not fit Telegram's 64 bytes. */
export function optionCallbackData(key: string): string | undefined {
  const data = PREFIX + key;
  return Buffer.byteLength(data) <= 64 ? data : undefined;
}

/** The option key a button press stands for, or undefined for data we did not make. */
export function optionKeyOf(data: string | undefined): string | undefined {
  return data?.startsWith(PREFIX) ? data.slice(PREFIX.length) : undefined;
}
