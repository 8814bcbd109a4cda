import { Alert } from 'antd';
import { CareToggle } from '../care/CareToggle';
import { LoginCard } from '../components/LoginCard';
import { useI18n } from '../i18n/I18nProvider';
import { useSession, type SignedOutNotice } from '../session';

export function LoginPage({ notice }: { notice?: SignedOutNotice }) {
  const { t } = useI18n();
  const { login } = useSession();
  // A session that ran out is an error to read; a counter that has just paired is news, not a failure.
  return (
    <LoginCard
      logo="积"
      words={{
        title: t('appName'),
        subtitle: t('appSubtitle'),
        username: t('loginUsername'),
        pin: t('loginPin'),
        submit: t('loginSubmit'),
        hint: t('loginHint'),
      }}
      onLogin={login}
      corner={<CareToggle />}
      initialError={notice === 'sessionEnded' ? t(notice) : null}
      notice={
        notice === 'pairedWithOffice' && (
          <Alert
            type="info"
            showIcon
            data-testid="login-notice"
            style={{ marginBottom: 16 }}
            title={<span style={{ fontSize: 16, fontWeight: 600 }}>{t(notice)}</span>}
          />
        )
      }
    />
  );
}
