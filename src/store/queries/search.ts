/**
 * Full-text search over the narrative (title, opening and the six sections), on both engines: the query is cut into
 * words by the same segmenter that built each version's tsvector (src/text/segment.ts) and matched with
 * plainto_tsquery('simple', …), so every word must occur; hits are ranked by ts_rank_cd (words close together
 * rank higher) and shown with a snippet around the first word found.
 */
import { sql, type Kysely } from 'kysely';
import type { Report } from '../../report/types.ts';
import { spacedWords, words } from '../../text/segment.ts';
import type { Database } from '../schema.ts';
import { regionRef } from './region.ts';
import { C, withMembers } from './scope.ts';
import type { Table } from './table.ts';

export interface SearchOptions {
  /** A region (text or id) with the regions under it; everywhere when absent. */
  region?: string | number;
  year?: number;
  /** At most this many hits (default 20). */
  limit?: number;
}

/**
 * @example
 *   (await search(store.db, '依申请公开', { region: '淮安市' })).rows[0]; // { agency, year, score, snippet: '…【依】【申请】【公开】…' }
 */
export async function search(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<Table> {
  const columns = [
    { key: 'agency', label: '机关' },
    { key: 'year', label: '年度', kind: 'number' as const },
    { key: 'score', label: '相关度', kind: 'number' as const },
    { key: 'snippet', label: '摘录' },
    { key: 'report_id', label: '报告编号', kind: 'number' as const },
  ];
  const spaced = spacedWords(query);
  if (!spaced) return { columns, rows: [] };
  const regionId = options.region === undefined ? undefined : (await regionRef(db, options.region)).id;
  const tsquery = sql`plainto_tsquery('simple', ${spaced})`;
  const score = sql<number>`round(ts_rank_cd(v.search, ${tsquery})::numeric, 6)::float8`;
  const hits = await withMembers(db, { regionId, year: options.year })
    .selectFrom('member as m')
    .innerJoin('report_version as v', 'v.id', 'm.version_id')
    .select(['m.agency', 'm.year', 'm.report_id', 'm.version_id', score.as('score')])
    .where(sql<boolean>`v.search @@ ${tsquery}`)
    .orderBy('score', 'desc')
    .orderBy(sql`m.agency ${C}`)
    .orderBy('m.year')
    .limit(options.limit ?? 20)
    .execute();
  const texts = hits.length
    ? await db
        .selectFrom('report_version as v')
        .select(['v.id', sql<Pick<Report, 'title' | 'preamble' | 'sections'>>`jsonb_build_object('title', v.body->'title', 'preamble', v.body->'preamble', 'sections', v.body->'sections')`.as('prose')])
        .where('v.id', 'in', hits.map((h) => h.version_id))
        .execute()
    : [];
  const prose = new Map(texts.map((t) => [t.id, narrative(t.prose)]));
  const terms = [query.replace(/\s+/g, ''), ...words(query)];
  return {
    columns,
    rows: hits.map(({ version_id, ...hit }) => ({ ...hit, snippet: snippet(prose.get(version_id) ?? '', terms) })),
  };
}

/** The text the search looks in, as the store indexed it. */
function narrative(report: Pick<Report, 'title' | 'preamble' | 'sections'>): string {
  return [report.title ?? '', ...report.preamble.map((p) => p.text), ...report.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');
}

/**
 * A window of the text around the first place of the first term found (the whole query before its words), every
 * term in it marked 【】 (the longest first), on one line.
 */
export function snippet(text: string, terms: string[], width = 12): string {
  const at = Math.max(0, terms.map((t) => text.indexOf(t)).find((i) => i >= 0) ?? 0);
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width * 2);
  const piece = marked(text.slice(start, end).replace(/\s+/g, ' '), terms);
  return `${start > 0 ? '…' : ''}${piece}${end < text.length ? '…' : ''}`;
}

/** The text with every occurrence of a term wrapped in 【】, the longest term first where several start at one place. */
function marked(text: string, terms: string[]): string {
  const longestFirst = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const term = longestFirst.find((t) => text.startsWith(t, i));
    out += term ? `【${term}】` : text[i];
    i += term ? term.length : 1;
  }
  return out;
}
