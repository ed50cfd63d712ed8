/** A CSV record with the line of the file it starts on, as an editor shows it (the first line is 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * CSV as RFC 4180 writes it (quoted fields with "" escapes and line breaks), UTF-8 with or without a BOM; records whose
 * fields are all blank are left out. Lines are counted as the file has them, blank lines and line breaks inside quoted
 * fields included, so that a problem reported at a record's line is where the user finds it.
 */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  // "\r\n" is one line break, and so is a "\r" or "\n" alone.
  const breaksLine = (i: number) => src[i] === '\n' || (src[i] === '\r' && src[i + 1] !== '\n');
  const endRecord = () => {
    row.push(field);
    if (row.some((f) => f.trim())) records.push({ line: start, cells: row });
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') field += src[++i];
      else if (c === '"') quoted = false;
      else field += c;
      if (breaksLine(i)) line++;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
  }
  endRecord();
  return records;
}

/** The records' fields, without their lines. */
export function parseCsv(text: string): string[][] {
  return csvRecords(text).map((r) => r.cells);
}
