/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel on Chinese Windows), RFC 4180 quoting, and text that a
 * spreadsheet would run as a formula prefixed with an apostrophe (agency names come from untrusted files).
 */
export function csvDocument(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
