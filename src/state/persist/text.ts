// Bytes (or already-decoded text) to text, refusing what is clearly not a text file before a
// parser produces a confusing error about it. A leading UTF-8 byte-order mark is removed and
// accepted: spreadsheet programs add one, and it carries no data.

export type TextResult = { ok: true; text: string } | { ok: false; error: string };

/** Above this share of control characters a file is treated as binary, not merely damaged. */
const MAX_CONTROL_SHARE = 0.05;
const BOM = '\uFEFF';

function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed and carriage return are ordinary in text files.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) n++;
  }
  return text.length === 0 ? 0 : n / text.length;
}

function checkText(text: string): TextResult {
  if (text.includes('\0')) {
    return {
      ok: false,
      error: 'this is a binary file (it contains NUL bytes); expected .json or .csv text',
    };
  }
  // U+FFFD is what a lenient decoder (File.text()) puts where bytes were not UTF-8.
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      error: 'this file is not valid UTF-8 text; save it as UTF-8 .json or .csv',
    };
  }
  const share = controlShare(text);
  if (share > MAX_CONTROL_SHARE) {
    const pct = Math.round(share * 100);
    return {
      ok: false,
      error: `this looks like a binary file (${pct}% control characters); expected text`,
    };
  }
  return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text };
}

export function decodeText(input: string | Uint8Array | ArrayBuffer): TextResult {
  if (typeof input === 'string') return checkText(input);
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: 'this file is UTF-16 text; save it as UTF-8 .json or .csv' };
  }
  if (bytes.includes(0)) return checkText('\0');
  let text: string;
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; ignoreBOM keeps it for checkText.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      error: 'this file is not valid UTF-8 text; save it as UTF-8 .json or .csv',
    };
  }
  return checkText(text);
}
