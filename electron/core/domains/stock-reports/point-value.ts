import type { DB } from '../../../../db/connection.js';
import { getSetting, putSetting } from '../../settings.js';

/** How many fen the village pays a provider per point of service (元/分 × 100). NULL: not set. */
export interface PointValue {
  fenPerPoint: number | null;
}

export const getPointValue = (db: DB): PointValue => ({ fenPerPoint: null, ...getSetting<Partial<PointValue>>(db, 'pointValue', {}) });
export const setPointValue = (db: DB, v: PointValue): void => putSetting(db, 'pointValue', v);
