/**
 * The roster page (an admin imports a roster CSV there), the roster as CSV with the columns of `xxgk roster export`,
 * and the year's missing and late reports as CSV (the overview shows them).
 */
import type { Context } from 'hono';
import { UnreadableError } from '../document/errors.ts';
import { decodeText } from '../readers/sniff.ts';
import type { RosterImport } from '../web/model.ts';
import { RosterPage } from '../web/roster-page.tsx';
import type { AppContext } from './context.ts';
import { csvResponse } from './csv.ts';
import { WebError, type AppEnv } from './http.ts';
import { parsed } from './pages.tsx';
import { page, viewerOf } from './render.tsx';
import { YearQuery } from './roster-schemas.ts';

/** A roster of a whole province is a few MB; anything larger is not a roster. */
const MAX_ROSTER_BYTES = 8 * 2 ** 20;

export function registerRosterPages(ctx: AppContext): void {
  const { data } = ctx;
  const view = async (c: Context<AppEnv>, result?: RosterImport) =>
    page(c, <RosterPage viewer={viewerOf(c, ctx.options.mode === 'server')!} roster={await data.roster()} result={result} />, result?.problems ? 422 : 200);

  ctx.route('GET', '/roster', 'viewer', (c) => view(c));

  ctx.route('GET', '/roster.csv', 'viewer', async (c) => {
    const roster = await data.roster();
    return csvResponse(c, '名册.csv', roster.columns, roster.rows);
  });

  ctx.route('POST', '/roster', 'admin', async (c) => {
    const text = await rosterText(c);
    return view(c, typeof text === 'string' ? await data.importRoster(text) : text);
  });

  ctx.route('GET', '/deadlines/missing.csv', 'viewer', async (c) => {
    const { year } = parsed(YearQuery, c.req.query());
    const { missing } = await data.deadlines(year);
    return csvResponse(c, `${year}年度未见报告.csv`, missing.columns, missing.rows);
  });

  ctx.route('GET', '/deadlines/late.csv', 'viewer', async (c) => {
    const { year } = parsed(YearQuery, c.req.query());
    const { late } = await data.deadlines(year);
    return csvResponse(c, `${year}年度逾期发布.csv`, late.columns, late.rows);
  });
}

/** The uploaded roster's text (UTF-8, or GB18030 as Excel saves CSV on Chinese Windows), or why there is none. */
async function rosterText(c: Context): Promise<string | RosterImport> {
  if (!(Number(c.req.header('content-length') ?? NaN) <= MAX_ROSTER_BYTES)) {
    throw new WebError(413, 'too-large', `名册文件不能超过 ${MAX_ROSTER_BYTES / 2 ** 20} MB（需注明长度）`, 'roster too large or without a length');
  }
  const file = (await c.req.parseBody()).roster;
  if (!(file instanceof File)) throw new WebError(400, 'no-file', '没有收到名册文件', 'no roster file was uploaded');
  try {
    return decodeText(new Uint8Array(await file.arrayBuffer())).text;
  } catch (e) {
    if (!(e instanceof UnreadableError)) throw e;
    return { problems: [{ line: 0, message: `名册不是文本（CSV）文件：${e.zh}` }] };
  }
}
