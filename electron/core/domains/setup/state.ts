import type { DB } from '../../../../db/connection.js';
import type { MachineRole } from '../../context.js';
import { getSetting, putSetting } from '../../settings.js';
import { stmt } from '../../statements.js';

/** Local settings (the 'local.' prefix keeps them out of sync): what the first run decided. */
export const setupKey = 'local.setup';
export const roleKey = 'local.role';

export interface SetupRecord {
  at: string;
  role: MachineRole;
  by: number | null;
}

/**
 * A database needs the first-run wizard until it has been set up, and never once it has users:
 * databases from before the wizard (and restored backups) already have their admin.
 */
export function setupNeeded(db: DB): boolean {
  if (getSetting<SetupRecord | null>(db, setupKey, null)) return false;
  return !stmt(db, 'SELECT 1 FROM users LIMIT 1').get();
}

export function markSetUp(db: DB, record: SetupRecord): void {
  putSetting(db, setupKey, record);
  putSetting(db, roleKey, record.role);
}

/** The role this machine was set up as (or changed to on the settings screen); 'all' before that. */
export function storedRole(db: DB): MachineRole {
  return getSetting<MachineRole>(db, roleKey, 'all');
}
