/**
 * The JSON Schema of the Report JSON (docs/report.schema.json), generated from the statutory format in src/format and
 * from the Report types, so that the published contract cannot drift from what xxgk writes.
 * `npm run schema` writes the file; test/report/schema.test.ts fails when the committed file is stale.
 */
import { pathToFileURL } from 'node:url';
import { UNREADABLE_CODES } from '../document/errors.ts';
import { rowKeys } from '../format/identities.ts';
import { LEVELS, SECTIONS, TABLE_IDS, tableName, VERSIONS } from '../format/index.ts';
import type { CellKind, ColumnDef, RowDef, TableDef, TableId } from '../format/types.ts';
import { SCHEMA_VERSION } from './version.ts';

export type JsonSchema = { [key: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const text = (description: string): JsonSchema => ({ type: 'string', description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const strict = (properties: Record<string, JsonSchema>, required: string[], extra: JsonSchema = {}): JsonSchema => ({
  type: 'object', ...extra, properties, required, additionalProperties: false,
});

/** The whole contract: one line of `xxgk parse --json` / `xxgk check --json` is a Report or an error record. */
export function reportSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:xxgk:report-json:${SCHEMA_VERSION}`,
    title: 'xxgk Report JSON',
    description: `政府信息公开工作年度报告的读取与核查结果（schema_version ${SCHEMA_VERSION}，见 docs/report-json.md）。`
      + ' One object per input: a Report, or an error record for an input that could not be read.',
    oneOf: [ref('Report'), ref('UnreadableReport')],
    $defs: {
      Report: report(),
      UnreadableReport: unreadable(),
      Source: source(),
      ...cellDefs(),
      ...tableDefs(),
      ...placeDefs(),
    },
  };
}

function versionFields(): Record<string, JsonSchema> {
  const major = SCHEMA_VERSION.split('.')[0];
  return {
    xxgk_version: text('The xxgk release that wrote this object (package.json version).'),
    schema_version: {
      type: 'string',
      pattern: `^${major}\\.\\d+\\.\\d+$`,
      description: `The Report JSON contract version (semver) this object follows; this schema accepts ${major}.x.y.`,
    },
  };
}

function report(): JsonSchema {
  const versionIds = VERSIONS.map((v) => v.id);
  const properties: Record<string, JsonSchema> = {
    ...versionFields(),
    source: ref('Source'),
    agency: { type: ['string', 'null'], description: 'The publishing agency as read from the title; null when not found.' },
    year: { type: ['integer', 'null'], description: 'The report year (statistics period); null when not found.' },
    format_version: {
      enum: [...versionIds, 'free'],
      description: 'The template the report follows: the version table 二 matches (else table 三); without them, the one '
        + 'its year calls for (2021 and later "2021", 2019–2020 "2019", earlier "free").',
    },
    table_versions: strict(Object.fromEntries(TABLE_IDS.map((id) => [id, { enum: versionIds }])), [], {
      description: 'The template version each table present matches (may differ from format_version in mixed reports).',
    }),
    published: {
      type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Publication date (YYYY-MM-DD) when the document states it; null otherwise.',
    },
    level: {
      anyOf: [{ type: 'null' }, strict({
        id: { enum: LEVELS.map((l) => l.id), description: 'government: 本级政府; department: 部门; township: 乡镇街道.' },
        source: { enum: ['inferred', 'declared'], description: 'Inferred from the agency name, or declared in a roster.' },
      }, ['id', 'source'])],
      description: "The agency's level (it sets the publication deadline and plausibility limits); null when unknown.",
    },
    title: text('The report title as printed.'),
    ...Object.fromEntries(TABLE_IDS.map((id) => [id, {
      type: 'object', description: `${tableName(id)}: present only when read (absent tables are omitted, not zero-filled).`,
    }])),
    sections: { type: 'array', items: ref('Section'), description: 'The six statutory sections found, in document order.' },
    preamble: {
      type: 'array', items: ref('Paragraph'), description: 'The prose before section 一: title, page metadata, the opening paragraph.',
    },
    provenance: {
      type: 'object',
      description: 'Where each cell was read, keyed by its Report JSON path.',
      propertyNames: ref('CellPath'),
      additionalProperties: ref('Provenance'),
    },
    findings: { type: 'array', items: ref('Finding'), description: 'Every problem found by reading, extraction and checking.' },
  };
  const optional = new Set(['title', ...TABLE_IDS]);
  return {
    ...strict(properties, Object.keys(properties).filter((k) => !optional.has(k))),
    description: 'One report as read (and checked).',
    allOf: TABLE_IDS.flatMap(tableVersionRules),
  };
}

/** A table present names its version in table_versions, and its rows and columns are that version's. */
function tableVersionRules(id: TableId): JsonSchema[] {
  const named = { if: { required: [id] }, then: { properties: { table_versions: { type: 'object', required: [id] } } } };
  return [named, ...VERSIONS.map((v) => ({
    if: {
      properties: { table_versions: { type: 'object', properties: { [id]: { const: v.id } }, required: [id] } },
      required: ['table_versions'],
    },
    then: { properties: { [id]: ref(`${id}_${v.id}`) } },
  }))];
}

function unreadable(): JsonSchema {
  return strict({
    ...versionFields(),
    source: strict({ path: text('The input as given ("-" for standard input).') }, ['path']),
    error: strict({
      code: { enum: [...UNREADABLE_CODES], description: 'Why the input is unusable.' },
      message: text('One-line reason in Chinese.'),
      message_en: text('The same reason in English.'),
    }, ['code', 'message', 'message_en']),
  }, ['xxgk_version', 'schema_version', 'source', 'error'], {
    description: 'An input that could not be read as a report at all.',
  });
}

function source(): JsonSchema {
  return strict({
    path: text('The input as given ("-" for standard input).'),
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the input bytes.' },
    media_type: text('The media type the input was read as, e.g. text/plain, text/html, application/pdf.'),
    encoding: text('The character encoding text was decoded from (text and HTML only), e.g. utf-8, gb18030.'),
    bytes: count('Size of the input in bytes.'),
  }, ['path', 'sha256', 'media_type', 'bytes']);
}

/** Sections and paragraphs, placed by `where` (the place fields of the day). */
function prose(where: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return {
    Paragraph: strict({ text: text('The paragraph text.'), ...where }, ['text']),
    Section: strict({
      number: { enum: SECTIONS.map((s) => s.number), description: 'Section number: 一 … 六.' },
      title: text('The heading as printed (titles vary in the wild).'),
      text: text('The section prose, tables left out, paragraphs joined by newlines.'),
      ...where,
      paragraphs: { type: 'array', items: ref('Paragraph') },
    }, ['number', 'title', 'text', 'paragraphs']),
  };
}

// ── cells and tables, from src/format ────────────────────────────────────────────────────────────────────────────

const CELL_KINDS: Record<CellKind, string> = {
  count: 'A count: the template asks for a non-negative integer (other numbers are kept as read and reported by the checks).',
  money: 'An amount in 万元 (decimals allowed); a value written in 元 is converted and a finding says so.',
  change: 'A signed change (2019 table 二 本年增/减): +173, -2; “未增未减” is read as 0 and a finding says so.',
};
const cellDef = (kind: CellKind) => `${kind[0].toUpperCase()}${kind.slice(1)}Cell`;

function cellDefs(): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(CELL_KINDS).map(([kind, description]) => [cellDef(kind as CellKind), {
    description: `${description} null is a blank cell (blank is not zero); "/" a cell marked not applicable (/, —, 无). `
      + 'Free text is never a value: it is read as a number only when its meaning is certain, else null, and its '
      + 'provenance keeps the raw text with status "text" or "unknown".',
    anyOf: [{ type: 'number' }, { type: 'null' }, { const: '/' }],
  }]));
}

const cell = (column: ColumnDef): JsonSchema => ({ ...ref(cellDef(column.kind ?? 'count')), description: column.label });

/** The cells of an array row, one per column in template order (table 三: six applicant columns and 总计). */
const arrayRow = (columns: ColumnDef[]): JsonSchema => ({
  type: 'array', prefixItems: columns.map(cell), items: false, minItems: columns.length,
});
const arrayRowDef = (table: TableDef) => `${table.id}_${table.version}_row`;

function rowSchema(table: TableDef, row: RowDef): JsonSchema {
  const description = [row.clause, row.group, row.label].filter(Boolean).join(' ');
  if (row.shape === 'scalar') return { ...cell(row.columns[0]), description: `${description}：${row.columns[0].label}` };
  if (row.shape === 'array') return { ...ref(arrayRowDef(table)), description };
  return strict(Object.fromEntries(row.columns.map((c) => [c.id, cell(c)])), row.columns.map((c) => c.id), { description });
}

function tableSchema(table: TableDef): JsonSchema {
  return strict(Object.fromEntries(table.rows.map((r) => [r.id, rowSchema(table, r)])), [], {
    title: `${tableName(table.id)} ${table.title}（${table.version} 格式）`,
    description: 'Rows that were read, in template order; a row that was not found is omitted (and reported).',
    minProperties: 1,
  });
}

function tableDefs(): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {};
  for (const version of VERSIONS) {
    for (const table of Object.values(version.tables)) {
      defs[`${table.id}_${table.version}`] = tableSchema(table);
      const arrays = table.rows.filter((r) => r.shape === 'array');
      if (arrays.length) defs[arrayRowDef(table)] = arrayRow(arrays[0].columns); // array rows of a table share columns
    }
  }
  return defs;
}

/** Every Report JSON path of a cell in any version: "table3.granted.6", "table2.regulations.issued", "table2.licensing". */
export function cellPaths(): string[] {
  const paths = new Set<string>();
  for (const table of allTables()) for (const row of table.rows) rowKeys(table, row.id).forEach((k) => paths.add(k));
  return [...paths];
}

/** Every Report JSON path of a row of several cells in any version: "table3.granted", "table4.review". */
function rowPaths(): string[] {
  const paths = allTables().flatMap((t) => t.rows.filter((r) => r.shape !== 'scalar').map((r) => `${t.id}.${r.id}`));
  return [...new Set(paths)];
}

const allTables = (): TableDef[] => VERSIONS.flatMap((v) => Object.values(v.tables));

// ── places: findings and provenance ──────────────────────────────────────────────────────────────────────────────
// One Finding for every stage: `origin`, and `place: {cells, source}` with a source place per medium.

function placeDefs(): Record<string, JsonSchema> {
  return {
    CellPath: { enum: cellPaths(), description: 'The Report JSON path of a cell.' },
    RowPath: { enum: rowPaths(), description: 'The Report JSON path of a row (a finding about a whole row, e.g. missing).' },
    ...places(),
  };
}

const SEVERITY = {
  enum: ['error', 'warning', 'info'], description: 'error: the report is wrong; warning: probably wrong; info: noted.',
};
const RULE = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'The rule id (docs/rules.md).' };
const VALUE = { type: ['number', 'string'] };
const STATUS = {
  enum: ['recovered', 'text', 'unknown'],
  description: 'recovered: inferred from the template arithmetic; text: read from free text whose meaning is certain; '
    + 'unknown: could not be read (the cell is null).',
};
const RAW = text('The source text when it was not a plain number.');
const findingText = {
  message: text('Chinese message naming the place and the numbers.'),
  expected: { ...VALUE, description: 'The value the rule expected.' },
  actual: { ...VALUE, description: 'The value found.' },
  note: text('How a value was read or what was done about it.'),
};
const position = {
  line: count('1-based line (text, Markdown, HTML).'),
  column: count('1-based column on that line.'),
  page: count('1-based PDF page.'),
  x: { type: 'number', description: 'PDF x in points, origin top-left.' },
  y: { type: 'number', description: 'PDF y in points, origin top-left.' },
  table: count('0-based table index (HTML, DOCX).'),
  row: count('0-based row index in that table.'),
  cell: count('0-based cell index in that row.'),
  ocr: { type: 'number', minimum: 0, maximum: 100, description: 'OCR confidence (0–100) for recognised text.' },
};

/** Today's shape: a finding copies line/page out of its position, cells are paths; prose carries line or page. */
/** The fields of a source place, per medium. */
const PLACE_FIELDS = { ...position, paragraph: count('0-based paragraph index (DOCX).') };
const MEDIA: Record<string, { required: string[]; fields: (keyof typeof PLACE_FIELDS)[] }> = {
  text: { required: ['line'], fields: ['line', 'column'] },
  html: { required: ['line'], fields: ['line', 'column', 'table', 'row', 'cell'] },
  pdf: { required: ['page'], fields: ['page', 'x', 'y', 'ocr'] },
  docx: { required: [], fields: ['paragraph', 'table', 'row', 'cell'] },
};

/** A source place per medium, optionally with more fields (provenance adds status and raw). */
function sourcePlace(extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    oneOf: Object.entries(MEDIA).map(([medium, { required, fields }]) => strict({
      medium: { const: medium },
      ...Object.fromEntries(fields.map((f) => [f, PLACE_FIELDS[f]])),
      ...extra,
    }, ['medium', ...required])),
  };
}

/**
 * The refactored shape: one Finding for every stage, with its origin and one place (logical cells and source); prose
 * and provenance placed the same way (a cell placed by arithmetic alone may have no source).
 */
export function places(): Record<string, JsonSchema> {
  const columnIds = [...new Set(allTables().flatMap((t) => t.rows.flatMap((r) => r.columns.map((c) => c.id))))];
  const rowIds = [...new Set(allTables().flatMap((t) => t.rows.map((r) => r.id)))];
  const how = { status: STATUS, raw: RAW };
  return {
    ...prose({ source: ref('SourcePlace') }),
    SourcePlace: { ...sourcePlace(), description: 'Where something is in the source, per medium.' },
    Provenance: {
      oneOf: [...(sourcePlace(how).oneOf as JsonSchema[]), strict(how, [])],
      description: 'Where a cell was read, and how.',
    },
    CellAddress: strict({
      path: { anyOf: [ref('CellPath'), ref('RowPath')] },
      table: { enum: TABLE_IDS },
      row: { enum: rowIds, description: 'Row id (src/format).' },
      column: { enum: columnIds, description: 'Column id (src/format); absent when the address is a whole row.' },
    }, ['path', 'table', 'row']),
    Finding: strict({
      rule: RULE, severity: SEVERITY,
      origin: { enum: ['read', 'extract', 'check'], description: 'The stage that raised it.' },
      ...findingText,
      line: { ...position.line, description: 'Copied from place.source for compiler-style output.' },
      page: { ...position.page, description: 'Copied from place.source for compiler-style output.' },
      place: strict({
        cells: { type: 'array', items: ref('CellAddress'), description: 'The logical cells involved, in the order the message names them.' },
        source: ref('SourcePlace'),
      }, []),
    }, ['rule', 'severity', 'origin', 'message', 'place']),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(reportSchema(), null, 2)}\n`);
}
