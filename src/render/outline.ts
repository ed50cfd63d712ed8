/**
 * The reading order of a report, shared by every layout: title, preface, the six sections (heading, paragraphs, the
 * section's table), then the signature (agency and date). Section titles and tables come from the format definition.
 */
import { versionById } from '../format/index.ts';
import { tableGrid, type TableGrid } from './grid.ts';
import type { ReportData } from './types.ts';

export type OutlineBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** A short numbered line inside a section ("（一）主动公开情况"). */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: TableGrid }
  | { kind: 'signature'; lines: string[] };

const SUBHEADING_RE = /^[（(][一二三四五六七八九十]+[）)][^，。；,;]{1,18}$/;

export function reportTitle(report: ReportData): string {
  return report.title ?? `${report.agency}${report.year}年政府信息公开工作年度报告`;
}

/** "2025-01-15" → "2025年1月15日". */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function paragraphs(text: string | undefined): OutlineBlock[] {
  return (text ?? '').split('\n').map((t) => t.trim()).filter(Boolean)
    .map((t) => (SUBHEADING_RE.test(t) ? { kind: 'subheading', text: t } : { kind: 'paragraph', text: t }));
}

export function outline(report: ReportData): OutlineBlock[] {
  const format = versionById(report.format_version);
  const blocks: OutlineBlock[] = [{ kind: 'title', text: reportTitle(report) }, ...paragraphs(report.preface)];
  for (const def of format.sections) {
    const section = report.sections.find((s) => s.number === def.number);
    blocks.push({ kind: 'heading', text: `${def.number}、${section?.title ?? def.title}` });
    blocks.push(...paragraphs(section?.text));
    const json = def.table ? report[def.table] : undefined;
    if (def.table && json) blocks.push({ kind: 'table', grid: tableGrid(format.tables[def.table], json as Record<string, unknown>) });
  }
  blocks.push({ kind: 'signature', lines: [report.agency, ...(report.published ? [chineseDate(report.published)] : [])] });
  return blocks;
}
