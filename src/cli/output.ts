/**
 * Everything the CLI prints for people passes through here: report text and file names come from untrusted input,
 * so control characters (ESC sequences, carriage returns) and bidirectional overrides are shown escaped, never
 * interpreted by the terminal. JSON output is escaped by JSON itself.
 */

/** C0 and C1 controls but the newline, DEL, and the bidi embedding/override/isolate marks. */
const UNSAFE_RE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(UNSAFE_RE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** An untrusted piece of a one-line message (a path, an agency, a message): line breaks shown escaped too. */
export function inline(text: string): string {
  return visible(text).replace(/[\n\u2028\u2029]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Writes human output to stdout. */
export function say(text: string): void {
  process.stdout.write(`${visible(text)}\n`);
}

/** Writes a human message to stderr. */
export function warn(text: string): void {
  process.stderr.write(`${visible(text)}\n`);
}

/** Writes one JSON Lines record (or an indented one with --pretty) to stdout. */
export function sayJson(value: unknown, pretty = false): void {
  process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}
