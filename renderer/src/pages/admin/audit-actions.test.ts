import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '@shared/app-contract';
import { actionName, actionOptions, auditActions } from './audit-actions';

const cjk = /[\u3400-\u9fff]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

const methodLiteral = /'([a-z]+(?:\.[a-zA-Z]+)+)'/g;

/**
 * Every method that writes an audit row, read from the server: the write handlers (the dispatcher
 * audits them) and the names given where a handler writes its own row: writeAudit(…), audited(…)
 * and a print job's `method`.
 */
function auditedMethods(): string[] {
  const found = new Set(
    Object.entries(handlers)
      .filter(([, h]) => (h as { write?: boolean }).write)
      .map(([m]) => m),
  );
  for (const file of sources('electron')) {
    const src = readFileSync(file, 'utf8');
    const sites = [...src.matchAll(/writeAudit\(([^;]*?)\);/gs), ...src.matchAll(/audited\(ctx, ([^,]+),/g), ...src.matchAll(/\bmethod(?: =|:) ([^,;\n]+)/g)];
    for (const site of sites) {
      for (const m of site[1].matchAll(methodLiteral)) if (m[1] in handlers) found.add(m[1]);
    }
  }
  return [...found].sort();
}

describe('audit action names', () => {
  it('name every method that writes an audit row, and no other', () => {
    const written = auditedMethods();
    // The scan itself must keep finding the self-audited ones, or the check below proves nothing.
    expect(written).toEqual(
      expect.arrayContaining(['auth.login', 'backup.restore', 'receipts.printVoid', 'setup.complete', 'day.printClose', 'redemptions.create']),
    );
    expect(written.filter((m) => !(m in auditActions))).toEqual([]);
    expect(Object.keys(auditActions).filter((m) => !written.includes(m))).toEqual([]);
  });

  it('are worded in both languages, English without Chinese', () => {
    for (const [method, [zh, en]] of Object.entries(auditActions)) {
      expect(zh, method).toMatch(cjk);
      expect(en, method).not.toMatch(cjk);
    }
    expect(actionName('redemptions.void', 'en')).toBe('Void receipt');
    expect(actionName('redemptions.void', 'zh')).toBe('作废兑换单');
    expect(actionName('something.new', 'en')).toBe('something.new');
    expect(actionOptions('en')).toContainEqual({ value: 'users.create', label: 'New user' });
  });
});
