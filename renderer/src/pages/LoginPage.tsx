import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { LanguageToggle } from '../components/LanguageToggle';
import { useI18n } from '../i18n/I18nProvider';
import { useSession, type SignedOutNotice } from '../session';
import type { InputRef } from 'antd';

export function LoginPage({ notice }: { notice?: SignedOutNotice }) {
  const { t, errorText } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // A session that ran out is an error to read; a counter that has just paired is news, not a failure.
  const [error, setError] = useState<string | null>(notice === 'sessionEnded' ? t(notice) : null);
  const pinRef = useRef<InputRef>(null);

  async function submit() {
    if (!username.trim()) return;
    if (!pin) {
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), pin);
    } catch (e) {
      setError(errorText(e));
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-bg">
      <div style={{ position: 'fixed', top: 16, right: 20 }}>
        <LanguageToggle />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-head">
          <div className="app-logo" aria-hidden>
            积
          </div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('appSubtitle')}</Typography.Text>
        </div>
        {notice === 'pairedWithOffice' && (
          <Alert
            type="info"
            showIcon
            data-testid="login-notice"
            style={{ marginBottom: 16 }}
            title={<span style={{ fontSize: 16, fontWeight: 600 }}>{t(notice)}</span>}
          />
        )}
        <Form layout="vertical" size="large" onFinish={() => void submit()} requiredMark={false}>
          <Form.Item label={t('loginUsername')}>
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              autoFocus
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                if (pin) void submit();
                else pinRef.current?.focus();
              }}
            />
          </Form.Item>
          <Form.Item label={t('loginPin')}>
            <Input
              ref={pinRef}
              data-testid="login-pin"
              type="password"
              inputMode="numeric"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
            />
          </Form.Item>
          {error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorBanner text={error} />
            </div>
          )}
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy} style={{ height: 48, fontSize: 18 }}>
            {t('loginSubmit')}
          </Button>
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('loginHint')}
            </Typography.Text>
          </div>
        </Form>
      </Card>
    </div>
  );
}
