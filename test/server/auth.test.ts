/** Server mode: sign-in, sessions, the login rate limit by socket address, and logs free of secrets. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { hashPassword, verifyPassword } from '../../src/server/auth.ts';
import { fromAddress, PASSWORD, postLogin, signIn, usersOfEveryRole } from '../support/web-client.ts';
import { MemoryData } from '../support/web-data.ts';

async function serverApp() {
  const log: string[] = [];
  const { app } = createApp({ data: new MemoryData(), mode: 'server', users: await usersOfEveryRole(), log: (l) => log.push(l) });
  return { app, log };
}

describe('server mode', () => {
  test('passwords are stored as salted scrypt hashes', async () => {
    const a = await hashPassword('秘密口令');
    const b = await hashPassword('秘密口令');
    assert.match(a, /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('秘密口令', a), true);
    assert.equal(await verifyPassword('秘密口令?', a), false);
  });

  test('signed out: pages send to the sign-in page, the API answers 401', async () => {
    const { app } = await serverApp();
    const page = await app.request('/reports/1');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/login?next=%2Freports%2F1');
    assert.equal((await app.request('/api/reports')).status, 401);
  });

  test('sign-in sets an httpOnly SameSite=Strict session cookie and goes only to a local page', async () => {
    const { app } = await serverApp();
    const signIn = async (next: string) => {
      const form = await app.request('/login', {}, fromAddress('10.0.0.9'));
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
      const cookie = form.headers.getSetCookie()[0].split(';')[0];
      const body = new URLSearchParams({ _csrf: token, user: 'viewer1', password: PASSWORD, next });
      return app.request('/login', { method: 'POST', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } }, fromAddress('10.0.0.9'));
    };
    assert.equal((await signIn('/reports/1?year=2024')).headers.get('location'), '/reports/1?year=2024');
    // A browser drops the tab and the newline, and reads "//evil.example": another site.
    for (const next of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example']) {
      assert.equal((await signIn(next)).headers.get('location'), '/', JSON.stringify(next));
    }
    const res = await signIn('//evil.example/');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('xxgk_session='))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Strict/);
    assert.match(session, /Path=\//);
  });

  test('the sign-in form without its token is refused', async () => {
    const { app } = await serverApp();
    const body = new URLSearchParams({ user: 'viewer1', password: PASSWORD });
    const res = await app.request('/login', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, fromAddress('10.0.0.2'));
    assert.equal(res.status, 403);
  });

  test('five failed sign-ins block the connection address; a spoofed X-Forwarded-For does not help', async () => {
    const { app } = await serverApp();
    for (let i = 0; i < 5; i++) {
      const res = await postLogin(app, 'admin1', 'wrong', '203.0.113.7', { 'x-forwarded-for': `198.51.100.${i}` });
      assert.equal(res.status, 401);
    }
    const blocked = await postLogin(app, 'admin1', PASSWORD, '203.0.113.7', { 'x-forwarded-for': '198.51.100.99', 'x-real-ip': '198.51.100.98' });
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /登录失败次数过多/);
    assert.equal((await postLogin(app, 'admin1', PASSWORD, '203.0.113.8')).status, 303, 'another address is not blocked');
  });

  test('no password, session id or CSRF token ever reaches the log', async () => {
    const { app, log } = await serverApp();
    await postLogin(app, 'admin1', 'wrong-password-123', '10.0.0.3');
    const { cookie, csrf } = await signIn(app, 'admin1', '10.0.0.3');
    await app.request('/reports?q=秘密', { headers: { cookie } });
    await app.request('/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    const text = log.join('\n');
    assert.ok(log.length >= 5);
    for (const secret of [PASSWORD, 'wrong-password-123', cookie.split('=')[1], csrf, '秘密']) assert.ok(!text.includes(secret), secret);
  });

  test('signing out ends the session', async () => {
    const { app } = await serverApp();
    const { cookie, csrf } = await signIn(app, 'viewer1');
    assert.equal((await app.request('/api/session', { headers: { cookie } })).status, 200);
    assert.equal((await app.request('/logout', { method: 'POST', headers: { cookie } })).status, 403, 'sign-out needs the token too');
    assert.equal((await app.request('/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } })).status, 303);
    assert.equal((await app.request('/api/session', { headers: { cookie } })).status, 401);
  });
});
