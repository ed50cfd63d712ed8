/** Pages around forms: upload and its results, sign-in, the user list, errors. */
import { CsrfField, Layout, type Viewer } from './layout.tsx';
import type { ImportResult } from './model.ts';

const STATUS_ZH: Record<ImportResult['status'], string> = {
  imported: '已导入',
  unchanged: '未变化（相同文件已导入）',
  'new-version': '已导入为新版本',
  unreadable: '无法读取',
};

export function UploadPage(props: { viewer: Viewer; maxFiles: number; maxMb: number; results?: ImportResult[] }) {
  return (
    <Layout title="上传" viewer={props.viewer} current="/upload">
      <h1>上传报告</h1>
      <form class="upload" method="post" action="/upload" enctype="multipart/form-data" data-upload>
        <CsrfField viewer={props.viewer} />
        <label class="drop">
          选择或拖入文件（网页、Word、PDF、文本，或装有它们的 .zip 压缩包；最多 {props.maxFiles} 个，压缩包中的文件也计入；合计不超过 {props.maxMb} MB）
          <input type="file" name="files" multiple required />
        </label>
        <button type="submit">上传并核查</button>
        <ol class="progress" aria-live="polite"></ol>
      </form>
      {props.results && <UploadResults results={props.results} />}
    </Layout>
  );
}

export function UploadResults({ results }: { results: ImportResult[] }) {
  return (
    <section class="results" aria-label="上传结果">
      <h2>结果</h2>
      <ol>
        {results.map((r) => (
          <li class={`import-${r.status}`}>
            {r.reportId ? <a href={`/reports/${r.reportId}`}>{r.name}</a> : r.name}：{STATUS_ZH[r.status]}
            {r.error && `（${r.error}）`}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SignInPage(props: { next: string; error?: string; csrf: string }) {
  return (
    <Layout title="登录">
      <h1>登录</h1>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <form class="signin" method="post" action="/login">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>
          用户名
          <input name="user" autocomplete="username" required />
        </label>
        <label>
          密码
          <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <button type="submit">登录</button>
      </form>
    </Layout>
  );
}

export function UsersPage(props: { viewer: Viewer; users: { name: string; role: string }[] }) {
  const ROLE = { viewer: '查看', editor: '机关台账编辑', reviewer: '审核', admin: '管理' } as Record<string, string>;
  return (
    <Layout title="用户" viewer={props.viewer} current="/admin/users">
      <h1>用户</h1>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">角色</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <th scope="row">{u.name}</th>
              <td>{ROLE[u.role] ?? u.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function ErrorPage(props: { viewer?: Viewer; status: number; message: string }) {
  return (
    <Layout title="出错了" viewer={props.viewer}>
      <h1>出错了（{props.status}）</h1>
      <p role="alert">{props.message}</p>
      <p>
        <a href="/">返回总览</a>
      </p>
    </Layout>
  );
}
