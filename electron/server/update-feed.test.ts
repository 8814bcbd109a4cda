import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { updatesDirOf } from '../core/data-paths.js';
import { updateFeedFile } from './update-feed.js';

const data = mkdtempSync(join(tmpdir(), 'feed-'));
const updates = updatesDirOf(data);
mkdirSync(join(updates, 'sub'), { recursive: true });
writeFileSync(join(updates, 'latest.yml'), 'version: 0.2.0\n');
writeFileSync(join(updates, 'points-supermarket-0.2.0-win-x64-setup.exe'), 'MZ');
writeFileSync(join(updates, '.env'), 'secret');
writeFileSync(join(updates, 'sub', 'x.yml'), 'x');
writeFileSync(join(data, 'points.db'), 'the ledger');
// A link out of the folder (Windows may refuse to make one without privileges; it is refused either way).
try {
  symlinkSync(join(data, 'points.db'), join(updates, 'ledger.yml'));
} catch {
  // no symlink on this machine
}
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('updateFeedFile', () => {
  it('names <dataDir>/updates/<file> for a plain file name', () => {
    expect(updates).toBe(join(data, 'updates'));
    expect(updateFeedFile(updates, '/updates/latest.yml')).toBe(join(updates, 'latest.yml'));
    expect(updateFeedFile(updates, '/updates/points-supermarket-0.2.0-win-x64-setup.exe')).toMatch(/setup\.exe$/);
    expect(updateFeedFile(updates, '/updates/latest%2Eyml')).toBe(join(updates, 'latest.yml'));
  });

  it('refuses anything that could leave the folder or reveal what is not a release file', () => {
    for (const p of [
      '/updates/',
      '/updates/../points.db',
      '/updates/..%2Fpoints.db',
      '/updates/%2e%2e/points.db',
      '/updates/..%5Cpoints.db',
      '/updates/sub/x.yml',
      '/updates/sub%2Fx.yml',
      '/updates/.env',
      '/updates/latest.yml%00.exe',
      '/updates/%E0%A4%A',
      '/updates/ledger.yml',
      '/updates/missing.yml',
      '/updates/sub',
      '/update/latest.yml',
      '/points.db',
    ])
      expect([p, updateFeedFile(updates, p)]).toEqual([p, null]);
  });

  it('serves nothing when the office has no updates folder', () => {
    expect(updateFeedFile(join(data, 'nope'), '/updates/latest.yml')).toBeNull();
  });
});
