/**
 * Acceptance: a generated ledger of a few hundred applications over two years (补正, consultations, extensions, fees,
 * withdrawals, appeals) builds final reports for 2024 and 2025 that pass every rule; their tables 三 and 四 and the fees
 * of section 六 match a count made here from the ledger's CSV export by plain reading of its columns; and each report,
 * rendered to Word and to PDF, reads back with the same cells.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { FORMAT_2021 } from '../../src/format/index.ts';
import { parseReportBytes } from '../../src/index.ts';
import { chineseCalendar } from '../../src/ledger/calendar.ts';
import { exportCsv } from '../../src/ledger/import.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { reportData } from '../../src/render/exports.ts';
import { launchChromium, renderPdf } from '../../src/render/pdf.ts';
import type { Report } from '../../src/report/types.ts';
import { parseCsv } from '../../src/roster/csv.ts';
import { generatedYears } from './generate.ts';

const cal = chineseCalendar([]);
const { ledger, y2024, y2025 } = generatedYears(cal);

/** The exported sheet as records keyed by header. */
function sheetRecords(): Record<string, string>[] {
  const [head, ...rows] = parseCsv(exportCsv(ledger));
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ''])));
}

const T3 = FORMAT_2021.tables.table3;
const APPLICANTS = T3.rows[0].columns.map((c) => c.label); // 自然人 … 其他, 总计
const T4 = FORMAT_2021.tables.table4;

/** Table 三 of a year, counted from the sheet's dates: the day of receipt by channel, the first day it concluded. */
function countTable3(records: Record<string, string>[], year: number): Record<string, number[]> {
  const rows: Record<string, number[]> = Object.fromEntries(T3.rows.map((r) => [r.id, Array(7).fill(0)]));
  const add = (row: string, col: number) => {
    rows[row][col]++;
    rows[row][6]++;
  };
  const endOf = (y: number) => `${y}-12-31`;
  for (const r of records) {
    const receipt = r['收到方式'] === '当面' ? r['提交日期'] : r['收到方式'] === '邮寄' ? r['签收日期'] : r['确认日期'];
    const ends: [string, string][] = [
      [r['逾期未补正日期'], 'other_overdue_correction'],
      [r['逾期未缴费日期'], 'other_overdue_fee'],
      [r['撤回日期'], 'other_other'],
      [r['答复日期'], T3.rows.find((row) => row.label === r['办理结果'])?.id ?? `unknown outcome ${r['办理结果']}`],
    ];
    const [concluded, outcome] = ends.filter(([d]) => d).sort(([a], [b]) => a.localeCompare(b))[0] ?? [];
    const col = APPLICANTS.indexOf(r['申请人类型']);
    const openOn = (day: string) => receipt <= day && !(concluded && concluded <= day);
    if (receipt.startsWith(`${year}-`)) add('new_received', col);
    if (openOn(endOf(year - 1))) add('carried_over', col);
    if (concluded?.startsWith(`${year}-`)) {
      add(outcome!, col);
      add('total_processed', col);
    }
    if (openOn(endOf(year))) add('carried_forward', col);
  }
  return rows;
}

