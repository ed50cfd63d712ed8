/**
 * Tiny builders for checker tests: a consistent Report built in code from the format definition (with provenance
 * lines), small edits to it, and the same data rendered as a plain-text report for end-to-end cases.
 */
import { cellKey, FORMAT_2019, FORMAT_2021, type FormatVersion } from '../../src/format/index.ts';
import type { FormatVersionId, TableDef } from '../../src/format/types.ts';
import type { CellValue, Report, SectionJson } from '../../src/report/types.ts';
import { versions } from '../../src/report/version.ts';
import { extractReport } from '../../src/extract/index.ts';
import { readBytes } from '../../src/readers/index.ts';
import { checkReport, type CheckOptions } from '../../src/checks/index.ts';
import { inferLevel } from '../../src/extract/metadata.ts';
import type { AgencyLevelJson } from '../../src/report/types.ts';
import { withValue } from '../../src/report/cells.ts';

export type Table3Values = Record<string, CellValue[]>;

/** A consistent table 三: 4 new + 1 carried over = 4 processed + 1 carried forward, per column and in total. */
export const TABLE3_SAMPLE: Table3Values = {
  new_received: [3, 1, 0, 0, 0, 0, 4],
  carried_over: [1, 0, 0, 0, 0, 0, 1],
  granted: [2, 1, 0, 0, 0, 0, 3],
  partially_granted: [1, 0, 0, 0, 0, 0, 1],
  total_processed: [3, 1, 0, 0, 0, 0, 4],
  carried_forward: [1, 0, 0, 0, 0, 0, 1],
};

export const TABLE2_SAMPLE = {
  regulations: { issued: 0, repealed: 0, in_force: 0 },
  normative_docs: { issued: 2, repealed: 1, in_force: 12 },
  licensing: 120,
  punishment: 30,
  coercion: 0,
  fees_wan_yuan: 1.5,
};

export const TABLE4_SAMPLE = {
  review: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
  litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  litigation_after_review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
};

export const SECTION_TEXTS: Record<string, string> = {
  一: '（一）主动公开情况\n本年度主动公开政府信息200条。\n（二）依申请公开情况\n本年度新收政府信息公开申请4件，予以公开3件。\n（三）政府信息管理情况\n严格落实审查制度。\n（四）平台建设情况\n完善门户网站。\n（五）监督保障情况\n加强考核。',
  二: '',
  三: '',
  四: '',
  五: '信息公开质量有待提升。下一步将加强培训。',
  六: '本机关未收取信息处理费。',
};

export interface BuildOptions {
  agency?: string;
  year?: number;
  published?: string | null;
  version?: FormatVersionId;
  table2?: Record<string, unknown>;
  table3?: Table3Values;
  table4?: Record<string, Record<string, CellValue>>;
  sections?: Record<string, string>;
  title?: string;
  /** Default: inferred from the agency name, as extraction does; null for an unknown level. */
  level?: AgencyLevelJson | null;
}

/** Lines the builder places each table's rows on, so tests can assert where a finding points. */
export const TABLE_LINES = { table2: 30, table3: 50, table4: 90 };

export function buildReport(options: BuildOptions = {}): Report {
  const version: FormatVersion = options.version === '2019' ? FORMAT_2019 : FORMAT_2021;
  const year = options.year ?? (version.id === '2019' ? 2020 : 2024);
  const agency = options.agency ?? '石嘴山市卫生健康委员会';
  const report: Report = {
    ...versions(),
    source: { path: 'built.txt', sha256: '', media_type: 'text/plain', bytes: 0 },
    agency,
    year,
    format_version: version.id,
    table_versions: { table2: version.id, table3: version.id, table4: version.id },
    published: options.published === undefined ? `${year + 1}-01-20` : options.published,
    level: options.level !== undefined ? options.level : levelOf(agency),
    title: options.title ?? `${agency}${year}年政府信息公开工作年度报告`,
    sections: sections(options.sections ?? SECTION_TEXTS),
    preamble: [],
    provenance: {},
    findings: [],
  };
  const t2 = options.table2 ?? (version.id === '2021' ? TABLE2_SAMPLE : table2Zero(version.tables.table2));
  report.table2 = t2 as Report['table2'];
  report.table3 = fullTable3(version.tables.table3, options.table3 ?? TABLE3_SAMPLE);
  report.table4 = (options.table4 ?? TABLE4_SAMPLE) as Report['table4'];
  for (const id of ['table2', 'table3', 'table4'] as const) placeCells(report, version.tables[id], TABLE_LINES[id]);
  return report;
}

function levelOf(agency: string): AgencyLevelJson | null {
  const id = inferLevel(agency);
  return id ? { id, source: 'inferred' } : null;
}

