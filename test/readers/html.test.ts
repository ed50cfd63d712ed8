import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Block, Cell, DocumentModel, Table } from '../../src/document/model.ts';
import { UnreadableError } from '../../src/document/errors.ts';
import { FORMAT_2021 } from '../../src/format/index.ts';
import { readHtml } from '../../src/readers/html.ts';
import { TABLE3_HTML_VALUES } from '../fixtures/html/table3.values.ts';

const source = { path: 'page.html', sha256: '', media_type: 'text/html', bytes: 0 };
const readBytes = (bytes: Uint8Array): DocumentModel => readHtml({ bytes, source });
const readString = (html: string) => readBytes(new TextEncoder().encode(html));
const readFixture = (name: string) => readBytes(readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url)));

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const texts = (table: Table) => table.rows.map((row) => row.map((cell) => cell.text));
const spannedMap = (table: Table) => table.rows.map((row) => row.map((cell) => (cell.spanned ? 1 : 0)).join(''));
const brief = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'table' ? `table ${b.pos.table}` : `${b.kind} ${b.text}`));

function assertUnreadable(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof UnreadableError && e.code === code);
}

describe('readHtml: the official table 三 layout', () => {
  const doc = readFixture('table3.html');
  const [table] = tables(doc);
  const table3 = FORMAT_2021.tables.table3;
  const resultGroup = table3.rows.find((r) => r.id === 'granted')!.group!;
  const values = TABLE3_HTML_VALUES;
  // The three label columns as a browser lays them out: a row without group spans all three, a row of the
  // 三、本年度办理结果 group spans two, a sub-item sits under its group and the 三、 cell.
  const labelColumns = (label: string, group?: string) =>
    !group ? [label, label, label] : group === resultGroup ? [group, label, label] : [resultGroup, group, label];
  const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  const columns = table3.rows[0].columns.map((c) => c.label);

  it('expands rowspan and colspan into the exact grid, row by row', () => {
    assert.deepEqual(texts(table), [
      [note, note, note, ...Array(7).fill('申请人情况')],
      [note, note, note, '自然人', ...Array(5).fill('法人或其他组织'), '总计'],
      [note, note, note, ...columns],
      ...table3.rows.map((row) => [
        ...labelColumns(row.label, row.group),
        ...(values[row.id] ?? [0, 0, 0, 0, 0, 0, 0]).map(String),
      ]),
    ]);
    assert.equal(table.rows.length, 28);
    assert.ok(table.rows.every((row) => row.length === 10));
    assert.equal(table.ruled, true);
  });

  it('marks exactly the copies left by spans as spanned', () => {
    const item = '10' + '0'.repeat(8);
    assert.deepEqual(spannedMap(table), [
      '0110111111',
      '1110011110',
      '1111000001',
      '0110000000',
      '0110000000',
      '0010000000',
      '1010000000',
      '1000000000',
      ...Array(7).fill('1100000000'),
      item, '1100000000', '1100000000',
      item, ...Array(4).fill('1100000000'),
      item, '1100000000', '1100000000',
      '1010000000',
      '0110000000',
    ]);
  });

  it('joins labels broken by <br> or <p> without a space between Chinese characters', () => {
    assert.deepEqual(texts(table)[2].slice(3), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    assert.equal(table.rows[5][0].text, '三、本年度办理结果');
  });

  it('gives every cell its source line and column and its table, row and grid column', () => {
    assert.deepEqual(table.pos, { line: 24, column: 9, table: 0 });
    assert.deepEqual(table.rows[0][3].pos, { line: 28, column: 13, table: 0, row: 0, cell: 3 });
    assert.deepEqual(table.rows[2][4].pos, { line: 36, column: 13, table: 0, row: 2, cell: 4 });
    assert.deepEqual(table.rows[7][1].pos, { line: 47, column: 15, table: 0, row: 7, cell: 1 });
    assert.deepEqual(table.rows[7][2].pos, { line: 47, column: 43, table: 0, row: 7, cell: 2 });
    assert.deepEqual(table.rows[27][9].pos, { line: 67, column: 107, table: 0, row: 27, cell: 9 });
  });

  it('points a spanned copy at the cell that spans it', () => {
    const copy: Cell = table.rows[26][0];
    assert.equal(copy.spanned, true);
    assert.deepEqual(copy.pos, { line: 45, column: 15, table: 0, row: 5, cell: 0 });
  });

  it('keeps headings, text and site chrome around the table in document order, without the <title>', () => {
    assert.deepEqual(brief(doc.blocks), [
      'paragraph 首页 | 无障碍 | 长者模式',
      'paragraph 首页',
      'paragraph 政务公开',
      'paragraph 互动交流',
      'paragraph 当前位置：首页 > 政务公开 > 年度报告',
      'heading 某某区卫生健康局2024年政府信息公开工作年度报告',
      'paragraph 发布时间：2025-01-15 来源：某某区卫生健康局 字号：大 中 小 打印',
      'paragraph 本报告根据《中华人民共和国政府信息公开条例》编制。',
      'paragraph 一、总体情况',
      'paragraph 2024年，本局认真贯彻落实政府信息公开工作要求。',
      'paragraph 三、收到和处理政府信息公开申请情况',
      'table 0',
      'paragraph 五、存在的主要问题及改进情况',
      'paragraph 2025年，本局将进一步提升公开质量。',
      'paragraph 分享到：微信微博 扫码在手机上查看',
      'paragraph 主办单位：某某区人民政府办公室 网站标识码：1234567890',
    ]);
    assert.deepEqual(doc.blocks[5], {
      kind: 'heading', level: 1, text: '某某区卫生健康局2024年政府信息公开工作年度报告', pos: { line: 16, column: 23 },
    });
    assert.equal(doc.source.encoding, 'utf-8');
    assert.deepEqual(doc.messages, []);
  });
});

describe('readHtml: encodings', () => {
  it('reads a GBK page declared with <meta charset=gbk> as the right Chinese', () => {
    const doc = readFixture('gbk.html');
    assert.equal(doc.source.encoding, 'gb18030');
    assert.deepEqual(brief(doc.blocks), [
      'heading 某某县人民政府办公室2023年政府信息公开工作年度报告',
      'paragraph 四、政府信息公开行政复议、行政诉讼情况',
      'table 0',
      'paragraph 六、其他需要报告的事项：本年度未收取信息处理费。',
    ]);
    assert.deepEqual(texts(tables(doc)[0])[1].slice(0, 5), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });

  it('reads UTF-8 with a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>总体情况</p>')]);
    const doc = readBytes(bytes);
    assert.equal(doc.source.encoding, 'utf-8');
    assert.deepEqual(brief(doc.blocks), ['paragraph 总体情况']);
  });

  it('keeps a page declared UTF-8 with one broken byte as UTF-8 and warns', () => {
    const good = new TextEncoder().encode('<meta charset="utf-8"><p>本年度共收到申请</p>');
    const doc = readBytes(new Uint8Array([...good, 0xe5]));
    assert.equal(doc.source.encoding, 'utf-8');
    assert.deepEqual(brief(doc.blocks), ['paragraph 本年度共收到申请', 'paragraph �']);
    assert.deepEqual(doc.messages.map((m) => [m.rule, m.severity]), [['html-encoding', 'warning']]);
  });
});

