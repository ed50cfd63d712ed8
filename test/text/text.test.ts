/** The shared text helpers every reader and check uses: joining wrapped lines and Chinese numerals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCjk } from '../../src/text/cjk.ts';
import { joinLines } from '../../src/text/lines.ts';
import { chineseNumeral, parseChineseNumber } from '../../src/text/numerals.ts';

describe('joinLines', () => {
  it('joins Chinese lines without a space and Latin words with one', () => {
    assert.equal(joinLines(['商业', '企业']), '商业企业');
    assert.equal(joinLines(['Article 1', 'Scope']), 'Article 1 Scope');
    assert.equal(joinLines(['行政', 'Permit']), '行政Permit');
    assert.equal(joinLines(['（一）', '予以公开']), '（一）予以公开');
  });

  it('skips empty lines', () => {
    assert.equal(joinLines(['', 'a', '', 'b', '']), 'a b');
  });

  it('joins a hyphen-wrapped word only when asked (PDF line wraps)', () => {
    assert.equal(joinLines(['e-', 'mail']), 'e- mail');
    assert.equal(joinLines(['e-', 'mail'], { hyphenWrap: true }), 'e-mail');
  });

  it('counts ideographs, full-width forms and CJK punctuation as CJK, not Latin or undefined', () => {
    assert.deepEqual(['中', '，', '１', '⺁', 'a', '1', undefined].map(isCjk), [true, true, true, true, false, false, false]);
  });
});

describe('Chinese numerals', () => {
  it('reads 一 … 九十九 as numbering writes them', () => {
    assert.deepEqual(['一', '九', '十', '十一', '二十', '九十九'].map(parseChineseNumber), [1, 9, 10, 11, 20, 99]);
    assert.deepEqual(['', '零', '一百', '十十', '1'].map(parseChineseNumber), [undefined, undefined, undefined, undefined, undefined]);
  });

  it('writes counting, legal and digit-by-digit numerals', () => {
    assert.deepEqual([1, 10, 11, 20, 105, 1010].map((n) => chineseNumeral(n)), ['一', '十', '十一', '二十', '一百零五', '一千零一十']);
    assert.deepEqual([2, 11].map((n) => chineseNumeral(n, 'legal')), ['贰', '壹拾壹']);
    assert.equal(chineseNumeral(2024, 'digits'), '二〇二四');
    assert.equal(chineseNumeral(10000), '10000');
  });
});
