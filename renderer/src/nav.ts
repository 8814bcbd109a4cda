import type { Role } from '@shared/core/roles';
import type { MessageKey } from './i18n/messages';

/**
 * The role-based menu. A page is one entry here plus one component in pages/registry.tsx; the
 * office pages (households, rules, review, ledger, stock, reports) join the 'office' group.
 */
export interface NavEntry {
  key: string;
  labelKey: MessageKey;
  testId: string;
  /** Who sees the page; admins see every page. */
  roles: readonly Role[];
  group: 'counter' | 'office';
  /** Reached by a link, not from the menu (the board poster, the TV display). */
  hidden?: boolean;
  /** Fills the window without the app's header and menu: a print page, the TV in the shop. */
  bare?: boolean;
}

export const navEntries: readonly NavEntry[] = [
  { key: 'counter', labelKey: 'navCounter', testId: 'nav-counter', roles: ['shopkeeper'], group: 'counter' },
  { key: 'today', labelKey: 'navToday', testId: 'nav-today', roles: ['shopkeeper', 'viewer'], group: 'counter' },
  { key: 'printer', labelKey: 'navPrinter', testId: 'nav-printer', roles: ['shopkeeper'], group: 'counter' },
  { key: 'office', labelKey: 'navOfficeHome', testId: 'nav-office', roles: ['clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'households', labelKey: 'navHouseholds', testId: 'nav-households', roles: ['clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'rules', labelKey: 'navRules', testId: 'nav-rules', roles: ['clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'scoring', labelKey: 'navScoring', testId: 'nav-scoring', roles: ['clerk'], group: 'office' },
  { key: 'rejected', labelKey: 'navRejected', testId: 'nav-rejected', roles: ['clerk'], group: 'office' },
  { key: 'review', labelKey: 'navReview', testId: 'nav-review', roles: ['reviewer', 'viewer'], group: 'office' },
  { key: 'ledger', labelKey: 'navLedger', testId: 'nav-ledger', roles: ['clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'village-settings', labelKey: 'navVillageSettings', testId: 'nav-village-settings', roles: [], group: 'office' },
  { key: 'catalog', labelKey: 'navCatalog', testId: 'nav-catalog', roles: ['shopkeeper'], group: 'office' },
  { key: 'receiving', labelKey: 'navReceiving', testId: 'nav-receiving', roles: ['shopkeeper'], group: 'office' },
  { key: 'stocktake', labelKey: 'navStocktake', testId: 'nav-stocktake', roles: ['shopkeeper'], group: 'office' },
  { key: 'movements', labelKey: 'navMovements', testId: 'nav-movements', roles: ['shopkeeper', 'viewer'], group: 'office' },
  { key: 'settlement', labelKey: 'navSettlement', testId: 'nav-settlement', roles: ['shopkeeper', 'viewer'], group: 'office' },
  { key: 'funding', labelKey: 'navFunding', testId: 'nav-funding', roles: ['shopkeeper', 'viewer'], group: 'office' },
  { key: 'provider', labelKey: 'navProvider', testId: 'nav-provider', roles: ['provider'], group: 'counter' },
  { key: 'bulk', labelKey: 'navBulk', testId: 'nav-bulk', roles: ['shopkeeper'], group: 'counter' },
  { key: 'day-close', labelKey: 'navDayClose', testId: 'nav-day-close', roles: ['shopkeeper'], group: 'counter' },
  { key: 'boards', labelKey: 'navBoards', testId: 'nav-boards', roles: ['shopkeeper', 'clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'awards', labelKey: 'navAwards', testId: 'nav-awards', roles: ['clerk', 'reviewer', 'viewer'], group: 'office' },
  { key: 'reports', labelKey: 'navReports', testId: 'nav-reports', roles: ['shopkeeper', 'clerk', 'reviewer', 'viewer'], group: 'office' },
  {
    key: 'board-poster',
    labelKey: 'navBoards',
    testId: 'nav-board-poster',
    roles: ['shopkeeper', 'clerk', 'reviewer', 'viewer'],
    group: 'office',
    hidden: true,
    bare: true,
  },
  // Admin only (no role listed): accounts, the audit log and backups.
  { key: 'users', labelKey: 'navUsers', testId: 'nav-users', roles: [], group: 'office' },
  { key: 'audit', labelKey: 'navAudit', testId: 'nav-audit', roles: [], group: 'office' },
  { key: 'backups', labelKey: 'navBackups', testId: 'nav-backups', roles: [], group: 'office' },
  // Pairing counters, terminals, conflicts (office); pairing and link status (counter).
  { key: 'sync', labelKey: 'navSync', testId: 'nav-sync', roles: [], group: 'office' },
  // This PC: role and pairing, LAN listening, printer, redemption calendar.
  { key: 'settings', labelKey: 'navSettings', testId: 'nav-settings', roles: [], group: 'office' },
  // Everyone's own PIN, reached from the name in the header.
  {
    key: 'my-pin',
    labelKey: 'navMyPin',
    testId: 'nav-my-pin',
    roles: ['shopkeeper', 'clerk', 'reviewer', 'provider', 'viewer'],
    group: 'office',
    hidden: true,
  },
  // Version, folders and updates: for everyone; paths and updates for admins (the core decides).
  { key: 'about', labelKey: 'navAbout', testId: 'nav-about', roles: ['shopkeeper', 'clerk', 'reviewer', 'provider', 'viewer'], group: 'office' },
  {
    key: 'board-display',
    labelKey: 'navBoards',
    testId: 'nav-board-display',
    roles: ['shopkeeper', 'clerk', 'reviewer', 'viewer'],
    group: 'office',
    hidden: true,
    bare: true,
  },
];

export function visibleEntries(roles: readonly Role[], entries: readonly NavEntry[] = navEntries): NavEntry[] {
  if (roles.includes('admin')) return [...entries];
  return entries.filter((e) => e.roles.some((r) => roles.includes(r)));
}

/** The page a hash like "#/today" names, if the user may see it; else the first page they may. */
export function pageFromHash(hash: string, roles: readonly Role[], entries: readonly NavEntry[] = navEntries): string | null {
  const visible = visibleEntries(roles, entries);
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return visible.find((e) => e.key === key)?.key ?? visible[0]?.key ?? null;
}

export const hashFor = (key: string): string => `#/${key}`;