describe('readHtml: tables', () => {
  it('emits the tables inside a layout table as their own blocks and its other cells as paragraphs', () => {
    const doc = readFixture('nested.html');
    assert.deepEqual(brief(doc.blocks), [
      'paragraph 某某市统计局门户网站',
      'paragraph 二、主动发布政府信息情况',
      'table 0',
      'paragraph 三、收到和处理政府信息公开申请情况',
      'table 1',
      'paragraph 说明：以上数据截至2024年12月31日。',
      'paragraph 版权所有：某某市统计局',
    ]);
    const [first, second] = tables(doc);
    assert.deepEqual(texts(first), [
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '2', '1', '15'],
    ]);
    assert.deepEqual(texts(second), [['自然人', '商业企业'], ['4', '1']]);
    assert.deepEqual(second.rows[1][1].pos, { line: 20, column: 23, table: 1, row: 1, cell: 1 });
  });

  it('keeps blank cells empty, "/" cells as written, and thead/tfoot/tbody rows in source order', () => {
    const [table] = tables(readFixture('blanks.html'));
    assert.deepEqual(texts(table), [
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['合计 note', 'Total count', 'Total count', 'Total count'],
      ['规章', '', '', ''],
      ['行政规范性文件', '/', '／', '3'],
    ]);
    assert.deepEqual(spannedMap(table), ['0000', '0011', '0000', '0000']);
  });

  it('drops tables without any text', () => {
    const doc = readString('<table><tr><td>&nbsp;</td><td></td></tr></table><p>正文</p>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 正文']);
  });

  it('leaves a caption before its table as a paragraph', () => {
    const doc = readString('<table><caption>表二</caption><tr><td>规章</td></tr></table>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 表二', 'table 0']);
  });
});

