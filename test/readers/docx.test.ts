import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inflateSync, strToU8, zipSync } from 'fflate';
import type { Cell, DocumentModel, Table } from '../../src/document/model.ts';
import { UnreadableError, type UnreadableCode } from '../../src/document/errors.ts';
import { readDocx } from '../../src/readers/docx.ts';
import { convertLegacyWord } from '../../src/readers/docx/convert.ts';
import { formatNumber } from '../../src/readers/docx/numbering.ts';
import {
  deflatedZeros, docxWithBody, minimalDocx, p, rawZip, tbl, tc, tr, W_NS, wrap,
} from '../fixtures/docx/builder.ts';

const FIXTURES = new URL('../fixtures/docx/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const MB = 2 ** 20;

async function read(bytes: Uint8Array): Promise<DocumentModel> {
  return readDocx({ bytes, source: { path: 'test.docx', sha256: '', media_type: '', bytes: bytes.length } }, {});
}

async function refusal(bytes: Uint8Array | Promise<unknown>): Promise<UnreadableError> {
  try {
    await (bytes instanceof Uint8Array ? read(bytes) : bytes);
  } catch (e) {
    assert.ok(e instanceof UnreadableError, `expected UnreadableError, got ${e}`);
    return e;
  }
  assert.fail('expected the input to be refused');
}

async function assertRefused(bytes: Uint8Array | Promise<unknown>, code: UnreadableCode, zh?: string): Promise<void> {
  const e = await refusal(bytes);
  assert.equal(e.code, code);
  if (zh) assert.equal(e.zh, zh);
}

/** Non-table blocks as [kind, level, text, line]. */
const texts = (doc: DocumentModel) =>
  doc.blocks.filter((b) => b.kind !== 'table').map((b) => [b.kind, b.kind === 'heading' ? b.level : 0, (b as { text: string }).text, b.pos.line]);

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.kind === 'table');

/** A grid as lines: cell text (∅ when blank), ← for a colspan copy, ↑ for a rowspan copy. */
const gridView = (table: Table) =>
  table.rows.map((row, r) => row.map((c: Cell) => (!c.spanned ? c.text || '∅' : c.pos.row !== r ? '↑' : '←')).join(' | '));

const ZIP_BOMB_ZH = '文件异常：压缩内容过大（疑似压缩炸弹）';

