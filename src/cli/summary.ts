/** The human summary `xxgk parse` prints: metadata, the three tables as aligned text, and the findings. */
import { versionById } from '../format/index.ts';
import type { TableDef, TableId } from '../format/types.ts';
import { rowKeys } from '../format/identities.ts';
import { rowValues } from '../report/cells.ts';
import type { Report } from '../report/types.ts';
import type { CellValue } from '../text/values.ts';
import { inline } from './output.ts';
import { countBySeverity, countsLine, findingLine } from './findings.ts';
import { padEnd, padStart, truncate } from '../text/width.ts';

const LABEL_WIDTH = 30;

export function summarize(report: Report): string {
  const out: string[] = [];
  const version = report.format_version === 'free' ? '自由格式（2019年以前）' : `${report.format_version}版格式`;
  out.push(inline(report.source.path));
  out.push(`  ${inline(report.agency ?? '（未识别机关）')} · ${report.year ? `${report.year}年度` : '（未识别年度）'} · ${version} · 发布日期：${report.published ?? '未注明'}`);
  const numbers = report.sections.map((s) => s.number).join(' ');
  out.push(`  章节：${numbers || '（未识别）'}`);
  for (const id of ['table2', 'table3', 'table4'] as TableId[]) {
    const json = report[id];
    const v = report.table_versions[id];
    if (!json || !v) continue;
    out.push('', ...tableLines(versionById(v).tables[id], json as Record<string, unknown>, report));
  }
  const counts = countBySeverity(report.findings);
  out.push('', `  发现：${countsLine(counts)}`);
  for (const f of report.findings) out.push(`  ${findingLine(report.source.path, f)}`);
  return out.join('\n');
}

function tableLines(table: TableDef, json: Record<string, unknown>, report: Report): string[] {
  const name = `${table.wording.name} ${table.title}`;
  const lines = [`  ${name}`];
  const shared = table.rows.every((r) => r.columns === table.rows[0].columns);
  if (shared) {
    lines.push(`    ${padEnd('', LABEL_WIDTH)}${table.rows[0].columns.map((c) => padStart(truncate(c.label, 8), 9)).join('')}`);
  }
  for (const row of table.rows) {
    if (!(row.id in json)) continue;
    const keys = rowKeys(table, row.id);
    const cells = rowValues(row, json[row.id]).map((v, col) => show(v ?? null, report.provenance[keys[col]]?.status));
    const label = `    ${padEnd(truncate(row.label, LABEL_WIDTH), LABEL_WIDTH)}`;
    lines.push(shared
      ? label + cells.map((c) => padStart(c, 9)).join('')
      : label + row.columns.map((c, i) => `${c.label} ${cells[i]}`).join('   '));
  }
  return lines;
}

/** Blank shows as ·, recovered cells carry *, unknown ones ?. */
function show(v: CellValue, status?: string): string {
  if (status === 'unknown') return '?';
  const s = v === null ? '·' : String(v);
  return status === 'recovered' ? `${s}*` : s;
}
