import { describe, expect, it } from 'vitest';
import { backupDate, backupFileName, backupsToPrune, dailyBackupDue, newestFirst, parseBackupName } from './backup-files.js';

describe('backup file names', () => {
  it('round-trips a name built from the village wall clock', () => {
    const file = backupFileName('2026-03-15 10:00:07', 'auto');
    expect(file).toBe('points-20260315-100007-auto.db');
    const b = parseBackupName(file)!;
    expect(b.kind).toBe('auto');
    expect(backupDate(b)).toBe('2026-03-15');
    expect(backupFileName('2026-03-15 10:00:07', 'manual', 2)).toBe('points-20260315-100007-2-manual.db');
  });

  it.each([
    '../points-20260315-100007-auto.db',
    'points-20260315-100007-auto.db/../../x',
    '/etc/passwd',
    'points.db',
    'points-20260315-100007-auto.db-wal',
    'points-2026-auto.db',
    'POINTS-20260315-100007-auto.db',
    'points-20260315-100007-evil.db',
    '',
  ])('is not a backup: %j', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });

  it('sorts newest first, same-second copies by their sequence', () => {
    const names = ['points-20260314-230000-auto.db', 'points-20260315-100000-manual.db', 'points-20260315-100000-1-manual.db', 'junk.txt'];
    expect(newestFirst(names).map((b) => b.file)).toEqual([
      'points-20260315-100000-1-manual.db',
      'points-20260315-100000-manual.db',
      'points-20260314-230000-auto.db',
    ]);
  });
});

describe('retention', () => {
  const day = (d: number, kind = 'auto') => `points-202603${String(d).padStart(2, '0')}-020000-${kind}.db`;

  it('keeps the newest N of each kind and prunes the rest', () => {
    const autos = Array.from({ length: 16 }, (_, i) => day(i + 1));
    const manuals = [day(3, 'manual'), day(4, 'manual')];
    expect(backupsToPrune([...autos, ...manuals], 14).sort()).toEqual([day(1), day(2)]);
    expect(backupsToPrune([...autos, ...manuals], 1).sort()).toEqual([...autos.slice(0, 15), day(3, 'manual')].sort());
  });

  it('never touches files that are not backups', () => {
    expect(backupsToPrune(['points.db', 'notes.txt', day(1)], 1)).toEqual([]);
  });
});

describe('daily backup', () => {
  it('is due until an auto backup of the village date exists', () => {
    expect(dailyBackupDue([], '2026-03-15')).toBe(true);
    expect(dailyBackupDue(['points-20260314-235959-auto.db', 'points-20260315-080000-manual.db'], '2026-03-15')).toBe(true);
    expect(dailyBackupDue(['points-20260315-000100-auto.db'], '2026-03-15')).toBe(false);
  });
});