describe('readHtml: text', () => {
  it('drops scripts, styles, embedded objects, comments and hidden elements, and runs nothing', () => {
    const doc = readFixture('script.html');
    assert.deepEqual(brief(doc.blocks), ['paragraph 正文第一段', 'paragraph 正文第二段结束', 'paragraph 链接文字']);
  });

  it('splits paragraphs at <br> and at nested blocks without repeating text', () => {
    const doc = readString('<div>前言<div><div>第一行<br>第二行</div></div>后记</div><p><span>一、</span><b>总体</b>情况</p>');
    assert.deepEqual(brief(doc.blocks), [
      'paragraph 前言', 'paragraph 第一行', 'paragraph 第二行', 'paragraph 后记', 'paragraph 一、总体情况',
    ]);
  });

  it('collapses whitespace and no-break spaces, and joins Chinese wrapped across source lines', () => {
    const doc = readString('<p>&nbsp;&nbsp;本年度共收到\n   申请 5 件，&nbsp; 办结\tall   done</p>');
    assert.deepEqual(doc.blocks, [
      { kind: 'paragraph', text: '本年度共收到申请 5 件， 办结 all done', pos: { line: 1, column: 16 } },
    ]);
  });

  it('reads each line of a <pre> as a paragraph', () => {
    const doc = readString('<pre>一、总体情况\n  本年度\n</pre>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 一、总体情况', 'paragraph 本年度']);
  });
});

describe('readHtml: unusable and hostile pages', () => {
  it('refuses a page with only images as image-only', () => {
    assertUnreadable(() => readFixture('images.html'), 'image-only');
  });

  it('refuses a page without text as empty', () => {
    const blank = '<html><head><title>年报</title></head><body><div> &nbsp; </div><!-- 注释 --><script>x()</script></body>';
    assertUnreadable(() => readString(blank), 'empty');
    assertUnreadable(() => readBytes(new Uint8Array()), 'empty');
  });

  it('reads 10,000 nested divs without blowing the stack', () => {
    const depth = 10_000;
    const doc = readString(`${'<div>'.repeat(depth)}最里层${'</div>'.repeat(depth)}<p>之后</p>`);
    assert.deepEqual(brief(doc.blocks), ['paragraph 最里层', 'paragraph 之后']);
  });

  it('reads 10,000 unclosed spans and 1,000 nested tables without blowing the stack', () => {
    const spans = readString(`<p>${'<span>'.repeat(10_000)}文字</p>`);
    assert.deepEqual(brief(spans.blocks), ['paragraph 文字']);
    const nested = readString(`${'<table><tr><td>'.repeat(1_000)}最里层`);
    assert.deepEqual(brief(nested.blocks), ['table 0']);
    assert.deepEqual(texts(tables(nested)[0]), [['最里层']]);
  });

  it('takes a huge attribute value in its stride', () => {
    const doc = readString(`<p title="${'x'.repeat(1_000_000)}" onclick="${'y'.repeat(100_000)}">正文</p>`);
    assert.deepEqual(brief(doc.blocks), ['paragraph 正文']);
  });
});

