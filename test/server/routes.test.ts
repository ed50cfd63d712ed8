/**
 * Every route of the app, walked from its route table: each has a declared access, and in server mode answers a
 * signed-out visitor, a viewer, a reviewer and an admin exactly as that access says.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { allows, ROLES, type Role } from '../../src/server/auth.ts';
import { routeKey } from '../../src/server/http.ts';
import { EDITOR_AGENCY, sample, signIn, usersOfEveryRole, type Session } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';

test('every route requires the role the route table declares for it', async () => {
  const data = new MemoryData();
  await data.importFiles([sample('2024-mistakes.txt')]);
  const { app, access } = createApp({ data, mode: 'server', users: await usersOfEveryRole() });
  const detail = (await data.getReport(1))!;
  await data.ledger.addApplication(EDITOR_AGENCY, '2024-001', { type: 'received', channel: 'in_person', submitted: '2024-09-27', applicantType: 'natural_person', applicant: '张某', request: '某文件', by: '甲', at: '2024-09-27T01:00:00Z' });
  const params: Record<string, string> = {
    id: '1', key: detail.findings[0].key, name: encodeURIComponent(detail.report.agency!), agency: encodeURIComponent(EDITOR_AGENCY), no: '2024-001',
  };

  const routes = [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [routeKey(r.method, r.path), r])).values()]
    // Signing out ends the session the walk uses: last.
    .sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
  assert.ok(routes.length >= 25, `${routes.length} routes`);
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) sessions[role] = await signIn(app, `${role}1`);

  const call = (method: string, path: string, session?: Session) =>
    app.request(path.replace(/:(\w+)/g, (_, p: string) => params[p]), {
      method,
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    });
  const denied = async (res: Response) => res.status === 403 && /没有权限|not allowed/.test(await res.text());

  for (const route of routes) {
    const key = routeKey(route.method, route.path);
    const need = access.get(key);
    assert.ok(need, `${key} declares its access`);
    const anonymous = await call(route.method, route.path);
    if (need === 'public') assert.ok(![401, 303].includes(anonymous.status) || route.path === '/login', `${key} is public`);
    else assert.ok(anonymous.status === 401 || anonymous.headers.get('location')?.startsWith('/login'), `${key} needs sign-in (${anonymous.status})`);
    for (const role of ROLES) {
      if (need === 'public') continue;
      const res = await call(route.method, route.path, sessions[role]);
      const refused = await denied(res);
      assert.equal(refused, !allows(role, need), `${key} as ${role}: ${res.status}`);
      assert.notEqual(res.status, 401, `${key} as ${role}`);
    }
  }
  assert.deepEqual(
    [...access.entries()].filter(([, a]) => a === 'admin').map(([k]) => k),
    ['GET /admin/users', 'POST /roster'],
  );
});
