import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Block, Cell, DocumentModel, Table } from '../../src/document/model.ts';
import { UnreadableError } from '../../src/document/errors.ts';
import { readBytes, readPath } from '../../src/readers/index.ts';
import { isPageNumber } from '../../src/readers/pdf/furniture.ts';
import { itemPieces } from '../../src/readers/pdf/items.ts';
import { layoutDocument } from '../../src/readers/pdf/layout.ts';
import { buildLines } from '../../src/readers/pdf/lines.ts';
import { ocrAvailable, piecesFromTsv } from '../../src/readers/pdf/ocr.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pdf');
const fixture = (name: string) => join(FIXTURES, name);

const cache = new Map<string, Promise<DocumentModel>>();
/** Each fixture is read once for all tests that look at it. */
function read(name: string): Promise<DocumentModel> {
  if (!cache.has(name)) cache.set(name, readPath(fixture(name)));
  return cache.get(name)!;
}

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const texts = (row: Cell[]) => row.map((c) => c.text);
/** The table whose cells include `text`. */
function tableWith(doc: DocumentModel, text: string): Table {
  const t = tables(doc).find((b) => b.rows.some((r) => r.some((c) => c.text === text)));
  assert.ok(t, `no table with a cell "${text}"`);
  return t;
}
function rowWith(table: Table, text: string): Cell[] {
  const row = table.rows.find((r) => r.some((c) => c.text === text && !c.spanned));
  assert.ok(row, `no row with a cell "${text}"`);
  return row;
}
function allText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('\n') : b.text)).join('\n');
}
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof UnreadableError && e.code === code);
}

const OUTCOME = '三、本年度办理结果';
const ZEROS = ['0', '0', '0', '0', '0', '0', '0'];
/** Table 三 of report.html as a browser lays it out: 3 label columns, 7 number columns, spans copied. */
const TABLE3_ROWS: Record<string, string[]> = {
  new_received: ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '35', '2', '0', '0', '1', '0', '38'],
  partially_granted: [OUTCOME, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '4', '0', '0', '0', '1', '0', '5'],
  denied_state_secret: [OUTCOME, '(三)不予公开', '1.属于国家秘密', ...ZEROS],
  denied_law_forbidden: [OUTCOME, '(三)不予公开', '2.其他法律行政法规禁止公开', '1', '0', '0', '0', '0', '0', '1'],
  other_overdue_correction: [OUTCOME, '(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1', '0', '0', '0', '0', '0', '1'],
  other_overdue_fee: [OUTCOME, '(六)其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...ZEROS],
  total_processed: [OUTCOME, '(七)总计', '(七)总计', '37', '2', '0', '0', '1', '0', '40'],
  carried_forward: ['四、结转下年度继续办理', '四、结转下年度继续办理', '四、结转下年度继续办理', '1', '0', '0', '0', '0', '0', '1'],
};
/** The row labels of table 三 in order, one row each: nothing may come between them. */
const TABLE3_LABELS = [
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '(一)予以公开', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息',
  '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他', '(七)总计', '四、结转下年度继续办理',
];

