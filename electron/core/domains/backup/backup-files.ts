/** What made a backup: the daily timer, an admin's "back up now", or the safety copy taken before a restore. */
export type BackupKind = 'auto' | 'manual' | 'pre-restore';

export interface BackupName {
  file: string;
  stamp: string;
  kind: BackupKind;
}

const pattern = /^points-(\d{8}-\d{6})(?:-(\d{1,3}))?-(auto|manual|pre-restore)\.db$/;

/** "2026-03-15 10:00:00" (village wall clock) → points-20260315-100000-auto.db; seq keeps two in one second apart. */
export function backupFileName(villageDateTime: string, kind: BackupKind, seq = 0): string {
  const stamp = villageDateTime.replace(/[-:]/g, '').replace(' ', '-');
  return `points-${stamp}${seq ? `-${seq}` : ''}-${kind}.db`;
}

/**
 * Only names this app wrote are backups; anything else (a path, "..", a file someone dropped there)
 * is not, which is also what keeps backup.restore inside the backups folder.
 */
export function parseBackupName(file: string): BackupName | null {
  const m = pattern.exec(file);
  if (!m) return null;
  return { file, stamp: `${m[1]}-${(m[2] ?? '0').padStart(3, '0')}`, kind: m[3] as BackupKind };
}

/** The village date (YYYY-MM-DD) a backup was taken on. */
export const backupDate = (b: BackupName): string => `${b.stamp.slice(0, 4)}-${b.stamp.slice(4, 6)}-${b.stamp.slice(6, 8)}`;

export function newestFirst(names: readonly string[]): BackupName[] {
  return names
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : a.file < b.file ? 1 : -1));
}

/**
 * Keeps the newest `keep` of each kind, so a burst of manual backups never pushes the daily ones
 * out, and a restore's safety copies are kept as long as the dailies.
 */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const seen = new Map<BackupKind, number>();
  const prune: string[] = [];
  for (const b of newestFirst(names)) {
    const n = (seen.get(b.kind) ?? 0) + 1;
    seen.set(b.kind, n);
    if (n > keep) prune.push(b.file);
  }
  return prune;
}

/** A daily backup is due when none of today's (village date) auto backups exists yet. */
export function dailyBackupDue(names: readonly string[], today: string): boolean {
  return !newestFirst(names).some((b) => b.kind === 'auto' && backupDate(b) === today);
}
