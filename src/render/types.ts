/** What renderers take and give: the Report JSON pieces a report is written from, and a layout that writes them. */
import type { FormatVersionId } from '../format/types.ts';
import type { Table2Json, Table3Json, Table4Json } from '../report/types.ts';

/** The parts of Report JSON a report is rendered from; `sections[].text` holds paragraphs separated by "\n". */
export interface ReportData {
  agency: string;
  year: number;
  format_version: FormatVersionId;
  /** ISO date "2025-01-15"; printed under the signature (and in the page header of a page scrape). */
  published?: string | null;
  /** Defaults to "<agency><year>年政府信息公开工作年度报告". */
  title?: string;
  /** Paragraphs before section 一 (the legal basis and the statistics period), separated by "\n". */
  preface?: string;
  table2?: Table2Json;
  table3?: Table3Json;
  table4?: Table4Json;
  sections: { number: string; title: string; text: string }[];
}

export type LayoutId =
  | 'text-tab' | 'text-cells' | 'text-lines' | 'text-pipe' | 'markdown' | 'text-space' | 'html' | 'html-page';

export interface Layout {
  id: LayoutId;
  /** File extension the layout is saved under (it also tells the reader what it is). */
  ext: '.txt' | '.md' | '.html';
  /** Chinese description for samples and benchmark output. */
  description: string;
  /**
   * Whether a blank cell survives in this layout where a reader can see it. Text laid out by spaces or one cell per
   * line cannot show a blank at all; tab rows pad with empty cells, so a blank at a row's edge looks like padding.
   */
  showsBlanks: boolean;
  render: (report: ReportData) => string;
}

/** A column of tabular results (a store query) for CSV and XLSX exports: the row field and its header text. */
export interface TabularColumn {
  key: string;
  /** Header text; defaults to the key. */
  label?: string;
}

export type TabularValue = string | number | bigint | boolean | Date | null | undefined;