describe('PDF reader: report printed by Chromium (table 三 across two pages, running header, page numbers)', () => {
  it('reads table 三 rows with their exact cells, the wrapped label as one cell', async () => {
    const t = tableWith(await read('report.pdf'), '申请人情况');
    assert.equal(t.ruled, true);
    for (const [id, expected] of Object.entries(TABLE3_ROWS)) {
      assert.deepEqual(texts(rowWith(t, expected[2])), expected, id);
    }
  });

  it('keeps table 三 one table across the page break, with no header, footer or page number between its rows', async () => {
    const doc = await read('report.pdf');
    const t = tableWith(doc, '申请人情况');
    assert.deepEqual(t.rows.map((r) => r[2].text), TABLE3_LABELS);
    const text = allText(doc.blocks);
    assert.equal(text.split('惠农区卫生健康局2024年政府信息公开工作年度报告').length - 1, 1, 'only the title, not the running header');
    assert.ok(!doc.blocks.some((b) => b.kind !== 'table' && /^-\s*\d+\s*-$/.test(b.text)), 'no page number paragraph');
  });

  it('continues a cell that spans rows across the break as spanned copies of the cell on page 1', async () => {
    const t = tableWith(await read('report.pdf'), '申请人情况');
    const secret = rowWith(t, '1.属于国家秘密');
    assert.equal(secret[0].text, OUTCOME);
    assert.equal(secret[0].spanned, true);
    assert.equal(secret[0].pos.page, 1);
  });

  it('gives cells their page and top-left position in points, and rows running line numbers', async () => {
    const t = tableWith(await read('report.pdf'), '申请人情况');
    const partial = rowWith(t, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)')[1];
    const secret = rowWith(t, '1.属于国家秘密')[2];
    assert.equal(partial.pos.page, 1);
    assert.equal(secret.pos.page, 2);
    assert.ok(secret.pos.x! > 56 && secret.pos.x! < 595 && secret.pos.y! > 40 && secret.pos.y! < 120, JSON.stringify(secret.pos));
    const lines = t.rows.map((r) => r[3].pos.line!);
    assert.deepEqual(lines, lines.map((_, i) => lines[0] + i));
  });

  it('normalises Kangxi and supplement radicals from the text layer', async () => {
    const doc = await read('report.pdf');
    const text = allText(doc.blocks);
    assert.doesNotMatch(text, /[\u2E80-\u2EFF\u2F00-\u2FDF]/);
    assert.ok(doc.blocks.some((b) => b.kind === 'heading' && b.text === '一、总体情况'));
    assert.match(text, /多角度开展政策解读/);
  });

  it('tells headings from paragraphs by size and joins a paragraph wrapped over two lines', async () => {
    const doc = await read('report.pdf');
    const head = doc.blocks.slice(0, 4).map((b) => [b.kind, b.kind === 'heading' ? b.level : 0, b.kind === 'table' ? '' : b.text]);
    assert.deepEqual(head, [
      ['heading', 1, '惠农区卫生健康局2024年政府信息公开工作年度报告'],
      ['paragraph', 0, '根据《中华人民共和国政府信息公开条例》规定,现发布本报告。本报告统计数据从2024年1月1日至12月31日。'],
      ['heading', 2, '一、总体情况'],
      ['paragraph', 0, '(一)主动公开情况。2024年,通过区人民政府网站、微信公众平台及政务公开栏等载体公开信息,多角度开展政策解读,全年共公开政务信息900余条。'],
    ]);
    assert.deepEqual(doc.blocks.map((b) => b.pos.line), doc.blocks.map((b) => b.pos.line).sort((a, b) => a! - b!));
  });

  it('reads table 二 with its column spans', async () => {
    const t = tableWith(await read('report.pdf'), '行政许可');
    assert.deepEqual(texts(rowWith(t, '行政规范性文件')), ['行政规范性文件', '2', '1', '9']);
    assert.deepEqual(texts(rowWith(t, '行政事业性收费')), ['行政事业性收费', '43.5824', '43.5824', '43.5824']);
    assert.deepEqual(rowWith(t, '行政事业性收费').map((c) => c.spanned ?? false), [false, false, true, true]);
  });
});