describe('docx reader: the built report', async () => {
  const doc = await read(fixture('report.docx'));

  it('restores automatic numbering (一、 （一） 1.) and resets lower levels when a higher one advances', () => {
    assert.deepEqual(texts(doc), [
      ['heading', 1, '某市某局2024年政府信息公开工作年度报告', 1],
      ['paragraph', 0, '本报告根据《中华人民共和国政府信息公开条例》编制。', 2],
      ['heading', 1, '一、总体情况', 3],
      ['heading', 2, '（一）主动公开情况', 4],
      ['paragraph', 0, '全年主动公开政府信息128条。', 5],
      ['heading', 2, '（二）依申请公开情况', 6],
      ['paragraph', 0, '1.属于国家秘密', 7],
      ['paragraph', 0, '2.其他法律行政法规禁止公开', 8],
      ['heading', 1, '二、主动公开政府信息情况', 9],
      ['paragraph', 0, '（一）规章', 10],
      ['heading', 1, '三、收到和处理政府信息公开申请情况', 11],
      ['heading', 1, '四、政府信息公开行政复议、行政诉讼情况', 12],
      ['paragraph', 0, '行政复议\t0件', 13],
      ['paragraph', 0, '行政诉讼 0件', 13],
    ]);
  });

  it('keeps tracked insertions and drops tracked deletions', () => {
    assert.ok(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === '全年主动公开政府信息128条。'));
  });

  it('places the table between the headings it follows and precedes', () => {
    const kinds = doc.blocks.map((b) => (b.kind === 'table' ? 'table' : (b as { text: string }).text.slice(0, 2)));
    assert.deepEqual(kinds.slice(10, 13), ['三、', 'table', '四、']);
  });

  it('expands table 三 into the exact official 28 × 10 grid, merges marked as spanned copies', () => {
    const [table] = tables(doc);
    assert.equal(table.ruled, true);
    assert.deepEqual(gridView(table), [
      '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | ← | ← | 申请人情况 | ← | ← | ← | ← | ← | ←',
      '↑ | ↑ | ↑ | 自然人 | 法人或其他组织 | ← | ← | ← | ← | 总计',
      '↑ | ↑ | ↑ | ↑ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ↑',
      '一、本年新收政府信息公开申请数量 | ← | ← | 5 | 2 | 0 | 0 | 0 | 1 | 8',
      '二、上年结转政府信息公开申请数量 | ← | ← | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '三、本年度办理结果 | （一）予以公开 | ← | 3 | 1 | 0 | 0 | 0 | 1 | 5',
      '↑ | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | ← | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '↑ | （三）不予公开 | 1.属于国家秘密 | / | / | / | / | / | / | /',
      '↑ | ↑ | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | （四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2',
      '↑ | ↑ | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | （五）不予处理 | 1.信访举报投诉类申请 | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '↑ | ↑ | 2.重复申请 | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '↑ | ↑ | 3.要求提供公开出版物 | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '↑ | ↑ | 4.无正当理由大量反复申请 | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '↑ | ↑ | 5.要求行政机关确认或重新出具已获取信息 | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '↑ | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | ↑ | 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '↑ | （七）总计 | ← | 5 | 2 | 0 | 0 | 0 | 1 | 8',
      '四、结转下年度继续办理 | ← | ← | 1 | 0 | 0 | 0 | 0 | 0 | 1',
    ]);
  });

  it('gives every cell its table, row and starting grid column; spanned copies point at the original cell', () => {
    const [table] = tables(doc);
    assert.deepEqual(table.pos, { table: 0 });
    assert.deepEqual(table.rows[2][4], { text: '商业企业', pos: { table: 0, row: 2, cell: 4 } });
    assert.deepEqual(table.rows[7][2], { text: '1.属于国家秘密', pos: { table: 0, row: 7, cell: 2 } });
    assert.deepEqual(table.rows[20][0], { text: '三、本年度办理结果', pos: { table: 0, row: 5, cell: 0 }, spanned: true });
    assert.deepEqual(table.rows[14][1], { text: '（三）不予公开', pos: { table: 0, row: 7, cell: 1 }, spanned: true });
    assert.deepEqual(table.rows[18][9], { text: '', pos: { table: 0, row: 18, cell: 9 } });
    for (const row of table.rows) for (const c of row) assert.deepEqual(Object.keys(c.pos).sort(), ['cell', 'row', 'table']);
  });

  it('reports no reader messages for a well-formed document', () => {
    assert.deepEqual(doc.messages, []);
  });
});

describe('docx reader: table structure', () => {
  it('treats <w:vMerge/> without a value as "continue" and counts the rows it spans', async () => {
    const doc = await read(docxWithBody(tbl([
      tr([tc('甲', '<w:vMerge w:val="restart"/>'), tc('1')]),
      tr([tc('', '<w:vMerge/>'), tc('2')]),
      tr([tc('', '<w:vMerge/>'), tc('3')]),
      tr([tc('乙'), tc('4')]),
    ])));
    assert.deepEqual(gridView(tables(doc)[0]), ['甲 | 1', '↑ | 2', '↑ | 3', '乙 | 4']);
  });

  it('fills gridBefore and gridAfter with blank cells so the columns stay aligned', async () => {
    const doc = await read(docxWithBody(tbl([
      tr([tc('a'), tc('b'), tc('c'), tc('d')]),
      tr([tc('x'), tc('y')], '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'),
    ])));
    const [table] = tables(doc);
    assert.deepEqual(gridView(table), ['a | b | c | d', '∅ | x | y | ∅']);
    assert.deepEqual(table.rows[1].map((c) => c.pos.cell), [0, 1, 2, 3]);
  });

  it('emits a nested table as its own table block after the outer one, without copying its text into the cell', async () => {
    const inner = tbl([tr([tc('内1'), tc('内2')])]);
    const doc = await read(docxWithBody(
      tbl([tr([tc('外'), `<w:tc>${p('单元格')}${inner}<w:p/></w:tc>`])]) + p('正文') + tbl([tr([tc('后')])]),
    ));
    const all = tables(doc);
    assert.deepEqual(all.map(gridView), [['外 | 单元格'], ['内1 | 内2'], ['后']]);
    assert.deepEqual(all.map((t) => t.pos.table), [0, 1, 2]);
    assert.deepEqual(all[1].rows[0][1].pos, { table: 1, row: 0, cell: 1 });
  });

  it('joins wrapped CJK lines without a space and Latin words with one', async () => {
    const doc = await read(docxWithBody(tbl([tr([tc(['法律服务', '机构']), tc(['Legal', 'service']), tc(['合计', '(件)'])])])));
    assert.deepEqual(gridView(tables(doc)[0]), ['法律服务机构 | Legal service | 合计(件)']);
  });

  it('warns instead of guessing when a continued merge has no cell above it', async () => {
    const doc = await read(docxWithBody(tbl([tr([tc('孤', '<w:vMerge/>'), tc('1')])])));
    assert.deepEqual(gridView(tables(doc)[0]), ['孤 | 1']);
    assert.deepEqual(doc.messages.map((m) => [m.rule, m.severity, m.place.source]), [['docx-merge', 'warning', { medium: 'docx', row: 0, cell: 0 }]]);
  });
});

