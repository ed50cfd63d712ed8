/**
 * One report: the six sections in template order with their text and tables, narrative findings marked on their
 * paragraph, cells of findings highlighted, then every finding with its place and its review form.
 */
import { placeWords } from '../document/finding.ts';
import { SECTIONS, tableOfSection, TABLE_IDS } from '../format/index.ts';
import { tableGrid } from '../render/grid.ts';
import { tableDefOf } from '../report/cells.ts';
import type { Report, SectionJson } from '../report/types.ts';
import { narrativeFindings, notesByCell, samePlace, type Noted } from './cell-notes.ts';
import { CompareLink } from './compare-page.tsx';
import { canReview, CsrfField, DataLinks, Layout, type Viewer } from './layout.tsx';
import type { FindingView, ReportDetail } from './model.ts';
import { StatutoryTable } from './statutory-table.tsx';
import { formatZh, REVIEW_ZH, SEVERITY_ZH, yearZh } from './words.ts';

/** `absent`: what a missing table is called ("未读到" in a report read from a file). */
function TableOf(props: { report: Report; id: (typeof TABLE_IDS)[number]; notes: Map<string, Noted[]>; absent?: string }) {
  const def = tableDefOf(props.report, props.id);
  if (!def) return <p class="absent">（{props.absent ?? '未读到'}{props.id === 'table2' ? '表二' : props.id === 'table3' ? '表三' : '表四'}）</p>;
  const grid = tableGrid(def, props.report[props.id] as Record<string, unknown>);
  return <StatutoryTable grid={grid} notes={props.notes} provenance={props.report.provenance} />;
}

function Paragraph(props: { text: string; place?: Report['sections'][number]['source']; narrative: Noted[] }) {
  const hits = props.narrative.filter((n) => samePlace(props.place, n.view.finding.place.source));
  const where = placeWords(props.place);
  if (!hits.length) return <p title={where ? `原文${where}` : undefined}>{props.text}</p>;
  const live = hits.some((n) => n.view.review.status !== 'dismissed');
  return (
    <p
      class={`flagged ${live ? `tone-${hits[0].view.finding.severity}` : 'tone-dismissed'}`}
      tabindex={0}
      data-tip={[where && `原文${where}`, ...hits.map((n) => n.view.finding.message)].filter(Boolean).join('\n')}
      aria-describedby={hits.map((n) => `f-${n.index}`).join(' ')}
    >
      {props.text}
    </p>
  );
}

export function Section(props: {
  number: string;
  title: string;
  section?: SectionJson;
  report: Report;
  notes: Map<string, Noted[]>;
  narrative: Noted[];
  absentTable?: string;
}) {
  const { section } = props;
  const table = tableOfSection(props.number);
  return (
    <section class="report-section">
      <h3>
        {props.number}、{section?.title ?? props.title}
        {section?.source && <small class="place">原文{placeWords(section.source)}</small>}
      </h3>
      {section ? (
        section.paragraphs.map((p) => <Paragraph text={p.text} place={p.source} narrative={props.narrative} />)
      ) : (
        <p class="absent">（报告中没有这一部分）</p>
      )}
      {table && <TableOf report={props.report} id={table} notes={props.notes} absent={props.absentTable} />}
    </section>
  );
}

function ReviewForm(props: { reportId: number; view: FindingView; viewer: Viewer }) {
  const { view } = props;
  const choices = (['confirmed', 'dismissed', 'open'] as const).filter((s) => s !== view.review.status);
  const label = { confirmed: '确认', dismissed: '驳回', open: '撤销审核' } as const;
  return (
    <form class="review" method="post" action={`/reports/${props.reportId}/findings/${encodeURIComponent(view.key)}/review`}>
      <CsrfField viewer={props.viewer} />
      <label>
        意见
        <input type="text" name="comment" maxlength={2000} value={view.review.comment ?? ''} />
      </label>
      {choices.map((s) => (
        <button type="submit" name="status" value={s}>
          {label[s]}
        </button>
      ))}
    </form>
  );
}