describe('PDF reader: the same report converted by LibreOffice (rows cut by the page breaks)', () => {
  it('rejoins rows cut across pages and yields the same table 三 grid as the Chromium print', async () => {
    const lo = tableWith(await read('report-libreoffice.pdf'), '申请人情况');
    const chromium = tableWith(await read('report.pdf'), '申请人情况');
    assert.deepEqual(lo.rows.map(texts), chromium.rows.map(texts));
    assert.deepEqual(lo.rows.map((r) => r.map((c) => c.spanned ?? false)), chromium.rows.map((r) => r.map((c) => c.spanned ?? false)));
  });

  it('places the rows of the cut table on the pages they start on', async () => {
    const t = tableWith(await read('report-libreoffice.pdf'), '申请人情况');
    assert.equal(rowWith(t, '自然人')[3].pos.page, 1);
    assert.equal(rowWith(t, '35')[3].pos.page, 2);
    assert.equal(rowWith(t, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')[3].pos.page, 3);
  });
});

const TABLE4_ROWS = [
  ['行政复议', '行政复议', '行政复议', '行政复议', '行政复议', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '未经复议直接起诉', '未经复议直接起诉', '未经复议直接起诉', '未经复议直接起诉', '复议后起诉', '复议后起诉', '复议后起诉', '复议后起诉', '复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ['3', '1', '0', '2', '6', '1', '0', '0', '1', '2', '0', '1', '0', '0', '1'],
];

describe('PDF reader: landscape and turned pages', () => {
  it('reads a 15-column table 四 on a landscape page', async () => {
    const doc = await read('landscape.pdf');
    assert.deepEqual(tables(doc).map((t) => t.rows.map(texts)), [TABLE4_ROWS]);
    assert.equal(tableWith(doc, '复议后起诉').rows[3][14].pos.x! > 595, true, 'x beyond a portrait page width');
  });

  it('reads a page whose content is turned a quarter as if it were upright', async () => {
    const doc = await read('rotated.pdf');
    assert.deepEqual(tables(doc).map((t) => t.rows.map(texts)), [TABLE4_ROWS]);
    assert.equal(doc.blocks[0].kind === 'heading' && doc.blocks[0].text, '四、政府信息公开行政复议、行政诉讼情况');
  });
});

describe('PDF reader: tables without ruling lines', () => {
  it('builds rows from lines and columns from aligned numbers, a blank cell as empty text, marked unruled', async () => {
    const doc = await read('unruled.pdf');
    const t = tableWith(doc, '自然人');
    assert.equal(t.ruled, false);
    assert.deepEqual(t.rows.map(texts), [
      ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ['一、本年新收政府信息公开申请数量', '12', '3', '0', '0', '1', '0', '16'],
      ['二、上年结转政府信息公开申请数量', '2', '0', '0', '0', '0', '0', '2'],
      ['(七)总计', '13', '3', '0', '0', '1', '', '17'],
      ['四、结转下年度继续办理', '1', '0', '0', '0', '0', '0', '1'],
    ]);
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['heading', 'paragraph', 'table', 'paragraph']);
  });
});

describe('PDF reader: fonts', () => {
  it('decodes Chinese text in a font with a predefined CMap (UniGB-UCS2-H) through pdf.js character maps', async () => {
    const doc = await read('predefined-cmap.pdf');
    assert.deepEqual(doc.blocks.map((b) => b.kind !== 'table' && b.text), ['政府信息公开工作年度报告', '本年度共收到政府信息公开申请十二件。']);
  });

  it('takes a blank page for a blank page, not a scan', async () => {
    assert.deepEqual((await read('predefined-cmap.pdf')).messages, []);
  });
});

describe('PDF reader: unreadable and partly readable input', () => {
  it('refuses a PDF without any text layer as image-only', async () => {
    await rejectsWith(read('image-only.pdf'), 'image-only');
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    await rejectsWith(read('encrypted.pdf'), 'encrypted');
  });

  it('refuses a truncated PDF as corrupt', async () => {
    await rejectsWith(read('truncated.pdf'), 'corrupt');
  });

  it('refuses bytes that only start like a PDF as corrupt', async () => {
    await rejectsWith(readBytes(new TextEncoder().encode('%PDF-1.7\nnot really a pdf\n'), 'x.pdf'), 'corrupt');
  });

  it('warns about a page without text and reads the others', async () => {
    const doc = await read('mixed.pdf');
    assert.deepEqual(doc.messages, [
      { rule: 'page-without-text', severity: 'warning', origin: 'read', message: '第2页为扫描件/图片，无可提取文字', page: 2, place: { source: { medium: 'pdf', page: 2 } } },
    ]);
    assert.deepEqual(doc.blocks.map((b) => b.kind !== 'table' && b.text), ['一、总体情况:本页有文字层。']);
  });
});

const ocrSkip = (await ocrAvailable()) ? false : 'tesseract-ocr with chi_sim data or poppler-utils (pdftoppm) is not installed';

describe('PDF reader: OCR of scanned pages', () => {
  it('says tesseract is missing when OCR is asked for without it', { skip: ocrSkip ? false : 'tesseract-ocr is installed here' }, async () => {
    await assert.rejects(readPath(fixture('image-only.pdf'), { ocr: true }), (e: unknown) =>
      e instanceof UnreadableError && e.code === 'image-only' && e.zh === '扫描件/图片，无可提取文字（未安装 tesseract-ocr，无法识别）');
  });

  it('recognises a page without text layer with tesseract and keeps the confidence', { skip: ocrSkip }, async () => {
    const doc = await readPath(fixture('image-only.pdf'), { ocr: true });
    const text = allText(doc.blocks);
    assert.match(text, /主动公开政府信息情况/);
    assert.match(text, /政府信息/);
    for (const b of doc.blocks) {
      assert.equal(b.pos.page, 1);
      assert.ok(typeof b.pos.ocr === 'number' && b.pos.ocr > 50 && b.pos.ocr <= 100, JSON.stringify(b.pos));
    }
    assert.deepEqual(doc.messages.map((m) => m.rule), ['page-ocr']);
  });
});

describe('PDF reader: building blocks', () => {
  const piece = (text: string, x0: number, baseline: number, size = 12) =>
    ({ text, x0, x1: x0 + [...text].length * size, baseline, size, spaced: false });
  const page = (n: number, pieces: ReturnType<typeof piece>[]) => ({ page: n, width: 595, height: 842, pieces, segments: [] });

  it('drops running headers and page numbers and joins a paragraph continued on the next page', () => {
    const blocks = layoutDocument([
      page(1, [
        piece('某某局2024年政府信息公开工作年度报告', 380, 30, 9),
        piece('一、总体情况', 72, 100, 16),
        piece('本'.repeat(38), 96, 130),
        piece('年'.repeat(40), 72, 150),
        piece('第1页', 280, 800, 9),
      ]),
      page(2, [
        piece('某某局2024年政府信息公开工作年度报告', 380, 30, 9),
        piece('度完成。', 72, 80),
        piece('二、主动公开政府信息情况', 72, 120, 16),
        piece('第2页', 280, 800, 9),
      ]),
    ]);
    assert.deepEqual(blocks.map((b) => [b.kind, b.kind === 'table' ? '' : b.text, b.pos.page, b.pos.line]), [
      ['heading', '一、总体情况', 1, 1],
      ['paragraph', `${'本'.repeat(38)}${'年'.repeat(40)}度完成。`, 1, 2],
      ['heading', '二、主动公开政府信息情况', 2, 3],
    ]);
  });

  it('drops a header row repeated on the next page and reads the table on as one', () => {
    // A two-column ruled grid: rules at every x and y edge, across the whole table.
    const grid = (xs: number[], ys: number[]) => [
      ...ys.map((y) => ({ x0: xs[0], x1: xs.at(-1)!, y0: y, y1: y })),
      ...xs.map((x) => ({ x0: x, x1: x, y0: ys[0], y1: ys.at(-1)! })),
    ];
    const xs = [72, 300, 520];
    const blocks = layoutDocument([
      { ...page(1, [piece('项目', 80, 116), piece('数量', 310, 116), piece('行政许可', 80, 146), piece('418', 310, 146)]), segments: grid(xs, [100, 130, 160]) },
      { ...page(2, [piece('项目', 80, 66), piece('数量', 310, 66), piece('行政处罚', 80, 96), piece('25', 310, 96)]), segments: grid(xs, [50, 80, 110]) },
    ]);
    assert.equal(blocks.length, 1);
    const t = blocks[0] as Table;
    assert.deepEqual(t.rows.map(texts), [['项目', '数量'], ['行政许可', '418'], ['行政处罚', '25']]);
    assert.deepEqual(t.rows.map((r) => [r[1].pos.page, r[1].pos.x, r[1].pos.y, r[1].pos.line]), [[1, 300, 100, 1], [1, 300, 130, 2], [2, 300, 80, 3]]);
  });

  it('keeps a line ending a sentence at the right margin apart from the next one', () => {
    const blocks = layoutDocument([page(1, [piece(`${'本'.repeat(39)}。`, 72, 100), piece('年'.repeat(40), 72, 120)])]);
    assert.equal(blocks.length, 2);
  });

  it('recognises page number lines in their usual forms', () => {
    for (const s of ['- 3 -', '—3—', '3', '第 3 页', '第3页 共12页', '3 / 12', 'Page 3']) assert.equal(isPageNumber(s), true, s);
    for (const s of ['3.其他', '2024年', '第三条', '一、总体情况']) assert.equal(isPageNumber(s), false, s);
  });

  it('cuts a text item at its spaces, estimating where each part sits', () => {
    const pieces = itemPieces({ str: '商业企业 科研机构', width: 88, transform: [10, 0, 0, 10, 100, 700] }, [1, 0, 0, -1, 0, 842]);
    assert.deepEqual(pieces.map((p) => [p.text, Math.round(p.x0), Math.round(p.x1), p.baseline, p.spaced]), [
      ['商业企业', 100, 140, 142, false],
      ['科研机构', 148, 188, 142, true],
    ]);
  });

  it('splits a line into runs at gaps wider than one em', () => {
    const piece = (text: string, x0: number, x1: number) => ({ text, x0, x1, baseline: 100, size: 10, spaced: false });
    const [line] = buildLines([piece('行政许可', 50, 90), piece('418', 150, 165), piece('件', 166, 176)], 1);
    assert.deepEqual(line.runs.map((r) => r.text), ['行政许可', '418件']);
  });

  it('turns tesseract TSV words into pieces on their line baseline with confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t100\t200\t400\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t205\t150\t40\t96.5\t主动公开',
      '5\t1\t1\t1\t1\t2\t300\t210\t100\t40\t80\t900条',
    ].join('\n');
    assert.deepEqual(piecesFromTsv(tsv, 72), [
      { text: '主动公开', x0: 100, x1: 250, baseline: 250, size: 50, spaced: false, ocr: 96.5 },
      { text: '900条', x0: 300, x1: 400, baseline: 250, size: 50, spaced: true, ocr: 80 },
    ]);
  });
});

