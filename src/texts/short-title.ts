// A proposal's title as residents see it in a line of text: at most 60 characters, cut with "...".

const MAX = 60;

/** "Pembangunan jalan lingkungan ..." (60 characters at most); shorter titles are returned unchanged. */
export function shortTitle(title: string): string {
  return title.length > MAX ? `${title.slice(0, MAX - 3)}...` : title;
}