describe('docx reader: text', () => {
  it('reads text boxes where they are anchored, once even when Word stores a fallback copy', async () => {
    const box = `<w:txbxContent>${p('框内文字')}</w:txbxContent>`;
    const drawing =
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      `<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x">${box}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox xmlns:v="v">${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent>`;
    const doc = await read(docxWithBody(p('前') + `<w:p><w:r><w:t>锚</w:t>${drawing}</w:r></w:p>` + p('后')));
    assert.deepEqual(texts(doc), [
      ['paragraph', 0, '前', 1],
      ['paragraph', 0, '锚', 2],
      ['paragraph', 0, '框内文字', 2],
      ['paragraph', 0, '后', 3],
    ]);
  });

  it('skips hidden text and decodes character references', async () => {
    const doc = await read(docxWithBody(
      '<w:p><w:r><w:t>A&amp;B &lt;&#x4E00;&#20108;&gt;</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>',
    ));
    assert.deepEqual(texts(doc), [['paragraph', 0, 'A&B <一二>', 1]]);
  });

  it('finds headings by outline level, by style name or id (标题 1, heading 2, Heading3), and not for outline level 9', async () => {
    const styles = wrap.styles(
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="my"><w:name w:val="我的标题"/><w:basedOn w:val="a5"/></w:style>',
    );
    const doc = await read(docxWithBody(
      p('甲', '<w:pStyle w:val="1"/>') + p('乙', '<w:pStyle w:val="a5"/>') + p('丙', '<w:pStyle w:val="my"/>') +
        p('丁', '<w:pStyle w:val="Heading3"/>') + p('戊', '<w:outlineLvl w:val="1"/>') +
        p('己', '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>'),
      { styles },
    ));
    assert.deepEqual(texts(doc).map(([kind, level]) => [kind, level]), [
      ['heading', 1], ['heading', 2], ['heading', 2], ['heading', 3], ['heading', 2], ['paragraph', 0],
    ]);
  });

  it('reads documents whose producer bound WordprocessingML to another prefix', async () => {
    const doc = await read(minimalDocx(
      `<ns0:document xmlns:ns0="${W_NS}"><ns0:body><ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`,
    ));
    assert.deepEqual(texts(doc), [['paragraph', 0, '前缀不同', 1]]);
  });
});

