import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allErrorReasons, codeOfReason, errorReasons } from './error-reasons.js';
import { AppError, errorStatus, notFound } from './errors.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.includes('test-support') ? [p] : [];
  });
}

/** The text of a call's arguments, from just after its "(" to the matching ")". */
function callArgs(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')' && --depth === 0) return src.slice(open + 1, i);
  }
  throw new Error('unbalanced call');
}

describe('error reasons', () => {
  it('are declared for every code and are unique across codes', () => {
    expect(Object.keys(errorReasons).sort()).toEqual(Object.keys(errorStatus).sort());
    expect(new Set(allErrorReasons).size).toBe(allErrorReasons.length);
    expect(codeOfReason('supervisor_not_admin')).toBe('FORBIDDEN');
    expect(codeOfReason('no_such_reason')).toBeUndefined();
  });

  it('are lifted out of the details into the body', () => {
    const e = new AppError('OUT_OF_STOCK', '库存不足', { reason: 'out_of_stock', stock: 3, requested: 4 });
    expect(e.toBody()).toEqual({ code: 'OUT_OF_STOCK', message: '库存不足', reason: 'out_of_stock', details: { stock: 3, requested: 4 } });
    expect(new AppError('CONFLICT', '冲突', { reason: 'already_voided' }).toBody()).toEqual({ code: 'CONFLICT', message: '冲突', reason: 'already_voided' });
    const back = AppError.fromBody(notFound('农户', { reason: 'unknown_household', householdId: 9 }).toBody());
    expect([back.code, back.reason, back.details]).toEqual(['NOT_FOUND', 'unknown_household', { householdId: 9 }]);
  });

  // The type allows a reason-less AppError (electron/sync still has some); the core and print may not.
  it('are named at every throw site in electron/core, electron/print, electron/server and the sync UI', () => {
    const missing: string[] = [];
    let sites = 0;
    // errors.ts defines AppError and notFound (whose type requires a reason); the rest throw.
    // Of sync, the files whose refusals a person reads on the 联网同步 page: pairing, the office address, unpairing.
    const syncUi = ['electron/sync/counter.ts', 'electron/sync/handlers.ts', 'electron/sync/unpair.ts'];
    const files = [...sourceFiles('electron/core'), ...sourceFiles('electron/print'), ...sourceFiles('electron/server'), ...syncUi].filter(
      (f) => !f.endsWith('errors.ts'),
    );
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/new AppError\(|\bnotFound\(/g)) {
        const args = callArgs(src, m.index + m[0].length - 1);
        sites++;
        if (!/\breason\b|zodDetails\(/.test(args)) missing.push(`${file}:${src.slice(0, m.index).split('\n').length}`);
      }
    }
    expect(missing).toEqual([]);
    expect(sites).toBeGreaterThan(100);
  });
});
