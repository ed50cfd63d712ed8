/**
 * Document → Report: metadata, the six sections, tables 二/三/四 with every cell typed and placed, and the findings of
 * reading. Works the same whichever reader produced the document.
 */
import { UnreadableError } from '../document/errors.ts';
import { createFinding, sourcePlace, type Finding, type Medium } from '../document/finding.ts';
import type { DocumentModel } from '../document/model.ts';
import { rowKeys, sectionOfTable, tableCandidates, tableName, TABLE_IDS, versionForYear } from '../format/index.ts';
import type { FormatVersionId, TableDef, TableId } from '../format/types.ts';
import type { ParagraphJson, Report, SectionJson } from '../report/types.ts';
import { versions } from '../report/version.ts';
import { assembleTable } from './assemble.ts';
import { readMetadata } from './metadata.ts';
import { readTable, type TableRead } from './rows.ts';
import { EXTRACT_RULES } from './rules.ts';
import { findSections, sectionRange, type SectionHit } from './sections.ts';
import { displayText, toLines, type StreamLine } from './stream.ts';

export function extractReport(doc: DocumentModel): Report {
  const lines = toLines(doc);
  const sections = findSections(lines);
  const meta = readMetadata(lines, sections[0]?.at ?? -1);
  const expected = meta.year ? versionForYear(meta.year) : '2021';
  const preferred: FormatVersionId = expected === 'free' ? '2019' : expected;

  const report: Report = {
    ...versions(),
    source: doc.source,
    agency: meta.agency,
    year: meta.year,
    format_version: expected,
    table_versions: {},
    published: meta.published,
    level: meta.level ? { id: meta.level, source: 'inferred' } : null,
    ...(meta.title ? { title: meta.title } : {}),
    sections: [],
    preamble: [],
    provenance: {},
    findings: [...doc.messages],
  };

  const consumed = new Set<number>();
  for (const id of TABLE_IDS) {
    const range = tableRange(id, sections, lines.length);
    const read = bestRead(id, lines.slice(range.from, range.to), preferred);
    if (!read) continue;
    read.endsDocument = range.to === lines.length;
    const table = assembleTable(read, report.provenance, doc.medium);
    if (!Object.keys(table.json).length) continue;
    report[id] = table.json as never;
    report.table_versions[id] = read.table.version;
    report.findings.push(...table.findings, ...missingRows(read), ...blankTable(read));
    for (const i of read.touched) consumed.add(i);
  }
  report.format_version = formatVersion(report, expected);
  report.sections = sectionTexts(sections, lines, consumed, doc.medium);
  report.preamble = paragraphs(lines, 0, sections[0]?.at ?? Math.min(lines.length, 40), consumed, doc.medium);
  report.findings.push(...missingTables(report, sections.length));
  if (!report.agency && !report.year && sections.length < 2 && !TABLE_IDS.some((id) => report[id])) {
    throw new UnreadableError('not-a-report', '不是政府信息公开工作年度报告（未找到标题、章节或统计表）', 'not a government information disclosure annual report');
  }
  return report;
}

/** Where to look for a table: its section when found; otherwise between the neighbouring sections found. */
function tableRange(id: TableId, sections: SectionHit[], total: number): { from: number; to: number } {
  const number = sectionOfTable(id);
  const own = sectionRange(sections, number, total);
  if (own) return own;
  const order = '一二三四五六';
  const before = sections.filter((s) => order.indexOf(s.def.number) < order.indexOf(number)).at(-1);
  const after = sections.find((s) => order.indexOf(s.def.number) > order.indexOf(number));
  return { from: before ? before.at + 1 : 0, to: after ? after.at : total };
}

/** Reads the table with every version's definition and keeps the one the shape fits best. */
function bestRead(id: TableId, lines: StreamLine[], preferred: FormatVersionId): TableRead | undefined {
  let best: { read: TableRead; score: number } | undefined;
  for (const def of tableCandidates(id, preferred)) {
    const read = readTable(def, lines);
    if (isWhole(read)) return read; // nothing another version could fit better
    const score = fitScore(read);
    const found = read.rows.size > 0 || read.run.length > 0;
    if (found && (!best || score > best.score)) best = { read, score };
  }
  return best?.read;
}

