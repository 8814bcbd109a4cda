import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  EditOutlined,
  RollbackOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  InboxOutlined,
  LogoutOutlined,
  PrinterOutlined,
  ScissorOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  ThunderboltOutlined,
  FlagOutlined,
  TrophyOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  CalendarOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { Badge, Button, ConfigProvider, Empty, Layout, Menu } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CareToggle } from '../care/CareToggle';
import { LanguageToggle } from '../components/LanguageToggle';
import { SyncChip } from '../components/SyncChip';
import { dateWithWeekday } from '../format';
import { AppBrand } from '../components/LoginCard';
import { useI18n } from '../i18n/I18nProvider';
import { hashFor, navEntries, pageFromHash, visibleEntries } from '../nav';
import { pageComponents } from '../pages/registry';
import { useSession, useSignedIn } from '../session';
import { useLayoutText } from './text';
import { usePageAndMinute } from './usePageAndMinute';
import { useRejectedCount } from './useRejectedCount';
import './layout.css';

/** Below this CSS width (1024×768, or 1366×768 at 125 %) the menu starts as icons, leaving the page its room. */
const wideEnough = 1200;
const menuTheme = { components: { Menu: { collapsedWidth: 64 } } };

/** Menu icons by page key; a page without one gets a plain document icon. */
const icons: Record<string, ReactNode> = {
  counter: <ShopOutlined />,
  today: <UnorderedListOutlined />,
  printer: <PrinterOutlined />,
  provider: <ScissorOutlined />,
  office: <HomeOutlined />,
  households: <TeamOutlined />,
  rules: <BookOutlined />,
  scoring: <EditOutlined />,
  review: <CheckSquareOutlined />,
  ledger: <AccountBookOutlined />,
  'village-settings': <SettingOutlined />,
  catalog: <AppstoreOutlined />,
  receiving: <InboxOutlined />,
  stocktake: <AuditOutlined />,
  movements: <SwapOutlined />,
  settlement: <AccountBookOutlined />,
  funding: <FundOutlined />,
  bulk: <ThunderboltOutlined />,
  boards: <FlagOutlined />,
  awards: <TrophyOutlined />,
  reports: <BarChartOutlined />,
  sync: <CloudSyncOutlined />,
  'day-close': <CalendarOutlined />,
};

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function AppLayout() {
  const { t } = useI18n();
  const tl = useLayoutText();
  const { logout } = useSession();
  const { user, village, today, refresh } = useSignedIn();
  const hash = useHash();
  const entries = useMemo(() => visibleEntries(user.roles).filter((e) => !e.hidden), [user.roles]);
  const page = pageFromHash(hash, user.roles);
  const Page = page ? pageComponents[page] : undefined;
  const rejected = useRejectedCount(
    entries.some((e) => e.key === 'rejected'),
    page,
  );

  const readToday = useCallback(() => void refresh(), [refresh]);
  usePageAndMinute(readToday, page);

  // The provider's page is used on a phone: it fills the screen and brings its own slim header.
  if ((page === 'provider' || navEntries.some((e) => e.key === page && e.bare)) && Page) return <Page key={page} />;

  const groups = (['counter', 'office'] as const).map((g) => ({ g, items: entries.filter((e) => e.group === g) })).filter((x) => x.items.length > 0);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header className="app-header">
        <AppBrand logo="积" title={t('appName')} place={village.name} placeTestId="village-name" />
        <div style={{ flex: 1 }} />
        <div className="app-right">
          <span data-testid="today-date">{dateWithWeekday(today, t('weekdays'))}</span>
          <a href={hashFor('my-pin')} title={t('navMyPin')} data-testid="user-name">
            <UserOutlined /> <span data-user-text>{user.name}</span>
          </a>
          <SyncChip timeZone={village.timeZone} />
          <CareToggle />
          <LanguageToggle />
          <Button data-testid="logout" icon={<LogoutOutlined />} onClick={() => void logout()}>
            {t('logout')}
          </Button>
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          width={188}
          collapsedWidth={64}
          theme="light"
          className="app-sider"
          data-testid="app-sider"
          collapsible
          breakpoint="xl"
          defaultCollapsed={window.innerWidth < wideEnough}
          trigger={<SiderTrigger collapseLabel={tl('menuCollapse')} expandLabel={tl('menuExpand')} />}
        >
          <ConfigProvider theme={menuTheme}>
            <Menu
              mode="inline"
              className="app-menu"
              selectedKeys={page ? [page] : []}
              onClick={({ key }) => {
                window.location.hash = hashFor(key);
              }}
              items={groups.map(({ g, items }) => ({
                type: 'group' as const,
                key: `group-${g}`,
                label: groups.length > 1 ? t(g === 'counter' ? 'navGroupCounter' : 'navGroupOffice') : undefined,
                children: items.map((e) => ({
                  key: e.key,
                  icon: e.key === 'rejected' ? <RejectedIcon count={rejected} /> : (icons[e.key] ?? <FileTextOutlined />),
                  label:
                    e.key === 'rejected' && rejected > 0 ? (
                      <>
                        {t(e.labelKey)} <Badge count={rejected} size="small" data-testid="rejected-badge" />
                      </>
                    ) : (
                      t(e.labelKey)
                    ),
                  // On the item, not its label: a collapsed menu hides the label, and the item stays the thing to click.
                  'data-testid': e.testId,
                })),
              }))}
            />
          </ConfigProvider>
        </Layout.Sider>
        <Layout.Content className="app-content">{Page ? <Page key={page} /> : <Empty style={{ marginTop: 80 }} description={t('noPages')} />}</Layout.Content>
      </Layout>
    </Layout>
  );
}

/** 驳回待改's icon carries a dot while entries wait, so a collapsed menu still tells the clerk. */
function RejectedIcon({ count, className }: { count: number; className?: string }) {
  return (
    <span className={className}>
      <Badge dot={count > 0} offset={[2, 2]}>
        <RollbackOutlined />
      </Badge>
    </span>
  );
}

/** The toggle at the foot of the menu; the Sider's own collapsed class tells which icon shows. */
function SiderTrigger({ collapseLabel, expandLabel }: { collapseLabel: string; expandLabel: string }) {
  return (
    <span data-testid="sider-toggle" className="sider-toggle">
      <span className="when-expanded" title={collapseLabel}>
        <MenuFoldOutlined /> {collapseLabel}
      </span>
      <span className="when-collapsed" title={expandLabel} aria-label={expandLabel}>
        <MenuUnfoldOutlined />
      </span>
    </span>
  );
}