describe('readHtml: broken markup read as a browser repairs it', () => {
  it('ends an unclosed cell at the next cell and an unclosed row at the next row, even with a <p> or <span> open inside', () => {
    const doc = readString('<table><tr><td><p>一<td><span>二<tr><td>三</table>');
    assert.deepEqual(texts(tables(doc)[0]), [['一', '二'], ['三']]);
  });

  it('gives cells outside any row the row a browser implies, which </tbody> ends', () => {
    const doc = readString('<table><td>一</td></tbody><td>二</table>');
    assert.deepEqual(texts(tables(doc)[0]), [['一'], ['二']]);
  });

  it('does not let a stray </div>, </font> or </span> inside a cell close the table around it', () => {
    const doc = readString('<div><table><tr><td>一</div>二</td><td>三</font></span></td></tr></table></div><p>之后</p>');
    assert.deepEqual(brief(doc.blocks), ['table 0', 'paragraph 之后']);
    assert.deepEqual(texts(tables(doc)[0]), [['一二', '三']]);
  });

  it('ends a table at a <table> start directly inside it, so both are tables', () => {
    const doc = readString('<table><tr><td>一</td></tr><table><tr><td>二</td></tr></table>');
    assert.deepEqual(brief(doc.blocks), ['table 0', 'table 1']);
  });

  it('puts text written between rows before the table, joined to the line before it', () => {
    const doc = readString('<div>前<table>注<tr><td>1</td></tr></table>后</div>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 前注', 'table 0', 'paragraph 后']);
    assert.deepEqual(doc.blocks[0].pos, { line: 1, column: 6 });
  });

  it('ends an open <p> at a block, and at a table only when the doctype is a modern one', () => {
    const html = '<p>一<table>注<tr><td>1</table>二';
    assert.deepEqual(brief(readString(html).blocks), ['paragraph 一注', 'table 0', 'paragraph 二']);
    assert.deepEqual(brief(readString(`<!DOCTYPE html>${html}`).blocks), [
      'paragraph 一', 'paragraph 注', 'table 0', 'paragraph 二',
    ]);
  });

  it('shows what follows a hidden paragraph once a block ends it', () => {
    const doc = readString('<p style="display:none">隐藏<span>也隐藏<div>可见</div>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 可见']);
  });

  it('reads text in <head> and after a late <body> tag as one paragraph of the body', () => {
    const doc = readString('<head><meta charset="utf-8">正文<body>续</body>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 正文续']);
  });

  it('drops <noscript> content as text, even a table start in it, and shows paragraphs that break out of <svg>', () => {
    assert.deepEqual(brief(readString('<noscript><table></noscript><p>正文</p>').blocks), ['paragraph 正文']);
    assert.deepEqual(brief(readString('<svg><text>图</text><p>可见</p></svg>').blocks), ['paragraph 可见']);
  });

  it('reads upper-case tags and takes the first of two rowspan attributes', () => {
    const [table] = tables(readString('<TABLE><TR><TD ROWSPAN=2 rowspan=5>A<TD>B<TR><TD>C</TABLE>'));
    assert.deepEqual(texts(table), [['A', 'B'], ['A', 'C']]);
    assert.deepEqual(spannedMap(table), ['00', '10']);
  });

  it('moves text written between the rows of a layout table before the table, as it does for a data table', () => {
    const doc = readString('<div>网站<table><tr><td>甲<table><tr><td>1</td></tr></table></td></tr>说明</table></div>');
    assert.deepEqual(brief(doc.blocks), ['paragraph 网站说明', 'paragraph 甲', 'table 0']);
  });

  it('reads only options in a <select>, and keeps what follows a misnested </form> in its line', () => {
    const select = readString('<select><option>一<div>二</div><option>三</select><p>正文</p>');
    assert.deepEqual(brief(select.blocks), ['paragraph 一二', 'paragraph 三', 'paragraph 正文']);
    assert.deepEqual(brief(readString('<form><span>表单</form>续</span>').blocks), ['paragraph 表单续']);
  });

  it('takes 10,000 stray end tags over 10,000 open spans in its stride', () => {
    const doc = readString(`<div>${'<span>'.repeat(10_000)}文字${'</b>'.repeat(10_000)}`);
    assert.deepEqual(brief(doc.blocks), ['paragraph 文字']);
  });
});

describe('readHtml: tables and lines, more', () => {
  it('spans a rowspan="0" cell to the end of the table', () => {
    const [table] = tables(readString('<table><tr><td rowspan="0">一<td>二<tr><td>三<tr><td>四</table>'));
    assert.deepEqual(texts(table), [['一', '二'], ['一', '三'], ['一', '四']]);
    assert.deepEqual(spannedMap(table), ['00', '10', '10']);
  });

  it('joins the lines of a <pre> in a cell like wrapped text, and a caption broken by <br> into one paragraph', () => {
    const pre = readString('<table><tr><td><pre>a\nb</pre></td><td><pre>商业\n企业</pre></td></tr></table>');
    assert.deepEqual(texts(tables(pre)[0]), [['a b', '商业企业']]);
    const caption = readString('<table><caption>表<br>二</caption><tr><td>规章</td></tr></table>');
    assert.deepEqual(caption.blocks[0], { kind: 'paragraph', text: '表二', pos: { line: 1, column: 8 } });
  });

  it('reads the lines of a layout table before its inner table as headings and paragraphs, in order', () => {
    const doc = readString('<table><tr><td><h2>标题</h2>说明<table><tr><td>1</td></tr></table>后记</td></tr></table>');
    assert.deepEqual(brief(doc.blocks), ['heading 标题', 'paragraph 说明', 'table 0', 'paragraph 后记']);
    assert.deepEqual(doc.blocks[0], { kind: 'heading', level: 2, text: '标题', pos: { line: 1, column: 20 } });
  });

  it('counts lines after LF, CRLF and a lone CR, and points past blanks and &nbsp; at the first character', () => {
    const lines = readString('<p>第一行</p>\r\n<p>第二行</p>\r<p>第三行</p>');
    assert.deepEqual(lines.blocks.map((b) => b.pos), [{ line: 1, column: 4 }, { line: 2, column: 4 }, { line: 3, column: 4 }]);
    const blanks = readString('<div>\n  <p>\n    &nbsp;正文</p></div>');
    assert.deepEqual(blanks.blocks[0].pos, { line: 3, column: 11 });
  });
});