describe('docx reader: numbering', () => {
  const level = (ilvl: number, fmt: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it('numbers paragraphs through their style, taking the level linked to the style', async () => {
    const numbering = wrap.numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>')}` +
        `${level(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum>` +
        '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
    );
    const styles = wrap.styles(
      `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr>${'<w:numPr><w:numId w:val="5"/></w:numPr>'}</w:pPr></w:style>` +
        '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
    );
    const doc = await read(docxWithBody(
      p('总体情况', '<w:pStyle w:val="H1"/>') + p('主动公开', '<w:pStyle w:val="H2"/>') + p('依申请公开', '<w:pStyle w:val="H2"/>') +
        p('主动公开政府信息情况', '<w:pStyle w:val="H1"/>') + p('规章', '<w:pStyle w:val="H2"/>') +
        p('不编号', `<w:pStyle w:val="H1"/>${numPr(0)}`),
      { numbering, styles },
    ));
    assert.deepEqual(texts(doc).map((t) => t[2]), ['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、主动公开政府信息情况', '（一）规章', '不编号']);
  });

  it('restarts an instance with startOverride, continues instances of the same list otherwise, and skips bullets', async () => {
    const numbering = wrap.numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'bullet', '●')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>',
    );
    const doc = await read(docxWithBody(
      p('甲', numPr(1)) + p('乙', numPr(1)) + p('丙', numPr(2)) + p('丁', numPr(3)) + p('戊', numPr(3)) + p('要点', numPr(4)),
      { numbering },
    ));
    assert.deepEqual(texts(doc).map((t) => t[2]), ['1.甲', '2.乙', '3.丙', '1.丁', '2.戊', '要点']);
  });

  it('honours w:start and formats every level named in lvlText', async () => {
    const numbering = wrap.numbering(
      '<w:abstractNum w:abstractNumId="0">' +
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1章"/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1.%2"/></w:lvl>' +
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const doc = await read(docxWithBody(p('甲', numPr(1)) + p('乙', numPr(1, 1)) + p('丙', numPr(1)), { numbering }));
    assert.deepEqual(texts(doc).map((t) => t[2]), ['第三章甲', '三.①乙', '第四章丙']);
  });

  it('counts numbered paragraphs inside table cells in document order', async () => {
    const numbering = wrap.numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    const cell = (text: string) => `<w:tc>${p(text, numPr(1))}</w:tc>`;
    const doc = await read(docxWithBody(tbl([tr([cell('属于国家秘密'), tc('0')]), tr([cell('其他法律行政法规禁止公开'), tc('0')])]), { numbering }));
    assert.deepEqual(gridView(tables(doc)[0]), ['1.属于国家秘密 | 0', '2.其他法律行政法规禁止公开 | 0']);
  });

  it('writes numbers in Word formats used by Chinese reports', () => {
    const cases: [number, string, string][] = [
      [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [11, 'chineseCountingThousand', '十一'],
      [20, 'chineseCountingThousand', '二十'], [105, 'chineseCountingThousand', '一百零五'],
      [3, 'taiwaneseCountingThousand', '三'], [2, 'chineseLegalSimplified', '贰'], [3, 'ideographTraditional', '丙'],
      [4, 'decimalEnclosedCircle', '④'], [21, 'decimalEnclosedCircle', '21'], [7, 'decimal', '7'],
      [12, 'decimalFullWidth', '１２'], [4, 'lowerRoman', 'iv'], [28, 'upperLetter', 'BB'], [5, 'none', ''],
    ];
    assert.deepEqual(cases.map(([n, f]) => formatNumber(n, f)), cases.map((c) => c[2]));
  });
});

