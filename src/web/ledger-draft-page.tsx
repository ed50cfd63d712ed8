/**
 * The year's report as the ledger builds it: what still blocks "final", the live findings, the six sections with
 * tables 二/三/四 drawn as the statutory template (the report page's own components), and the downloads.
 */
import { SECTIONS } from '../format/index.ts';
import { table2Fields, table2Value } from '../ledger/index.ts';
import type { Report } from '../report/types.ts';
import { narrativeFindings, notesByCell } from './cell-notes.ts';
import { CsrfField, DataLinks, Layout, type Viewer } from './layout.tsx';
import type { Field } from './ledger-fields.ts';
import { LedgerForm, type FormState } from './ledger-forms.tsx';
import { ledgerPath } from './ledger-pages.tsx';
import type { FindingView } from './model.ts';
import { Section } from './report-page.tsx';
import { SEVERITY_ZH } from './words.ts';

/** The re-laid formats a draft downloads as (src/render). */
export const DRAFT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
/** Besides them, the draft's cells as CSV (one line per cell), the data link of the page. */
export type DraftFormat = (typeof DRAFT_FORMATS)[number] | 'csv';
const FORMAT_NAMES: Record<(typeof DRAFT_FORMATS)[number], string> = { docx: 'Word', pdf: 'PDF', html: '网页', md: 'Markdown' };

export interface DraftView {
  report: Report;
  blocking: { zh: string }[];
  /** Ledger events the replay refused, by application. */
  refused: { application: string; zh: string }[];
  /** What the ledger's rules warn of, by application (a lapse not recorded, a fee counted as the wrong one of a month). */
  cautions: { application: string; zh: string }[];
}

/** Messages about applications, each linked to its page. */
function ApplicationNotes(props: { agency: string; notes: { application: string; zh: string }[]; class: string }) {
  if (!props.notes.length) return <></>;
  return (
    <ul class={props.class}>
      {props.notes.map((r) => (
        <li>
          <a href={ledgerPath(props.agency, `/${encodeURIComponent(r.application)}`)}>{r.application}</a>：{r.zh}
        </li>
      ))}
    </ul>
  );
}

/** A draft's findings as the report page lists them: none reviewed yet. */
const findingViews = (report: Report): FindingView[] => report.findings.map((finding, i) => ({ key: String(i), finding, review: { status: 'open' } }));

/** Table 二's cells as form fields, labelled by the year's format (row · column). */
const table2FormFields = (year: number): Field[] => table2Fields(year).map((f) => ({ name: f.key, label: `${f.row} · ${f.column}`, kind: 'decimal' }));

/** The form's text: the posted values after a refusal, else the current table 二 (blank stays blank). */
function table2State(year: number, report: Report, posted?: FormState): FormState {
  if (posted) return posted;
  const values = Object.fromEntries(table2Fields(year).map((f) => [f.key, String(table2Value(report.table2, f.key) ?? '')]));
  return { values, errors: {} };
}

export function Table2Form(props: { viewer: Viewer; agency: string; year: number; report: Report; posted?: FormState }) {
  const { agency, year } = props;
  return (
    <section aria-labelledby="table2-form-title">
      <h2 id="table2-form-title">填写表二</h2>
      <p>表二（主动公开政府信息情况）不由台账统计，须由本机关填写；可留空（留空不作 0），每次保存为新版本。</p>
      <LedgerForm id="table2" action={`${ledgerPath(agency, '/draft/table2')}?year=${year}`} viewer={props.viewer} fields={table2FormFields(year)} submit="保存表二" state={table2State(year, props.report, props.posted)} />
    </section>
  );
}

export function DraftPage(props: { viewer: Viewer; agency: string; year: number; draft: DraftView; canWrite: boolean; years: number[]; table2?: FormState }) {
  const { agency, year, draft } = props;
  const views = findingViews(draft.report);
  const notes = notesByCell(views);
  const narrative = narrativeFindings(views);
  const q = `?year=${year}`;
  return (
    <Layout title={`${agency} · ${year}年度报告草稿`} viewer={props.viewer} current="/ledger">
      <h1>
        {agency} · {year}年度报告草稿
      </h1>
      <form class="filters" method="get" action={ledgerPath(agency, '/draft')}>
        <label>
          年度
          <select name="year">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === year}>
                {y}年度
              </option>
            ))}
          </select>
        </label>
        <button type="submit">查看</button>
      </form>
      <nav class="actions" aria-label="下载草稿">
        <a href={ledgerPath(agency)}>返回台账</a>
        {DRAFT_FORMATS.map((f) => (
          <a href={`${ledgerPath(agency, `/draft.${f}`)}${q}`} download>
            下载{FORMAT_NAMES[f]}
          </a>
        ))}
      </nav>
      <DataLinks json={`/api${ledgerPath(agency, '/draft')}${q}`} csv={`${ledgerPath(agency, '/draft.csv')}${q}`} />
      <section class="blocking" aria-label="定稿">
        {draft.blocking.length ? (
          <>
            <h2>尚不能定稿</h2>
            <ul>
              {draft.blocking.map((b) => (
                <li>{b.zh}</li>
              ))}
            </ul>
          </>
        ) : (
          <h2>可以定稿</h2>
        )}
        <ApplicationNotes agency={agency} notes={draft.refused} class="refused" />
        {draft.cautions.length > 0 && <h3>请注意</h3>}
        <ApplicationNotes agency={agency} notes={draft.cautions} class="cautions" />
        {props.canWrite && (
          <form method="post" action={`${ledgerPath(agency, '/draft/final')}${q}`}>
            <CsrfField viewer={props.viewer} />
            <button type="submit">定稿</button>
          </form>
        )}
      </section>
      {props.canWrite && <Table2Form viewer={props.viewer} agency={agency} year={year} report={draft.report} posted={props.table2} />}
      <div class="report-layout">
        <article class="report-body" aria-label="报告正文">
          <h2>{draft.report.title}</h2>
          {SECTIONS.map((s) => (
            <Section number={s.number} title={s.title} section={draft.report.sections.find((x) => x.number === s.number)} report={draft.report} notes={notes} narrative={narrative} absentTable="尚未填写" />
          ))}
        </article>
        <aside class="findings-panel" aria-label="核查发现">
          <h2>核查发现（{views.length}）</h2>
          {views.length ? (
            <ol class="findings">
              {views.map((v, i) => (
                <li id={`f-${i}`} class={`finding sev-${v.finding.severity}`}>
                  <p class="finding-head">
                    <span class={`badge sev-${v.finding.severity}`}>{SEVERITY_ZH[v.finding.severity]}</span>
                    <code>{v.finding.rule}</code>
                  </p>
                  <p class="message">{v.finding.message}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>未发现问题。</p>
          )}
        </aside>
      </div>
    </Layout>
  );
}

/** The 409 answer to "final" while something blocks it. */
export function FinalRefusedPage(props: { viewer: Viewer; agency: string; year: number; blocking: { zh: string }[] }) {
  return (
    <Layout title="不能定稿" viewer={props.viewer} current="/ledger">
      <h1>
        {props.agency} · {props.year}年度报告尚不能定稿
      </h1>
      <ul role="alert">
        {props.blocking.map((b) => (
          <li>{b.zh}</li>
        ))}
      </ul>
      <p>
        <a href={`${ledgerPath(props.agency, '/draft')}?year=${props.year}`}>返回草稿</a>
      </p>
    </Layout>
  );
}
