// The office's update feed and the server's log file, over HTTP against the real server process.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFor, feedOptions } from '../../electron/shell/updater-config.js';
import { spawnServer, stopProcess, type SpawnedServer } from '../support/server-process.js';

/** A request whose path goes out exactly as written (fetch would normalise "../" away). */
function raw(base: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.setHeader('content-type', 'application/json');
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

const installer = Buffer.alloc(4096, 0x4d);
const sha512 = createHash('sha512').update(installer).digest('base64');
// The shape electron-builder writes next to the installer (release/latest.yml).
const latest = `version: 0.2.0\nfiles:\n  - url: points-supermarket-0.2.0-win-x64-setup.exe\n    sha512: ${sha512}\n    size: 4096\npath: points-supermarket-0.2.0-win-x64-setup.exe\nsha512: ${sha512}\nreleaseDate: '2026-05-01T00:00:00.000Z'\n`;

// electron-updater's own generic provider, driven by Node's HTTP (the app would use Electron's net).
const require = createRequire(import.meta.url);
const { GenericProvider } = require('electron-updater/out/providers/GenericProvider');
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor');

describe('the office serves /updates/ from <dataDir>/updates', () => {
  let dir: string;
  let office: SpawnedServer;
  let counter: SpawnedServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feed-http-'));
    for (const role of ['office', 'counter']) {
      mkdirSync(join(dir, role, 'updates'), { recursive: true });
      writeFileSync(join(dir, role, 'updates', 'latest.yml'), latest);
      writeFileSync(join(dir, role, 'updates', 'points-supermarket-0.2.0-win-x64-setup.exe'), installer);
    }
    [office, counter] = await Promise.all([
      spawnServer({ dataDir: join(dir, 'office'), role: 'office', label: 'office' }),
      spawnServer({ dataDir: join(dir, 'counter'), role: 'counter', label: 'counter' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([office, counter].filter(Boolean).map((s) => stopProcess(s.proc)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves latest.yml and the installer byte for byte, HEAD with the size', async () => {
    const yml = await raw(office.url, '/updates/latest.yml');
    expect(yml.status).toBe(200);
    expect(yml.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(yml.headers['cache-control']).toBe('no-cache');
    expect(yml.body.toString('utf8')).toBe(latest);
    const exe = await raw(office.url, '/updates/points-supermarket-0.2.0-win-x64-setup.exe');
    expect(exe.status).toBe(200);
    expect(exe.headers['content-type']).toBe('application/octet-stream');
    expect(exe.body.equals(installer)).toBe(true);
    const head = await raw(office.url, '/updates/points-supermarket-0.2.0-win-x64-setup.exe', 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '4096', 0]);
  });

  it('never hands out the database or anything outside the folder, and is read-only', async () => {
    const ledger = readFileSync(join(dir, 'office', 'points.db'));
    for (const p of ['/updates/../points.db', '/updates/..%2Fpoints.db', '/updates/%2e%2e%2fpoints.db', '/updates/..%5cpoints.db', '/updates/.%2e/points.db']) {
      const r = await raw(office.url, p);
      expect([p, r.body.includes(ledger.subarray(0, 16))]).toEqual([p, false]);
      expect([p, r.headers['content-type']]).not.toEqual([p, 'application/octet-stream']);
    }
    expect((await raw(office.url, '/updates/nothing.yml')).status).toBe(404);
    expect((await raw(office.url, '/updates/latest.yml', 'POST')).status).toBe(405);
    expect((await raw(office.url, '/updates/latest.yml', 'PUT')).status).toBe(405);
    expect(readFileSync(join(dir, 'office', 'updates', 'latest.yml'), 'utf8')).toBe(latest);
  });

  it('is read by electron-updater’s generic provider as a counter would, at the feed URL built from the office URL', async () => {
    const { feedUrl } = feedFor('counter', { officeUrl: office.url });
    expect(feedUrl).toBe(`${office.url}/updates/`);
    const provider = new GenericProvider(
      feedOptions(feedUrl!),
      { channel: null, isAddNoCacheQuery: false },
      { isUseMultipleRangeRequest: false, platform: 'win32', executor: new NodeHttpExecutor() },
    );
    const info = await provider.getLatestVersion();
    expect(info).toMatchObject({ version: '0.2.0', files: [{ url: 'points-supermarket-0.2.0-win-x64-setup.exe', sha512, size: 4096 }] });
    const [file] = provider.resolveFiles(info) as { url: URL }[];
    expect(file.url.href).toBe(`${office.url}/updates/points-supermarket-0.2.0-win-x64-setup.exe`);
    const body = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    expect(createHash('sha512').update(body).digest('base64')).toBe(sha512);
    // A Linux counter asks for latest-linux.yml, which this office does not have: a clear channel error.
    const linux = new GenericProvider(
      feedOptions(feedUrl!),
      { channel: null, isAddNoCacheQuery: false },
      { isUseMultipleRangeRequest: false, platform: 'linux', executor: new NodeHttpExecutor() },
    );
    await expect(linux.getLatestVersion()).rejects.toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
  });

  it('is the office’s: a counter serves no feed of its own', async () => {
    const r = await raw(counter.url, '/updates/latest.yml');
    expect(r.body.toString('utf8')).not.toBe(latest);
  });

  it('logs startup and pairing attempts to <dataDir>/logs/server.log', async () => {
    expect((await raw(office.url, '/sync/pair', 'POST')).status).toBeGreaterThanOrEqual(400);
    const log = readFileSync(join(dir, 'office', 'logs', 'server.log'), 'utf8');
    expect(log).toMatch(/\[info\] 积分超市服务启动 \(server starting\) \{"version":"\d+\.\d+\.\d+","role":"office"/);
    expect(log).toMatch(/\[info\] 服务已启动 \(server ready\) \{"host":"127\.0\.0\.1","port":\d+\}/);
    expect(log).toMatch(/\[warn\] 配对请求 \(pairing request\) \{"path":"\/sync\/pair","status":4\d\d,"from":"(::ffff:)?127\.0\.0\.1"\}/);
    expect(readFileSync(join(dir, 'counter', 'logs', 'server.log'), 'utf8')).toMatch(/\[info\] 同步状态 \(sync link\) \{"paired":false/);
  });
});