describe('docx reader: refused inputs', () => {
  it('refuses a text file renamed .docx as corrupt', async () => {
    await assertRefused(fixture('not-a-zip.docx'), 'corrupt', '文件已损坏或不是有效的 Word 文档');
  });

  it('refuses a truncated .docx as corrupt', async () => {
    await assertRefused(fixture('truncated.docx'), 'corrupt', '文件已损坏或不是有效的 Word 文档');
  });

  it('refuses a zip without word/document.xml as unsupported', async () => {
    await assertRefused(zipSync({ 'a.txt': strToU8('x') }), 'unsupported', '不是 Word 文档（缺少 word/document.xml）');
  });

  it('refuses XML with a DOCTYPE or ENTITY declaration (no XXE, no billion laughs), in any part read', async () => {
    await assertRefused(fixture('doctype.docx'), 'corrupt');
    const styles = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:styles/>';
    await assertRefused(docxWithBody(p('x'), { styles }), 'corrupt');
  });

  it('refuses damaged compressed data as corrupt', async () => {
    const junk = rawZip([{ name: 'word/document.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, uncompressedSize: 100 }]);
    await assertRefused(junk, 'corrupt', '文件已损坏或不是有效的 Word 文档');
  });

  it('refuses a document without text as empty, and one with only images as image-only', async () => {
    await assertRefused(docxWithBody('<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>'), 'empty');
    const images = zipSync({
      'word/document.xml': strToU8(`<w:document xmlns:w="${W_NS}"><w:body><w:p/></w:body></w:document>`),
      'word/media/image1.png': new Uint8Array(10),
    });
    await assertRefused(images, 'image-only');
  });

  it('refuses a password-protected Office file (OLE with EncryptedPackage) as encrypted', async () => {
    await assertRefused(encryptedOle(), 'encrypted', '文件已加密，请提供未加密的文件');
  });
});

describe('docx reader: zip bombs are refused before inflating', () => {
  it('builds bombs that really inflate to zeros (sanity check of the test generator)', () => {
    const out = inflateSync(deflatedZeros(100_000));
    assert.equal(out.length, 100_000);
    assert.ok(out.every((b) => b === 0));
  });

  it('refuses an entry inflating to 250 MB without inflating it: memory stays small', async () => {
    const size = 250 * MB;
    const bomb = rawZip([{ name: 'word/document.xml', data: deflatedZeros(size), method: 8, uncompressedSize: size }]);
    const before = process.memoryUsage().arrayBuffers;
    await assertRefused(bomb, 'corrupt', ZIP_BOMB_ZH);
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < 8 * MB, `array buffers grew by ${(grown / MB).toFixed(1)} MB`);
  });

  it('refuses an archive whose entries add up to more than 200 MB', async () => {
    const entry = (name: string) => ({ name, data: new Uint8Array(1000), method: 8 as const, uncompressedSize: 70 * MB });
    await assertRefused(rawZip([entry('word/document.xml'), entry('word/media/a.bin'), entry('word/media/b.bin')]), 'corrupt', ZIP_BOMB_ZH);
  });

  it('refuses one entry over 100 MB, a ratio over 200:1 on a large entry, and more than 5,000 entries', async () => {
    const one = (uncompressedSize: number, compressed: number) =>
      rawZip([{ name: 'word/document.xml', data: new Uint8Array(compressed), method: 8, uncompressedSize }]);
    await assertRefused(one(101 * MB, 2 * MB), 'corrupt', ZIP_BOMB_ZH);
    await assertRefused(one(20 * MB, 50_000), 'corrupt', ZIP_BOMB_ZH);
    const many: Record<string, Uint8Array> = { 'word/document.xml': strToU8(`<w:document xmlns:w="${W_NS}"/>`) };
    for (let i = 0; i < 5001; i++) many[`word/media/${i}.bin`] = new Uint8Array(0);
    await assertRefused(zipSync(many, { level: 0 }), 'corrupt', ZIP_BOMB_ZH);
  });

  it('stops inflating as soon as an entry yields more than its directory declared', async () => {
    const liar = rawZip([{ name: 'word/document.xml', data: deflatedZeros(50 * MB), method: 8, uncompressedSize: 1000 }]);
    const before = process.memoryUsage().arrayBuffers;
    await assertRefused(liar, 'corrupt', ZIP_BOMB_ZH);
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < 40 * MB, `array buffers grew by ${(grown / MB).toFixed(1)} MB`);
  });
});

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('legacy Word conversion', () => {
  it('converts report.doc with LibreOffice into a .docx that reads like report.docx', { skip: hasSoffice ? false : 'soffice (LibreOffice) is not installed' }, async () => {
    const docx = await convertLegacyWord(fixture('report.doc'));
    const converted = await read(docx);
    const original = await read(fixture('report.docx'));
    assert.deepEqual(texts(converted), texts(original));
    assert.deepEqual(gridView(tables(converted)[0]), gridView(tables(original)[0]));
  });

  it('says LibreOffice is needed when soffice is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await assertRefused(convertLegacyWord(fixture('report.doc')), 'unsupported', '旧版 Word（.doc/.wps）文件需要安装 LibreOffice 才能读取');
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses an encrypted Office file before starting LibreOffice', async () => {
    await assertRefused(convertLegacyWord(encryptedOle(), { soffice: '/nonexistent/soffice' }), 'encrypted');
  });
});

/** The first bytes of an OLE compound file and a directory entry named EncryptedPackage (UTF-16LE). */
function encryptedOle(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
  return bytes;
}

