import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { call } from './api/client';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AppLayout } from './layout/AppLayout';
import { useI18n } from './i18n/I18nProvider';
import { LoginPage } from './pages/LoginPage';
import { SetupWizard, type SetupStatus } from './pages/setup/SetupWizard';
import { useSession } from './session';
import { themeFor } from './theme';
import { useCare } from './care/CareProvider';

export function App() {
  const { lang, t } = useI18n();
  const { state } = useSession();
  const care = useCare();
  // A fresh data folder opens on the first-run wizard instead of the sign-in (a server without setup.* has none).
  const [setup, setSetup] = useState<SetupStatus | 'checking' | null>('checking');
  useEffect(() => {
    call('setup.status', {}).then(
      (s) => setSetup(s.needed ? s : null),
      () => setSetup(null),
    );
  }, []);
  const checking = state.status === 'checking' || setup === 'checking';
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={themeFor(care.on)} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        {checking && (
          <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
            <Spin tip={t('loading')} size="large">
              <div style={{ width: 120 }} />
            </Spin>
          </div>
        )}
        {!checking && setup && <SetupWizard status={setup} onFinished={() => setSetup(null)} />}
        {!checking && !setup && state.status === 'out' && <LoginPage notice={state.notice} />}
        {!checking && !setup && state.status === 'in' && <AppLayout />}
      </AntApp>
    </ConfigProvider>
  );
}