/** Table 四 of a year from the sheet's appeal columns: every case open at some time in the year. */
function countTable4(records: Record<string, string>[], year: number): Record<string, Record<string, number>> {
  const resultId = (label: string) => T4.rows[0].columns.find((c) => c.label === label)!.id;
  const groups: Record<string, Record<string, number>> = Object.fromEntries(
    T4.rows.map((g) => [g.id, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  );
  const count = (group: string, filed: string, decided: string, result: string) => {
    if (!filed || filed > `${year}-12-31` || (decided && decided < `${year}-01-01`)) return;
    const column = decided && decided <= `${year}-12-31` ? resultId(result) : 'pending';
    groups[group][column]++;
    groups[group].total++;
  };
  for (const r of records) {
    count('review', r['行政复议申请日期'], r['行政复议决定日期'], r['行政复议结果']);
    const route = T4.rows.find((g) => g.label === r['行政诉讼类型'])?.id;
    if (r['起诉日期']) count(route!, r['起诉日期'], r['行政诉讼审结日期'], r['行政诉讼结果']);
  }
  return groups;
}

describe('acceptance: two years of a generated ledger to published reports', () => {
  const records = sheetRecords();

  it('is a ledger of a few hundred applications with every kind of event', () => {
    assert.ok(records.length >= 300);
    for (const column of ['补正通知日期', '收到补正日期', '逾期未补正日期', '征求意见开始日期', '延长批准日期', '缴费日期', '逾期未缴费日期', '撤回日期', '行政复议决定日期', '起诉日期']) {
      assert.ok(records.some((r) => r[column]), `no application with ${column}`);
    }
  });

  it('builds final reports for both years with no error finding', () => {
    for (const built of [y2024, y2025]) {
      assert.deepEqual(built.report.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
      assert.deepEqual(built.blocking, []);
      assert.equal(built.final, true);
    }
  });

  for (const built of [y2024, y2025]) {
    const { report } = built;
    it(`${report.year}: table 三 and table 四 recount from the exported sheet`, () => {
      assert.deepEqual(report.table3, countTable3(records, report.year!));
      assert.deepEqual(report.table4, countTable4(records, report.year!));
      assert.ok(report.table3!.new_received[6] as number > 100, 'a busy year');
    });

    it(`${report.year}: section 六 states the fees paid in the year, as the sheet has them`, () => {
      const paid = records.filter((r) => r['缴费日期'].startsWith(`${report.year}-`));
      const yuan = paid.reduce((sum, r) => sum + Number(r['收费金额（元）']), 0);
      assert.ok(paid.length > 0);
      assert.match(report.sections.find((s) => s.number === '六')!.text, new RegExp(`收取信息处理费${yuan}元，涉及政府信息公开申请${paid.length}件`));
    });
  }
});

describe('acceptance: the built reports as Word and PDF files', () => {
  let browser: Promise<Browser> | undefined;
  after(async () => (await browser)?.close());
  const renderers = {
    docx: renderDocx,
    pdf: async (data: Parameters<typeof renderPdf>[0]) => renderPdf(data, { browser: await (browser ??= launchChromium()) }),
  };
  const KEYS = ['agency', 'year', 'format_version', 'published', 'title', 'table2', 'table3', 'table4'] as const;

  for (const [ext, render] of Object.entries(renderers)) {
    for (const year of [2024, 2025]) {
      it(`${year}: the ${ext} reads back with every cell, the title and no error`, async () => {
        const report: Report = year === 2024 ? y2024.report : y2025.report;
        const bytes = await render(reportData(report)!);
        const parsed = await parseReportBytes(bytes, `报告${year}.${ext}`);
        for (const key of KEYS) assert.deepEqual(parsed[key], report[key], key);
        assert.deepEqual(parsed.sections.map((s) => s.number), ['一', '二', '三', '四', '五', '六']);
        assert.deepEqual(parsed.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
        if (ext === 'pdf') assertPrinted(bytes);
      });
    }
  }
});

/**
 * A PDF's pages are A4, every font is embedded, and table 三 runs over pages with its header on each: as pdfinfo,
 * pdffonts and pdftotext (poppler-utils) tell.
 */
function assertPrinted(pdf: Uint8Array): void {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-fonts-'));
  const poppler = (tool: string, ...args: string[]) => {
    const out = spawnSync(tool, [...args, join(dir, 'r.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.normalize('NFKC');
  };
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const info = poppler('pdfinfo');
    assert.match(info, /Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const fonts = poppler('pdffonts').split('\n').slice(2).filter((l) => l.trim());
    assert.ok(fonts.length > 0);
    // Columns: name, type (may be two words), encoding, emb, sub, uni, object, generation.
    assert.deepEqual(fonts.filter((l) => l.trim().split(/\s+/).at(-5) !== 'yes'), []);
    const pages = Array.from({ length: Number(/Pages:\s+(\d+)/.exec(info)![1]) }, (_, i) => poppler('pdftotext', '-f', `${i + 1}`, '-l', `${i + 1}`));
    const table3Pages = pages.filter((text) => /\d\.重复申请|结转下年度继续办理|\d\.属于国家秘密|上年结转政府信息公开申请数量/.test(text));
    assert.ok(table3Pages.length >= 2, 'table 三 runs over two pages');
    for (const text of table3Pages) assert.match(text, /申请人情况/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
