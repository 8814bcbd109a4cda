import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBanner } from './ErrorBanner';
import { LanguageToggle } from './LanguageToggle';
import './login.css';

export interface LoginWords {
  title: string;
  subtitle: string;
  username: string;
  pin: string;
  submit: string;
  hint: string;
}

/**
 * The sign-in card (the village app's and the county portal's): username, PIN, Enter moves on and
 * submits; a refusal empties the PIN and puts the cursor back in it.
 */
export function LoginCard({
  logo,
  words,
  onLogin,
  initialError,
  notice,
  testId,
  corner,
}: {
  logo: string;
  words: LoginWords;
  onLogin: (username: string, pin: string) => Promise<void>;
  initialError?: string | null;
  notice?: ReactNode;
  testId?: string;
  /** Beside the language toggle: the village app's 长辈模式 switch. */
  corner?: ReactNode;
}) {
  const { errorText } = useI18n();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError ?? null);
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
      await onLogin(username.trim(), pin);
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
      <div style={{ position: 'fixed', top: 16, right: 20, display: 'flex', gap: 8, alignItems: 'center' }}>
        {corner}
        <LanguageToggle />
      </div>
      <Card className="login-card" variant="borderless" data-testid={testId}>
        <div className="login-head">
          <div className="app-logo" aria-hidden translate="no">
            {logo}
          </div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {words.title}
          </Typography.Title>
          <Typography.Text type="secondary">{words.subtitle}</Typography.Text>
        </div>
        {notice}
        <Form layout="vertical" size="large" onFinish={() => void submit()} requiredMark={false}>
          <Form.Item label={words.username}>
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
          <Form.Item label={words.pin}>
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
            {words.submit}
          </Button>
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {words.hint}
            </Typography.Text>
          </div>
        </Form>
      </Card>
    </div>
  );
}

/** The header's logo, app name and the area below it (village or county). */
export function AppBrand({ logo, title, place, placeTestId }: { logo: string; title: string; place: string; placeTestId: string }) {
  return (
    <div className="app-brand">
      <div className="app-logo" aria-hidden translate="no">
        {logo}
      </div>
      <div>
        <div className="app-title">{title}</div>
        <div className="app-village" data-testid={placeTestId} data-user-text>
          {place}
        </div>
      </div>
    </div>
  );
}
