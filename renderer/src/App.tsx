import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AppLayout } from './layout/AppLayout';
import { useI18n } from './i18n/I18nProvider';
import { LoginPage } from './pages/LoginPage';
import { useSession } from './session';
import { theme } from './theme';

export function App() {
  const { lang, t } = useI18n();
  const { state } = useSession();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        {state.status === 'checking' && (
          <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}><Spin tip={t('loading')} size="large"><div style={{ width: 120 }} /></Spin></div>
        )}
        {state.status === 'out' && <LoginPage notice={state.notice} />}
        {state.status === 'in' && <AppLayout />}
      </AntApp>
    </ConfigProvider>
  );
}
