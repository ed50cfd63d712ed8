/** The page shell every view renders into: head, navigation by role, main content. Pure function of plain data. */
import type { Child } from 'hono/jsx';

/** Who is looking, as the views need it: name and role for the menu, the CSRF token for forms. */
export interface Viewer {
  user: string;
  role: 'viewer' | 'editor' | 'reviewer' | 'admin';
  /** An editor's one agency. */
  agency?: string;
  csrf: string;
  /** Server mode: a sign-out button; local mode has no sign-in. */
  signedIn: boolean;
}

export const canReview = (v: Viewer | undefined) => v?.role === 'reviewer' || v?.role === 'admin';

const NAV: { href: string; label: string; show: (v: Viewer) => boolean }[] = [
  { href: '/', label: '总览', show: () => true },
  { href: '/reports', label: '报告', show: () => true },
  { href: '/regions', label: '地区', show: () => true },
  { href: '/ledger', label: '台账', show: () => true },
  { href: '/roster', label: '名册', show: () => true },
  { href: '/upload', label: '上传', show: canReview },
  { href: '/admin/users', label: '用户', show: (v) => v.signedIn && v.role === 'admin' },
];

/** A hidden field carrying the session's CSRF token; every form that writes has one. */
export const CsrfField = ({ viewer }: { viewer: Viewer }) => <input type="hidden" name="_csrf" value={viewer.csrf} />;

export function Layout(props: { title: string; viewer?: Viewer; current?: string; children?: Child }) {
  const { viewer } = props;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · 政府信息公开年报核查`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">年报核查</a>
          {viewer && (
            <nav aria-label="主导航">
              {NAV.filter((n) => n.show(viewer)).map((n) => (
                <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>
                  {n.label}
                </a>
              ))}
            </nav>
          )}
          {viewer?.signedIn && (
            <form class="signout" method="post" action="/logout">
              <CsrfField viewer={viewer} />
              <span class="who">{viewer.user}</span>
              <button type="submit">退出</button>
            </form>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** A list filter's choice: 全部 (no filter) first, then the options as [value, text], the current value selected. */
export function FilterSelect(props: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">全部</option>
        {props.options.map(([value, text]) => (
          <option value={value} selected={props.value === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Links to the same data as JSON and CSV, shown on every list and table page. */
export function DataLinks(props: { json: string; csv?: string; more?: { label: string; href: string }[] }) {
  const links = [{ label: 'CSV', href: props.csv }, ...(props.more ?? [])].filter((l): l is { label: string; href: string } => !!l.href);
  return (
    <p class="data-links">
      数据：<a href={props.json}>JSON</a>
      {links.map((l) => (
        <>
          {' · '}
          <a href={l.href}>{l.label}</a>
        </>
      ))}
    </p>
  );
}