function FindingItem(props: { index: number; view: FindingView; reportId: number; viewer: Viewer }) {
  const { finding, review } = props.view;
  const where = placeWords(finding.place.source);
  return (
    <li id={`f-${props.index}`} class={`finding sev-${finding.severity} review-${review.status}`}>
      <p class="finding-head">
        <span class={`badge sev-${finding.severity}`}>{SEVERITY_ZH[finding.severity]}</span>
        <code>{finding.rule}</code>
        {where && <span class="place">原文{where}</span>}
        <span class={`badge review-${review.status}`}>{REVIEW_ZH[review.status]}</span>
      </p>
      <p class="message">{finding.message}</p>
      {finding.note && <p class="note">{finding.note}</p>}
      {review.status !== 'open' && (
        <p class="review-state">
          {REVIEW_ZH[review.status]}
          {review.by && `：${review.by}`}
          {review.at && `，${review.at}`}
          {review.comment && `。意见：${review.comment}`}
        </p>
      )}
      {canReview(props.viewer) && <ReviewForm reportId={props.reportId} view={props.view} viewer={props.viewer} />}
    </li>
  );
}

/** `compare`: the year-over-year page of this report's agency, when it has another year. */
export function ReportPage(props: { detail: ReportDetail; viewer: Viewer; compare?: { href: string; other: number } }) {
  const { summary, report, findings, versions } = props.detail;
  const notes = notesByCell(findings);
  const narrative = narrativeFindings(findings);
  const title = `${summary.agency ?? '机关不明'} · ${yearZh(summary.year)}`;
  return (
    <Layout title={title} viewer={props.viewer} current="/reports">
      <h1>{title}</h1>
      <p class="facts">
        {formatZh(summary.format)}
        {summary.region && ` · ${summary.region}`} · 文件 {summary.source} · 导入于 {summary.importedAt}
      </p>
      <p class="counts">
        <span class="badge sev-error">错误 {summary.errors}</span> <span class="badge sev-warning">警告 {summary.warnings}</span>{' '}
        <span class="badge sev-info">提示 {summary.infos}</span>
      </p>
      <nav class="actions" aria-label="报告操作">
        <a href={`/reports/${summary.id}/source`}>下载原文</a>
        <a href={`/reports/${summary.id}/export.xlsx`} download>
          导出 Excel
        </a>
        <a href={`/reports/${summary.id}/export.csv`} download>
          导出 CSV
        </a>
        <a href={`/reports/${summary.id}/export.json`} download>
          导出 JSON
        </a>
        {summary.agency && <a href={`/agencies/${encodeURIComponent(summary.agency)}`}>该机关历年报告</a>}
        <CompareLink link={props.compare} />
        {canReview(props.viewer) && (
          <form method="post" action={`/reports/${summary.id}/recheck`}>
            <CsrfField viewer={props.viewer} />
            <button type="submit">重新核查</button>
          </form>
        )}
      </nav>
      <DataLinks json={`/api/reports/${summary.id}`} csv={`/reports/${summary.id}/export.csv`} />
      <div class="report-layout">
        <article class="report-body" aria-label="报告正文">
          <h2>报告内容</h2>
          {SECTIONS.map((s) => (
            <Section
              number={s.number}
              title={s.title}
              section={report.sections.find((x) => x.number === s.number)}
              report={report}
              notes={notes}
              narrative={narrative}
            />
          ))}
        </article>
        <aside class="findings-panel" aria-label="发现的问题">
          <h2>发现的问题（{findings.length}）</h2>
          {findings.length ? (
            <ol class="findings">
              {findings.map((view, i) => (
                <FindingItem index={i} view={view} reportId={summary.id} viewer={props.viewer} />
              ))}
            </ol>
          ) : (
            <p>未发现问题。</p>
          )}
          {versions.length > 1 && (
            <>
              <h2>版本</h2>
              <ol class="versions">
                {versions.map((v) => (
                  <li>
                    第{v.version}版{v.current && '（当前）'} · {v.source} · {v.importedAt}
                  </li>
                ))}
              </ol>
            </>
          )}
        </aside>
      </div>
    </Layout>
  );
}
