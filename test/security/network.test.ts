/**
 * No network, ever (issue 9): a listener on 127.0.0.1 stands in for the attacker's server, and reading documents that
 * point at it in every way their formats allow must not reach it once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readBytes } from '../../src/readers/index.ts';
import { externalRelationshipDocx, externalResourcesHtml, includePictureDoc, uriLinkPdf } from './attacks.ts';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

describe('reading never reaches the network', () => {
  let server: Server;
  let url = '';
  const requests: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const fresh = () => requests.splice(0);

  test('a legacy .doc with INCLUDEPICTURE: LibreOffice converts it without a single request', { skip: !hasSoffice && 'LibreOffice not installed' }, async () => {
    const doc = await includePictureDoc(url);
    assert.ok(Buffer.from(doc).includes(Buffer.from(`INCLUDEPICTURE  "${url}/linked.png"`, 'utf16le')), 'the field is in the file');
    fresh();
    const read = await readBytes(doc, 'linked.doc');
    assert.ok(read.blocks.length > 0);
    assert.deepEqual(fresh(), []);
  });

  test('control: the same .doc converted by a plain LibreOffice does fetch the picture', { skip: !hasSoffice && 'LibreOffice not installed' }, async () => {
    const doc = await includePictureDoc(url);
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-control-'));
    try {
      writeFileSync(join(dir, 'linked.doc'), doc);
      fresh();
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      await new Promise<void>((resolve) => {
        // Asynchronously, so that this process's listener can answer.
        import('node:child_process').then(({ spawn }) =>
          spawn('soffice', [profile, '--headless', '--convert-to', 'docx', '--outdir', dir, join(dir, 'linked.doc')], { stdio: 'ignore' })
            .on('exit', () => resolve()),
        );
      });
      assert.ok(fresh().length > 0, 'without isolation LibreOffice fetches linked pictures, so the test above proves something');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a DOCX with external relationships (r:link picture, hyperlink, subdocument)', async () => {
    fresh();
    const read = await readBytes(externalRelationshipDocx(url), 'linked.docx');
    assert.ok(read.blocks.length > 0);
    assert.deepEqual(fresh(), []);
  });

  test('a PDF with URI links, a remote go-to and a URI open action', async () => {
    fresh();
    const read = await readBytes(uriLinkPdf(url), 'links.pdf');
    assert.ok(read.blocks.length > 0);
    assert.deepEqual(fresh(), []);
  });

  test('an HTML page with images, style sheets, scripts, frames and a refresh pointing at the listener', async () => {
    fresh();
    const read = await readBytes(externalResourcesHtml(url), 'page.html');
    assert.ok(read.blocks.length > 0);
    assert.deepEqual(fresh(), []);
  });
});
