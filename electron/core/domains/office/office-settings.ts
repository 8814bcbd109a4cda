import type { DB } from '../../../../db/connection.js';
import { readSetting } from '../../settings.js';

export interface OfficeSettings {
  /** 公示期: days an approved entry waits, open to objections, before it counts. */
  noticeDays: number;
}

export const defaultOffice: OfficeSettings = { noticeDays: 0 };

export function officeSettings(db: DB): OfficeSettings {
  return { ...defaultOffice, ...readSetting<Partial<OfficeSettings>>(db, 'office', {}) };
}