function sections(texts: Record<string, string>): SectionJson[] {
  const lines: Record<string, number> = { 一: 5, 二: 29, 三: 49, 四: 89, 五: 100, 六: 110 };
  return FORMAT_2021.sections
    .filter((s) => texts[s.number] !== undefined)
    .map((s) => ({
      number: s.number, title: s.title, text: texts[s.number], source: { medium: 'text' as const, line: lines[s.number] },
      paragraphs: texts[s.number].split('\n').filter((t) => t.trim()).map((text) => ({ text, source: { medium: 'text' as const, line: lines[s.number] } })),
    }));
}

function fullTable3(table: TableDef, values: Table3Values): Report['table3'] {
  const out: Record<string, CellValue[]> = {};
  for (const row of table.rows) out[row.id] = values[row.id] ?? Array(row.columns.length).fill(0);
  // 2019 has one 其他处理 row: values given for the 2021 rows are not carried over.
  return out;
}

function table2Zero(table: TableDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of table.rows) {
    out[row.id] = row.shape === 'scalar' ? 0 : Object.fromEntries(row.columns.map((c) => [c.id, 0]));
  }
  return out;
}

/** One source line per row, one column per cell, as a ruled text table would give. */
function placeCells(report: Report, table: TableDef, firstLine: number): void {
  table.rows.forEach((row, i) => {
    row.columns.forEach((_, col) => {
      report.provenance[cellKey(table, { row: row.id, col })] = { medium: 'text', line: firstLine + i, column: 10 + col * 4 };
    });
  });
}

/** A copy of the report with one cell set (by Report JSON path). */
/** A copy of the report with one cell set (the codec's withValue). */
export const withCell = withValue;

/** Findings as compact [rule, line] pairs, for literal comparison. */
export const ruleLines = (findings: Report['findings']) => findings.map((f) => [f.rule, f.line ?? null]);

/** The findings one rule gives on a report. */
export function findingsOf(rule: string, report: Report, options: CheckOptions = {}) {
  const added = checkReport(report, { ...options, rules: [rule] }).findings.slice(report.findings.length);
  return added;
}

/** Reads a text report through the whole pipeline and checks it. */
export async function checkText(text: string, options: CheckOptions = {}): Promise<Report> {
  const document = await readBytes(new TextEncoder().encode(text), 'report.txt');
  return checkReport(extractReport(document), options);
}

/** A complete plain-text report (tab-separated tables like the seeds), every line given; tables from the samples. */
export function textReport(parts: { title?: string; preamble?: string; sections?: Record<string, string>; year?: number } = {}): string {
  const year = parts.year ?? 2024;
  const texts = { ...SECTION_TEXTS, ...(parts.sections ?? {}) };
  const t2 = FORMAT_2021.tables.table2;
  const t3 = FORMAT_2021.tables.table3;
  const row2 = (id: string) => t2.rows.find((r) => r.id === id)!;
  const docs = (id: 'regulations' | 'normative_docs') => [row2(id).label, ...Object.values(TABLE2_SAMPLE[id])].join('\t');
  const scalar = (id: 'licensing' | 'punishment' | 'coercion' | 'fees_wan_yuan') => `${row2(id).label}\t${TABLE2_SAMPLE[id]}`;
  const table3 = t3.rows.map((r) => [r.label, ...(TABLE3_SAMPLE[r.id] ?? Array(7).fill(0))].join('\t'));
  const t4 = Object.values(TABLE4_SAMPLE).flatMap((g) => Object.values(g)).join('\t');
  const lines = [
    parts.title ?? `石嘴山市卫生健康委员会${year}年政府信息公开工作年度报告`,
    '',
    parts.preamble ?? `根据《中华人民共和国政府信息公开条例》规定，现发布本报告，本报告统计数据从${year}年1月1日至12月31日。`,
    '',
    '一、总体情况',
    '',
    ...texts['一'].split('\n').flatMap((l) => [l, '']),
    '二、主动公开政府信息情况',
    '',
    `${row2('regulations').clause}\t\t\t`,
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    docs('regulations'),
    docs('normative_docs'),
    `${row2('licensing').clause}\t\t\t`,
    '信息内容\t本年处理决定数量\t\t',
    scalar('licensing'),
    `${row2('punishment').clause}\t\t\t`,
    '信息内容\t本年处理决定数量\t\t',
    scalar('punishment'),
    scalar('coercion'),
    `${row2('fees_wan_yuan').clause}\t\t\t`,
    '信息内容\t本年收费金额（单位：万元）\t\t',
    scalar('fees_wan_yuan'),
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    `\t${t3.rows[0].columns.map((c) => c.label).join('\t')}`,
    ...table3,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    t4,
    '',
    '五、存在的主要问题及改进情况',
    '',
    ...texts['五'].split('\n').flatMap((l) => [l, '']),
    '六、其他需要报告的事项',
    '',
    ...texts['六'].split('\n').flatMap((l) => [l, '']),
  ];
  return lines.join('\n');
}
