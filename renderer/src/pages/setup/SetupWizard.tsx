import { Alert, App as AntApp, Button, Card, Form, Input, Result, Spin, Steps, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { MachineRole } from '../../../../electron/core/context';
import { pinProblem } from '../../../../electron/core/rules/pin-strength';
import { call } from '../../api/client';
import { isApiError } from '../../api/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LanguageToggle } from '../../components/LanguageToggle';
import { useI18n } from '../../i18n/I18nProvider';
import { PrinterPage } from '../PrinterPage';
import { CalendarEditor } from './CalendarEditor';
import { roleKeys, useSetupText, type SetupKey } from './text';
import './setup.css';

type Step = 'role' | 'village' | 'admin' | 'office' | 'printer' | 'calendar' | 'done';

const stepsFor = (role: MachineRole): Step[] => (role === 'counter' ? ['role', 'office', 'done'] : ['role', 'village', 'admin', 'printer', 'calendar', 'done']);
const stepLabel: Record<Step, SetupKey> = {
  role: 'stepRole',
  village: 'stepVillage',
  admin: 'stepAdmin',
  office: 'stepOffice',
  printer: 'stepPrinter',
  calendar: 'stepCalendar',
  done: 'stepDone',
};
const hintKey = { all: 'roleAllHint', office: 'roleOfficeHint', counter: 'roleCounterHint' } as const;

export interface SetupStatus {
  needed: boolean;
  role: MachineRole;
  roleFixed: boolean;
  usersReady: boolean;
}

/**
 * The first run of a fresh data folder: what this PC is, the village, its administrator (or, for a
 * counter, the office it pairs with), then the printer and the calendar. setup.complete runs once
 * the admin is entered; the printer and calendar steps then work as that admin, and may be skipped.
 */
export function SetupWizard({ status, onFinished }: { status: SetupStatus; onFinished: () => void }) {
  const tx = useSetupText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [role, setRole] = useState<MachineRole>(status.role);
  const [step, setStep] = useState<Step>('role');
  const [village, setVillage] = useState({ name: '', code: '', town: '', county: '' });
  const [admin, setAdmin] = useState({ name: '', username: '', pin: '', pin2: '' });
  const [office, setOffice] = useState({ url: '', code: '' });
  const [paired, setPaired] = useState<{ counterId: string } | null>(null);
  const [usersReady, setUsersReady] = useState(false);
  // Kept as what went wrong, not as text, so switching the language re-words it.
  const [problem, setProblem] = useState<{ key: SetupKey } | { err: unknown } | null>(null);
  const error = problem === null ? null : 'key' in problem ? tx(problem.key) : errorText(problem.err);
  const setError = setProblem;
  const [busy, setBusy] = useState(false);

  const steps = stepsFor(role);
  const index = steps.indexOf(step);
  const go = (s: Step) => {
    setError(null);
    setStep(s);
  };
  const next = () => go(steps[index + 1]);

  // A counter's accounts arrive with its first download from the office.
  useEffect(() => {
    if (!paired || usersReady) return;
    const timer = setInterval(() => {
      call('setup.status', {}).then(
        (s) => s.usersReady && setUsersReady(true),
        () => {},
      );
    }, 700);
    return () => clearInterval(timer);
  }, [paired, usersReady]);

  async function completeVillage() {
    const weak = pinProblem(admin.pin);
    if (weak) return setError({ key: weak === 'format' ? 'pinShort' : 'pinWeak' });
    if (admin.pin !== admin.pin2) return setError({ key: 'pinMismatch' });
    setBusy(true);
    try {
      await call('setup.complete', { role: role as 'all' | 'office', village, admin: { name: admin.name, username: admin.username, pin: admin.pin } });
      next();
    } catch (e) {
      setError({ err: e });
    } finally {
      setBusy(false);
    }
  }

  async function completeCounter() {
    setBusy(true);
    try {
      const r = await call('setup.complete', { role: 'counter', office });
      setPaired({ counterId: r.counterId ?? '' });
      next();
    } catch (e) {
      const code = isApiError(e) ? e.code : '';
      setError(
        code === 'OFFICE_UNREACHABLE' || code === 'NETWORK' ? { key: 'officeUnreachable' } : code === 'UNAUTHENTICATED' ? { key: 'codeWrong' } : { err: e },
      );
    } finally {
      setBusy(false);
    }
  }

  async function finish() {
    // The wizard's own session ends: the admin signs in as everyone will from now on.
    try {
      await call('auth.logout', {});
    } catch {
      /* a counter's setup signed nobody in */
    }
    message.destroy();
    onFinished();
  }

  const field = (
    label: SetupKey,
    value: string,
    set: (v: string) => void,
    extra: { testId: string; help?: SetupKey; placeholder?: SetupKey; autoFocus?: boolean; password?: boolean; maxLength?: number; inputMode?: 'numeric' },
  ) => (
    <Form.Item label={tx(label)} help={extra.help ? tx(extra.help) : undefined} style={{ marginBottom: extra.help ? 20 : 14 }}>
      {extra.password ? (
        <Input.Password
          data-testid={extra.testId}
          value={value}
          onChange={(e) => set(e.target.value)}
          autoFocus={extra.autoFocus}
          maxLength={extra.maxLength}
          inputMode={extra.inputMode}
          autoComplete="new-password"
        />
      ) : (
        <Input
          data-testid={extra.testId}
          value={value}
          onChange={(e) => set(e.target.value)}
          autoFocus={extra.autoFocus}
          placeholder={extra.placeholder ? tx(extra.placeholder) : undefined}
          maxLength={extra.maxLength}
          inputMode={extra.inputMode}
          spellCheck={false}
        />
      )}
    </Form.Item>
  );

  /** One step's form: Enter goes on, the buttons sit below. */
  const form = (body: ReactNode, onNext: () => void, nextDisabled = false, nextLabel: SetupKey = 'next') => (
    <Form layout="vertical" size="large" onFinish={() => !nextDisabled && !busy && onNext()} requiredMark={false}>
      <div className="setup-body">{body}</div>
      <div style={{ marginTop: 8 }}>
        <ErrorBanner text={error} onClose={() => setError(null)} />
      </div>
      <div className="setup-actions">
        <Button data-testid="setup-back" onClick={() => go(steps[index - 1])} disabled={index === 0 || busy}>
          {tx('back')}
        </Button>
        <Button data-testid="setup-next" type="primary" htmlType="submit" loading={busy} disabled={nextDisabled}>
          {tx(nextLabel)}
        </Button>
      </div>
    </Form>
  );

  let content: ReactNode;
  switch (step) {
    case 'role':
      content = form(
        <>
          {status.roleFixed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tx('roleFixed', { role: tx(roleKeys[status.role]) })} />}
          <div className="role-options" role="radiogroup">
            {(['all', 'office', 'counter'] as MachineRole[]).map((r, i) => (
              <button
                key={r}
                type="button"
                role="radio"
                aria-checked={role === r}
                data-testid={`setup-role-${r}`}
                className={`role-option${role === r ? ' selected' : ''}`}
                disabled={status.roleFixed && r !== status.role}
                autoFocus={role === r}
                onClick={() => setRole(r)}
                onDoubleClick={() => {
                  setRole(r);
                  go(stepsFor(r)[1]);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    setRole(r);
                    go(stepsFor(r)[1]);
                  }
                }}
              >
                <span className="role-name">
                  {i + 1}. {tx(roleKeys[r])}
                </span>
                <span className="role-hint">{tx(hintKey[r])}</span>
              </button>
            ))}
          </div>
        </>,
        next,
      );
      break;
    case 'village':
      content = form(
        <>
          {field('villageName', village.name, (name) => setVillage({ ...village, name }), {
            testId: 'setup-village-name',
            placeholder: 'villageNamePh',
            autoFocus: true,
            maxLength: 32,
          })}
          {field('villageCode', village.code, (code) => setVillage({ ...village, code: code.replace(/\D/g, '') }), {
            testId: 'setup-village-code',
            help: 'villageCodeHelp',
            maxLength: 12,
            inputMode: 'numeric',
          })}
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
            {field('town', village.town, (town) => setVillage({ ...village, town }), { testId: 'setup-village-town', maxLength: 32 })}
            {field('county', village.county, (county) => setVillage({ ...village, county }), { testId: 'setup-village-county', maxLength: 32 })}
          </div>
        </>,
        next,
        !village.name.trim() || village.code.length !== 12 || !village.town.trim() || !village.county.trim(),
      );
      break;
    case 'admin':
      content = form(
        <>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
            {field('adminName', admin.name, (name) => setAdmin({ ...admin, name }), { testId: 'setup-admin-name', autoFocus: true, maxLength: 32 })}
            {field('adminUsername', admin.username, (username) => setAdmin({ ...admin, username: username.trim() }), {
              testId: 'setup-admin-username',
              help: 'adminUsernameHelp',
              maxLength: 32,
            })}
          </div>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
            {field('adminPin', admin.pin, (pin) => setAdmin({ ...admin, pin: pin.replace(/\D/g, '') }), {
              testId: 'setup-admin-pin',
              password: true,
              maxLength: 12,
              inputMode: 'numeric',
            })}
            {field('adminPin2', admin.pin2, (pin2) => setAdmin({ ...admin, pin2: pin2.replace(/\D/g, '') }), {
              testId: 'setup-admin-pin2',
              password: true,
              maxLength: 12,
              inputMode: 'numeric',
            })}
          </div>
        </>,
        () => void completeVillage(),
        !admin.name.trim() || !admin.username || admin.pin.length < 6 || !admin.pin2,
      );
      break;
    case 'office':
      content = form(
        <>
          {field('officeUrl', office.url, (url) => setOffice({ ...office, url }), {
            testId: 'setup-office-url',
            placeholder: 'officeUrlPh',
            help: 'officeUrlHelp',
            autoFocus: true,
            maxLength: 200,
          })}
          {field('pairCode', office.code, (code) => setOffice({ ...office, code: code.toUpperCase() }), {
            testId: 'setup-office-code',
            help: 'pairCodeHelp',
            maxLength: 9,
          })}
        </>,
        () => void completeCounter(),
        !office.url.trim() || office.code.replace('-', '').length !== 8,
      );
      break;
    case 'printer':
      content = (
        <>
          <Typography.Paragraph type="secondary">{tx('printerHint')}</Typography.Paragraph>
          <div className="setup-embedded">
            <PrinterPage />
          </div>
          <div className="setup-actions">
            <Button data-testid="setup-skip" onClick={next}>
              {tx('skip')}
            </Button>
            <Button data-testid="setup-next" type="primary" onClick={next}>
              {tx('next')}
            </Button>
          </div>
        </>
      );
      break;
    case 'calendar':
      content = (
        <>
          <Typography.Paragraph type="secondary">{tx('calendarHint')}</Typography.Paragraph>
          <CalendarEditor
            onSaved={next}
            saveLabel={tx('next')}
            extra={
              <Button data-testid="setup-skip" onClick={next}>
                {tx('skip')}
              </Button>
            }
          />
        </>
      );
      break;
    case 'done':
      content =
        role === 'counter' ? (
          <Result
            status={usersReady ? 'success' : 'info'}
            icon={usersReady ? undefined : <Spin size="large" />}
            title={usersReady ? tx('doneCounter') : tx('waitingUsers', { counterId: paired?.counterId ?? '' })}
            subTitle={usersReady ? tx('usersReady') : undefined}
            extra={
              <Button data-testid="setup-finish" type="primary" size="large" autoFocus disabled={!usersReady} onClick={() => void finish()}>
                {tx('goSignIn')}
              </Button>
            }
          />
        ) : (
          <Result
            status="success"
            title={tx('doneTitle')}
            subTitle={tx('doneBody', { village: village.name, role: tx(roleKeys[role]), username: admin.username })}
            extra={
              <Button data-testid="setup-finish" type="primary" size="large" autoFocus onClick={() => void finish()}>
                {tx('goSignIn')}
              </Button>
            }
          />
        );
      break;
  }

  return (
    <div className="setup-bg" data-testid="setup-wizard">
      <Card className="setup-card" variant="borderless">
        <div className="setup-head">
          <div className="app-logo" aria-hidden>
            积
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {tx('wizardTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{tx('wizardSubtitle')}</Typography.Text>
          </div>
          <div style={{ marginLeft: 'auto', alignSelf: 'flex-start' }}>
            <LanguageToggle />
          </div>
        </div>
        <Steps className="setup-steps" size="small" current={index} items={steps.map((s) => ({ title: tx(stepLabel[s]) }))} data-testid="setup-steps" />
        <div data-testid={`setup-step-${step}`}>{content}</div>
      </Card>
    </div>
  );
}
