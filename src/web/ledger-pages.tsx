/**
 * The ledger pages: the agencies with ledgers, one agency's applications with their due dates, the entry form, one
 * application with its history and the forms of the events that may follow, and the draft report built from the ledger.
 */
import { APPLICANT_COLUMNS, EVENT_NAMES, type Application, type EventType } from '../ledger/index.ts';
import { EVENT_FIELDS, NUMBER_FIELD, type Choice } from './ledger-fields.ts';
import { HISTORY_COLUMNS, historyRows } from './ledger-history.ts';
import { LedgerForm, type FormState } from './ledger-forms.tsx';
import { applicantLabel, STATUS_ORDER, statusLabel, type LedgerRow } from './ledger-model.ts';
import { DataLinks, FilterSelect, Layout, type Viewer } from './layout.tsx';

export const ledgerPath = (agency: string, rest = '') => `/ledger/${encodeURIComponent(agency)}${rest}`;
const appPath = (agency: string, id: string) => ledgerPath(agency, `/${encodeURIComponent(id)}`);
/** The sheet (CSV) has the first event of each kind; the history has them all, one a row. */
const HISTORY_LINK = '全部办理记录 CSV';

/** The agencies this viewer may open: links to those with a ledger, and a pick list of every agency known. */
export function LedgerIndexPage(props: { viewer: Viewer; ledgers: string[]; known: string[] }) {
  return (
    <Layout title="台账" viewer={props.viewer} current="/ledger">
      <h1>依申请公开台账</h1>
      <DataLinks json="/api/ledger" />
      {props.ledgers.length ? (
        <ul class="ledgers">
          {props.ledgers.map((a) => (
            <li>
              <a href={ledgerPath(a)}>{a}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>还没有机关建立台账。</p>
      )}
      {props.known.length > 0 && (
        <form class="filters" method="get" action="/ledger">
          <label>
            打开机关的台账
            <select name="agency" required>
              {props.known.map((a) => (
                <option value={a}>{a}</option>
              ))}
            </select>
          </label>
          <button type="submit">打开</button>
        </form>
      )}
    </Layout>
  );
}

export interface LedgerListQuery {
  status?: string;
  year?: string;
  applicant_type?: string;
  as_of?: string;
}

function ListFilters(props: { agency: string; query: LedgerListQuery; years: number[] }) {
  const select = (name: keyof LedgerListQuery, label: string, options: [string, string][]) => (
    <FilterSelect name={name} label={label} value={props.query[name]} options={options} />
  );
  return (
    <form class="filters" method="get" action={ledgerPath(props.agency)} role="search">
      {select('status', '状态', STATUS_ORDER.map((s) => [s, statusLabel(s)]))}
      {select('year', '收到年份', props.years.map((y) => [String(y), `${y}年`]))}
      {select('applicant_type', '申请人类型', APPLICANT_COLUMNS.map((c) => [c.id, c.label]))}
      <label>
        计算日期
        <input type="date" name="as_of" value={props.query.as_of ?? ''} />
      </label>
      <button type="submit">筛选</button>
    </form>
  );
}

function Remaining({ row }: { row: LedgerRow }) {
  if (row.status === 'concluded') return <>{row.concluded} 办结{row.late && '（超期）'}</>;
  if (row.remaining === null) return <></>;
  return <>{row.remaining < 0 ? `超期${-row.remaining}个工作日` : `剩${row.remaining}个工作日`}</>;
}

export function LedgerListPage(props: { viewer: Viewer; agency: string; rows: LedgerRow[]; query: LedgerListQuery; years: number[]; canWrite: boolean }) {
  const { agency } = props;
  const qs = new URLSearchParams(Object.entries(props.query).filter(([, v]) => v) as [string, string][]).toString();
  const suffix = qs ? `?${qs}` : '';
  return (
    <Layout title={`${agency} · 台账`} viewer={props.viewer} current="/ledger">
      <h1>{agency} · 依申请公开台账</h1>
      <nav class="actions" aria-label="台账操作">
        {props.canWrite && <a href={ledgerPath(agency, '/new')}>登记新申请</a>}
        <a href={ledgerPath(agency, '/draft')}>年度报告草稿</a>
      </nav>
      <ListFilters agency={agency} query={props.query} years={props.years} />
      <p class="total">共 {props.rows.length} 件</p>
      <DataLinks
        json={`/api${ledgerPath(agency, '/applications')}${suffix}`}
        csv={`${ledgerPath(agency, '/applications.csv')}${suffix}`}
        more={[{ label: HISTORY_LINK, href: `${ledgerPath(agency, '/history.csv')}${suffix}` }]}
      />
      {props.rows.length ? (
        <div class="table-scroll">
          <table class="list ledger">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">收到日期</th>
                <th scope="col">申请人类型</th>
                <th scope="col">办理情况</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
                <th scope="col">剩余</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr class={`status-${r.status}`}>
                  <th scope="row">
                    <a href={appPath(agency, r.id)}>{r.id}</a>
                  </th>
                  <td>{r.received}</td>
                  <td>{applicantLabel(r.applicantType)}</td>
                  <td>{r.state}</td>
                  <td>{r.due ?? (r.status === 'concluded' ? '—' : '（中止计时）')}</td>
                  <td>
                    <span class={`badge due-${r.status}`}>{statusLabel(r.status)}</span>
                  </td>
                  <td>
                    <Remaining row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有符合条件的申请。</p>
      )}
    </Layout>
  );
}

export function EntryPage(props: { viewer: Viewer; agency: string; state: FormState }) {
  const { agency } = props;
  return (
    <Layout title={`${agency} · 登记申请`} viewer={props.viewer} current="/ledger">
      <h1>登记依申请公开申请</h1>
      <p class="facts">
        <a href={ledgerPath(agency)}>{agency}</a>
      </p>
      <LedgerForm id="received" action={ledgerPath(agency, '/new')} viewer={props.viewer} fields={[NUMBER_FIELD, ...EVENT_FIELDS.received]} submit="登记" state={props.state} />
    </Layout>
  );
}

/** The history's columns on the application's own page: its number and the order of its events go without saying. */
const HISTORY_ON_PAGE = HISTORY_COLUMNS.filter((c) => c.key !== 'number' && c.key !== 'seq');

/** Every recorded event, as the history CSV has it. */
function History({ app }: { app: Application }) {
  return (
    <div class="table-scroll">
      <table class="list history">
        <caption>办理记录</caption>
        <thead>
          <tr>
            {HISTORY_ON_PAGE.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {historyRows([app]).map((r, i) => (
            <tr>
              <th scope="row">{r.event}</th>
              <td>{r.details}</td>
              <td>{r.by}</td>
              <td>
                <time datetime={app.events[i].at}>{r.at}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApplicationPage(props: {
  viewer: Viewer;
  agency: string;
  app: Application;
  row: LedgerRow;
  offered: EventType[];
  openCases: string[];
  canWrite: boolean;
  /** The form just posted and refused, shown open with its messages. */
  posted?: { type: EventType; state: FormState };
}) {
  const { agency, app, row } = props;
  const caseChoices: Choice[] = props.openCases.map((c) => ({ value: c, label: c }));
  return (
    <Layout title={`${agency} · ${app.id}`} viewer={props.viewer} current="/ledger">
      <h1>申请 {app.id}</h1>
      <p class="facts">
        <a href={ledgerPath(agency)}>{agency}</a> · 收到 {row.received} · {applicantLabel(row.applicantType)}
      </p>
      <p class="counts">
        <span class={`badge due-${row.status}`}>{statusLabel(row.status)}</span> {row.state}
        {row.due && ` · 答复期限 ${row.due}`} · <Remaining row={row} />
      </p>
      <DataLinks
        json={`/api${ledgerPath(agency, `/applications/${encodeURIComponent(app.id)}`)}`}
        csv={`${ledgerPath(agency, '/applications.csv')}?no=${encodeURIComponent(app.id)}`}
        more={[{ label: HISTORY_LINK, href: `${ledgerPath(agency, '/history.csv')}?no=${encodeURIComponent(app.id)}` }]}
      />
      <History app={app} />
      {props.canWrite && (
        <section class="event-forms" aria-label="记录办理事项">
          <h2>记录办理事项</h2>
          {props.posted?.state.warnings?.length ? (
            <p class="warning" role="status">
              已记录，但请注意：{props.posted.state.warnings.join('；')}
            </p>
          ) : null}
          {props.offered.map((type) => {
            const open = props.posted?.type === type && Object.keys(props.posted.state.errors).length > 0;
            return (
              <details class="event-form" open={open}>
                <summary>{EVENT_NAMES[type]}</summary>
                <LedgerForm
                  id={`event-${type}`}
                  action={`${appPath(agency, app.id)}/events`}
                  viewer={props.viewer}
                  fields={EVENT_FIELDS[type]}
                  submit={`记录${EVENT_NAMES[type]}`}
                  state={open ? props.posted!.state : undefined}
                  choices={type === 'appeal_decided' ? { caseId: caseChoices } : undefined}
                  hidden={{ type }}
                />
              </details>
            );
          })}
        </section>
      )}
    </Layout>
  );
}

