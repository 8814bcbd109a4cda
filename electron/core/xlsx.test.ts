// exceljs is loaded with the first workbook, not at start-up (server, Electron main, every soak
// child): a plain `import … from 'exceljs'` anywhere on the app's import graph would undo that.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newWorkbook, readWorkbook, workbookBase64 } from './xlsx.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('xlsx', () => {
  it('the app starts without loading exceljs', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `
      import { createRequire } from 'node:module';
      await import('./electron/server/app.ts');
      const cache = createRequire(process.cwd() + '/').cache;
      const loaded = (m) => Object.keys(cache).some((k) => k.includes('/node_modules/' + m + '/'));
      console.log(JSON.stringify({ sqlite: loaded('better-sqlite3'), exceljs: loaded('exceljs') }));
      process.exit(0);`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ sqlite: true, exceljs: false });
  }, 30_000);

  it('builds and reads a workbook once loaded', async () => {
    const wb = newWorkbook();
    wb.addWorksheet('表').addRow(['卡号', 1]);
    const back = await readWorkbook(Buffer.from(await workbookBase64(wb), 'base64'));
    expect(back.creator).toBe('积分超市');
    expect(back.getWorksheet('表')!.getRow(1).values).toEqual([undefined, '卡号', 1]);
  });
});
