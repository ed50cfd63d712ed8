/** docs/rules.md is generated from the catalogue and must not drift from it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderRulesMarkdown } from '../../src/pipeline/docs.ts';
import { RULES } from '../../src/checks/index.ts';
import { ROOT } from '../helpers.ts';

describe('docs/rules.md', () => {
  it('is exactly what `npm run docs` prints (regenerate it when rules change)', () => {
    assert.equal(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'), renderRulesMarkdown());
  });

  it('lists every rule with its id and example', () => {
    const md = renderRulesMarkdown();
    for (const rule of RULES) {
      assert.ok(md.includes(`\`${rule.id}\``), rule.id);
      assert.ok(md.includes(rule.example.replace(/\|/g, '\\|')), rule.id);
    }
  });
});
