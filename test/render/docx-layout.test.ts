/**
 * The Word file on the GB/T 9704 page: A4 and its margins in twips (1 mm = 1440/25.4 twips), the standard's fonts and
 * sizes (half-points: 二号 22 pt = 44, 三号 16 pt = 32), table header rows repeated and rows never split, and a
 * fallback for each font in the font table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from '../../src/render/docx.ts';
import { generateReport } from '../support/generate.ts';

const report = generateReport(7, { version: '2021' });
const files = unzipSync(await renderDocx(report));
const xml = strFromU8(files['word/document.xml']);
const count = (re: RegExp) => (xml.match(re) ?? []).length;
/** The runs' east Asian font and size, in document order. */
const runs = [...xml.matchAll(/w:eastAsia="([^"]+)"[^]*?<w:sz w:val="(\d+)"\/>[^]*?<w:t(?: [^>]*)?>([^<]*)</g)]
  .map(([, font, size, text]) => ({ font, size: Number(size), text }));

describe('DOCX layout (GB/T 9704)', () => {
  it('is an A4 page with margins of 37, 35, 28 and 26 mm', () => {
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets the title in 二号 小标宋, headings in 三号 黑体, the body in 三号 仿宋_GB2312', () => {
    const title = runs.filter((r) => r.font === '方正小标宋简体');
    assert.equal(title.map((r) => r.text).join(''), `${report.agency}${report.year}年政府信息公开工作年度报告`);
    assert.deepEqual([...new Set(title.map((r) => r.size))], [44]);
    const headings = runs.filter((r) => r.font === '黑体');
    assert.deepEqual(headings.map((r) => r.text.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.deepEqual([...new Set(headings.map((r) => r.size))], [32]);
    const body = runs.filter((r) => r.font === '仿宋_GB2312');
    assert.ok(body.length > 6);
    assert.deepEqual([...new Set(body.map((r) => r.size))], [32]);
    assert.deepEqual([...new Set(runs.filter((r) => r.font === '宋体' && /^\d+$/.test(r.text)).map((r) => r.size))], [21]);
  });

  it('repeats the header rows of tables 三 and 四 (three each) and never splits a row', () => {
    assert.equal(count(/<w:tbl>/g), 3);
    assert.equal(count(/<w:tblHeader\/>/g), 6);
    assert.equal(count(/<w:tr>/g), count(/<w:cantSplit\/>/g));
    assert.match(xml, /<w:tblLayout w:type="fixed"\/>/);
  });

  it('gives table 三 its ten columns inside the 156 mm text block, label columns wide', () => {
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map(([, g]) => [...g.matchAll(/w:w="(\d+)"/g)].map(([, w]) => Number(w)));
    assert.deepEqual(grids.map((g) => g.length), [4, 10, 15]);
    for (const g of grids) assert.ok(g.reduce((a, b) => a + b, 0) <= 8844, 'within 156 mm');
    assert.ok(grids[1][2] > 5 * grids[1][3], 'the row label column is far wider than a number column');
  });

  it('numbers the pages "— N —" in the footer and names a fallback for each font', () => {
    assert.match(strFromU8(files['word/footer1.xml']), /— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    const fonts = strFromU8(files['word/fontTable.xml']);
    assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
    assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"\/>/);
  });
});
