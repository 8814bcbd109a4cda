import { AreaChartOutlined, EnvironmentOutlined, FileTextOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { LanguageToggle } from '../components/LanguageToggle';
import { AppBrand, LoginCard } from '../components/LoginCard';
import { usePageLoad } from '../components/page-hooks';
import { useI18n } from '../i18n/I18nProvider';
import { theme } from '../theme';
import { countyCall, countySession, type CountyResult } from './client';
import { AreasPage } from './AreasPage';
import { DashboardPage } from './DashboardPage';
import { ReportPage } from './ReportPage';
import { UsersPage } from './UsersPage';
import { useCountyText, type CountyKey } from './text';
import type { Area } from './view';
import './county.css';

export type CountyUser = CountyResult<'county.me'>['user'];

interface CountyContext {
  user: CountyUser;
  today: string;
  areas: Area[];
  reloadAreas(): Promise<void>;
}
const Ctx = createContext<CountyContext | null>(null);

export function useCounty(): CountyContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useCounty outside the county app');
  return c;
}

type Page = 'dashboard' | 'report' | 'areas' | 'users';
const pages: { key: Page; label: CountyKey; icon: ReactNode; admin?: boolean }[] = [
  { key: 'dashboard', label: 'navDashboard', icon: <AreaChartOutlined /> },
  { key: 'report', label: 'navReport', icon: <FileTextOutlined /> },
  { key: 'areas', label: 'navAreas', icon: <EnvironmentOutlined />, admin: true },
  { key: 'users', label: 'navUsers', icon: <TeamOutlined />, admin: true },
];

function useHashPage(isAdmin: boolean): Page {
  const read = useCallback(() => {
    const key = window.location.hash.replace(/^#\/?/, '').split('?')[0] as Page;
    const p = pages.find((x) => x.key === key);
    return p && (!p.admin || isAdmin) ? p.key : 'dashboard';
  }, [isAdmin]);
  const [page, setPage] = useState<Page>(read);
  useEffect(() => {
    const on = () => setPage(read());
    on();
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [read]);
  return page;
}

/** The county server's UI: sign-in, then the read-only dashboard and reports; admins also keep areas and users. */
export default function CountyApp() {
  const { lang } = useI18n();
  const [state, setState] = useState<'checking' | 'out' | 'ended' | { user: CountyUser; today: string }>('checking');

  useEffect(() => {
    document.title = '积分制 · 县级平台';
    const off = countySession.onEnded(() => setState('ended'));
    if (!countySession.hasToken()) setState('out');
    else countyCall('county.me', {}).then(setState, () => setState('out'));
    return off;
  }, []);

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        {state === 'checking' ? (
          <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
            <Spin size="large" />
          </div>
        ) : state === 'out' || state === 'ended' ? (
          <CountyLogin ended={state === 'ended'} onIn={setState} />
        ) : (
          <Signed user={state.user} today={state.today} onOut={() => setState('out')} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

function CountyLogin({ ended, onIn }: { ended: boolean; onIn: (s: { user: CountyUser; today: string }) => void }) {
  const tx = useCountyText();
  return (
    <LoginCard
      logo="县"
      testId="county-login"
      words={{
        title: tx('appName'),
        subtitle: tx('appSubtitle'),
        username: tx('loginUsername'),
        pin: tx('loginPin'),
        submit: tx('loginSubmit'),
        hint: tx('loginHint'),
      }}
      initialError={ended ? tx('sessionEnded') : null}
      onLogin={async (username, pin) => {
        await countyCall('county.login', { username, pin });
        onIn(await countyCall('county.me', {}));
      }}
    />
  );
}

function Signed({ user, today, onOut }: { user: CountyUser; today: string; onOut: () => void }) {
  const tx = useCountyText();
  const isAdmin = user.role === 'county_admin';
  const page = useHashPage(isAdmin);
  const [areas, setAreas] = useState<Area[] | null>(null);
  const { error, reload: reloadAreas } = usePageLoad(
    useCallback(async () => {
      setAreas((await countyCall('county.areas.list', {})).areas);
    }, []),
  );
  const ctx = useMemo(() => (areas ? { user, today, areas, reloadAreas } : null), [user, today, areas, reloadAreas]);
  const own = areas?.find((a) => a.code === user.areaCode);

  async function logout() {
    try {
      await countyCall('county.logout', {});
    } catch {
      /* the token is forgotten either way */
    }
    countySession.clear();
    onOut();
  }

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header className="app-header">
        <AppBrand logo="县" title={tx('appName')} place={own?.name ?? user.areaCode} placeTestId="county-area-name" />
        <div style={{ flex: 1 }} />
        <div className="app-right">
          <span data-testid="user-name">
            <UserOutlined /> {user.name} · {tx(`role_${user.role}`)}
          </span>
          <LanguageToggle />
          <Button data-testid="logout" icon={<LogoutOutlined />} onClick={() => void logout()}>
            {tx('logout')}
          </Button>
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider width={172} theme="light" className="app-sider">
          <Menu
            mode="inline"
            className="app-menu"
            selectedKeys={[page]}
            onClick={({ key }) => {
              window.location.hash = `#/${key}`;
            }}
            items={pages
              .filter((p) => !p.admin || isAdmin)
              .map((p) => ({ key: p.key, icon: p.icon, label: <span data-testid={`county-nav-${p.key}`}>{tx(p.label)}</span> }))}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ErrorBanner text={error} />
          {ctx && (
            <Ctx.Provider value={ctx}>
              {page === 'dashboard' && <DashboardPage />}
              {page === 'report' && <ReportPage />}
              {page === 'areas' && <AreasPage />}
              {page === 'users' && <UsersPage />}
            </Ctx.Provider>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
