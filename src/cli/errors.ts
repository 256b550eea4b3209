// Any thrown value as the single line the CLI prints on stderr: no stack trace, no newline, and
// never a 10 MB quote of a hostile file's value.

/** Longest message printed; a longer one is cut with an ellipsis. */
export const MAX_MESSAGE_CHARS = 300;

function rawMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    // A deeply nested JSON value overflows the recursive readers; say so, not "Maximum call stack".
    return 'the file is nested too deeply to read (lists of lists go deeper than any tensor)';
  }
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return `unexpected failure: ${String(e)}`;
  } catch {
    return 'unexpected failure';
  }
}

/** One line, at most MAX_MESSAGE_CHARS characters. */
export function oneLine(e: unknown, max = MAX_MESSAGE_CHARS): string {
  let msg: string;
  try {
    msg = rawMessage(e);
  } catch {
    msg = 'unexpected failure';
  }
  // Only the head is kept, so cut before the regex sees a multi-megabyte string.
  const flat = msg.slice(0, max * 4).replace(/\s*[\r\n]+\s*/g, '; ').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