/** Every row read and aligned (or the whole run), nothing left over. */
function isWhole(read: TableRead): boolean {
  // A blank table shows only labels: the other version may own more of them.
  if (read.strays.length || read.duplicates.length || read.blank) return false;
  if (read.table.unlabelledRun) return read.run.length === read.table.rows.reduce((n, r) => n + r.columns.length, 0);
  return read.table.rows.every((r) => r.optional || read.rows.has(r.id)) && [...read.rows.values()].every((r) => r.aligned);
}

/** How well a version's definition fits: rows read whole count most; strays and missing rows count against it. */
function fitScore(read: TableRead): number {
  let score = read.signatureHits * 3 + read.run.length - read.strays.length;
  for (const r of read.rows.values()) score += r.aligned ? 2 : 1;
  if (read.rows.size) score -= 2 * read.table.rows.filter((r) => !r.optional && !read.rows.has(r.id)).length;
  return score;
}

/** Template rows the table lacks (regional optional rows aside), one finding listing them and their cells. */
function missingRows(read: TableRead): Finding[] {
  const table: TableDef = read.table;
  if (table.unlabelledRun || read.rows.size === 0) return [];
  const absent = table.rows.filter((r) => !r.optional && !read.rows.has(r.id));
  if (!absent.length) return [];
  return [createFinding(EXTRACT_RULES.rowMissing, {
    message: `${tableName(table.id)}缺少${absent.length}行：${absent.map((r) => `「${r.label}」`).join('')}`,
    cells: absent.flatMap((r) => rowKeys(table, r.id)),
  })];
}

function blankTable(read: TableRead): Finding[] {
  if (!read.blank) return [];
  return [createFinding(EXTRACT_RULES.tableBlank, {
    message: `${tableName(read.table.id)}各行均未填写任何数值，按空白（非零）记录`,
    cells: read.table.rows.flatMap((r) => rowKeys(read.table, r.id)),
  })];
}

function missingTables(report: Report, sectionCount: number): Finding[] {
  const absent = TABLE_IDS.filter((id) => !report[id]);
  if (!absent.length || report.format_version === 'free') return [];
  const names = absent.map(tableName).join('、');
  const all = absent.length === TABLE_IDS.length;
  return [createFinding(EXTRACT_RULES.tableMissing, {
    message: all && sectionCount > 0 ? `未找到统计表（${names}），表格可能是图片或已缺失` : `未找到${names}`,
  })];
}

/** The version the tables' shapes match; a 2021+ report with a 2019 table 二 is "2019" there, flagged by checks. */
function formatVersion(report: Report, expected: FormatVersionId | 'free'): FormatVersionId | 'free' {
  const v = report.table_versions;
  return v.table2 ?? v.table3 ?? (expected === 'free' && !v.table4 ? 'free' : v.table4 ?? expected);
}

function sectionTexts(sections: SectionHit[], lines: StreamLine[], consumed: Set<number>, medium: Medium): SectionJson[] {
  return sections.map((s, i) => {
    const paras = paragraphs(lines, s.at + 1, sections[i + 1]?.at ?? lines.length, consumed, medium);
    const source = sourcePlace(medium, s.pos);
    return {
      number: s.def.number,
      title: s.title,
      text: paras.map((p) => p.text).join('\n'),
      ...(source ? { source } : {}),
      paragraphs: paras,
    };
  });
}

/** The prose lines of a stream range, tables and table text left out. */
function paragraphs(lines: StreamLine[], from: number, to: number, consumed: Set<number>, medium: Medium): ParagraphJson[] {
  const out: ParagraphJson[] = [];
  for (let at = from; at < to; at++) {
    const text = lines[at].prose && !consumed.has(at) ? displayText(lines[at]) : undefined;
    if (!text) continue;
    const source = sourcePlace(medium, lines[at].cells[0].pos);
    out.push(source ? { text, source } : { text });
  }
  return out;
}
