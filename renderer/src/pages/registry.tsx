import type { ComponentType } from 'react';
import { CounterPage } from './counter/CounterPage';
import { PrinterPage } from './PrinterPage';
import { TodayPage } from './TodayPage';
import { CatalogPage } from './stock/CatalogPage';
import { FundingPage } from './stock/FundingPage';
import { MovementsPage } from './stock/MovementsPage';
import { ProviderPage } from './stock/ProviderPage';
import { ReceivingPage } from './stock/ReceivingPage';
import { SettlementPage } from './stock/SettlementPage';
import { StocktakePage } from './stock/StocktakePage';
import { HouseholdsPage } from './office/HouseholdsPage';
import { LedgerPage } from './office/LedgerPage';
import { OfficeHomePage } from './office/OfficeHomePage';
import { OfficeSettingsPage } from './office/OfficeSettingsPage';
import { ReviewPage } from './office/ReviewPage';
import { RulesPage } from './office/RulesPage';
import { ScoringPage } from './office/ScoringPage';
import { RejectedPage } from './office/RejectedPage';
import { AwardsPage } from './awards/AwardsPage';
import { BoardDisplayPage } from './boards/BoardDisplayPage';
import { BoardPosterPage } from './boards/BoardPosterPage';
import { BoardsPage } from './boards/BoardsPage';
import { BulkPage } from './bulk/BulkPage';
import { LazyReportsPage } from './reports/lazy';
import { AuditPage } from './admin/AuditPage';
import { BackupsPage } from './admin/BackupsPage';
import { DayClosePage } from './sync/DayClosePage';
import { SyncPage } from './sync/SyncPage';
import { MyPinPage } from './admin/MyPinPage';
import { UsersPage } from './admin/UsersPage';
import { AboutPage } from './about/AboutPage';
import { SettingsPage } from './setup/SettingsPage';

/** Page components by nav key (see nav.ts for who sees which). Office pages are added here too. */
export const pageComponents: Record<string, ComponentType> = {
  counter: CounterPage,
  today: TodayPage,
  printer: PrinterPage,
  catalog: CatalogPage,
  receiving: ReceivingPage,
  stocktake: StocktakePage,
  movements: MovementsPage,
  settlement: SettlementPage,
  funding: FundingPage,
  provider: ProviderPage,
  office: OfficeHomePage,
  households: HouseholdsPage,
  rules: RulesPage,
  scoring: ScoringPage,
  rejected: RejectedPage,
  review: ReviewPage,
  ledger: LedgerPage,
  'village-settings': OfficeSettingsPage,
  bulk: BulkPage,
  boards: BoardsPage,
  'board-poster': BoardPosterPage,
  'board-display': BoardDisplayPage,
  awards: AwardsPage,
  reports: LazyReportsPage,
  users: UsersPage,
  audit: AuditPage,
  backups: BackupsPage,
  sync: SyncPage,
  'day-close': DayClosePage,
  'my-pin': MyPinPage,
  about: AboutPage,
  settings: SettingsPage,
};