describe('letter-spaced text (CSS letter-spacing printed by Chromium)', () => {
  it('reads a spaced-out title as the words it spells, so its agency and year are found', async () => {
    const doc = await read('spaced-title.pdf');
    assert.deepEqual(doc.blocks.slice(0, 2).map((b) => (b.kind === 'table' ? '' : b.text)),
      ['平阴县卫生健康局2024年政府信息公开工作年度报告', '发布日期:2025-01-15']);
    const { parseReportFile } = await import('../../src/index.ts');
    const r = await parseReportFile(fixture('spaced-title.pdf'));
    assert.deepEqual([r.agency, r.year], ['平阴县卫生健康局', 2024]);
  });

  it('takes the gap every character has for tracking, not for spaces, and keeps a space wider than it', () => {
    // A title at 16.5 pt with 2.25 pt between all characters; pdf.js marks each gap as a space.
    const at = (text: string, x0: number, x1: number) => ({ text, x0, x1, baseline: 124, size: 16.5, spaced: true });
    const [title] = buildLines([at('平', 77.16, 93.66), at('阴', 95.91, 112.41), at('县', 114.66, 131.16), at('局', 133.41, 149.91),
      at('2', 152.16, 161.23), at('0', 163.7, 172.77), at('2', 175.24, 184.31), at('4', 186.78, 195.85), at('年', 198.32, 214.82)], 1);
    assert.equal(title.text, '平阴县局2024年');
    const [spaced] = buildLines([at('平', 77.16, 93.66), at('阴', 95.91, 112.41), at('县', 114.66, 131.16), at('局', 133.41, 149.91),
      at('12', 152.16, 170.31), at('34', 178.86, 197.01)], 1);
    assert.equal(spaced.text, '平阴县局12 34');
  });
});
