/**
 * Who may write what once counters sync with a village office (docs/sync.md). The office owns the
 * roster, rules, points, catalog, users and village settings; a counter may only write what it
 * originates and pushes as events, plus its own machine settings. Default-deny: a write method not
 * listed here is refused at a counter, so a new office feature can never silently fork a replica.
 */
export const counterWrites: ReadonlySet<string> = new Set([
  'redemptions.create',
  'redemptions.void',
  'services.log',
  'stock.receive',
  'stock.receiveNote',
  'stock.count',
  'stock.stocktake',
  'day.close',
  'sync.setOffice',
  // This machine's own state, never synced.
  'auth.logout',
  'printer.configure',
  'backup.configure',
  'bulk.bundle.set',
  'clock.set',
]);

export const officeOnlyMessage = '此项由村委会统一管理，请在村委会办理 (managed by the village office)';

/** Whether a write method may run on a machine of this role. */
export function writeAllowed(role: 'all' | 'office' | 'counter' | undefined, method: string): boolean {
  return role !== 'counter' || counterWrites.has(method);
}
