import { SettingOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Radio, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MachineRole } from '../../../../electron/core/context';
import { call, type Result } from '../../api/client';
import { isApiError } from '../../api/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { PrinterPage } from '../PrinterPage';
import { CalendarEditor } from './CalendarEditor';
import { CountyCard } from './CountyCard';
import { roleKeys, useSetupText } from './text';
import './setup.css';

type Machine = Result<'machine.get'>;

/** Admin only: what this PC is (role, pairing), its LAN listening, the printer and the calendar. Every change is audited by the server. */
export function SettingsPage() {
  const tx = useSetupText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [m, setM] = useState<Machine | null>(null);
  const [role, setRole] = useState<MachineRole>('all');
  const [lan, setLan] = useState({ enabled: false, host: '', port: 5180 });
  const [pair, setPair] = useState({ officeUrl: '', code: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const show = useCallback((next: Machine) => {
    setM(next);
    setRole(next.role);
    const host = next.lan.host || next.interfaces.find((i) => !i.internal)?.address || next.interfaces[0]?.address || '';
    setLan({ enabled: next.lan.enabled, host, port: next.lan.port });
  }, []);

  useEffect(() => {
    call('machine.get', {}).then(show, (e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function run(what: string, f: () => Promise<Machine | void>, done?: string) {
    setBusy(what);
    try {
      const next = await f();
      show(next ?? (await call('machine.get', {})));
      setError(null);
      if (done) message.success(done);
    } catch (e) {
      setError(
        isApiError(e) && (e.code === 'OFFICE_UNREACHABLE' || e.code === 'NETWORK')
          ? tx('officeUnreachable')
          : isApiError(e) && e.code === 'UNAUTHENTICATED' && what === 'pair'
            ? tx('codeWrong')
            : errorText(e),
      );
    } finally {
      setBusy(null);
    }
  }

  if (!m)
    return (
      <div className="page">
        <ErrorBanner text={error} />
      </div>
    );
  const fixed = m.roleFixed !== null;
  const locked = fixed || (m.role === 'counter' && m.replica);
  return (
    <div className="page" data-testid="settings-page">
      <div className="page-title">
        <SettingOutlined /> {tx('settingsTitle')}
      </div>
      <div style={{ marginBottom: 12 }}>
        <ErrorBanner text={error} onClose={() => setError(null)} />
      </div>
      <div className="settings-grid">
        <Card title={tx('roleCard')} data-testid="settings-role">
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={tx('currentRole')}>
              <Tag color="blue" data-testid="settings-current-role">
                {tx(roleKeys[m.role])}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {fixed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tx('roleFixedNote', { role: m.roleFixed ?? '' })} />}
          {!fixed && m.role === 'counter' && m.replica && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tx('roleReplicaNote')} />}
          {!locked && (
            <Space wrap>
              <span>{tx('changeRole')}</span>
              <Radio.Group value={role} onChange={(e) => setRole(e.target.value as MachineRole)} optionType="button" buttonStyle="solid">
                {(['all', 'office', 'counter'] as MachineRole[]).map((r) => (
                  <Radio.Button key={r} value={r}>
                    <span data-testid={`settings-role-${r}`}>{tx(roleKeys[r])}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
              <Button
                type="primary"
                data-testid="settings-role-save"
                disabled={role === m.role}
                loading={busy === 'role'}
                onClick={() => void run('role', () => call('machine.setRole', { role }), tx('roleChanged', { role: tx(roleKeys[role]) }))}
              >
                {tx('save')}
              </Button>
            </Space>
          )}
          {m.role === 'counter' && (
            <div style={{ marginTop: 16 }}>
              {m.paired ? (
                <Space wrap>
                  <Typography.Text data-testid="settings-paired">{tx('pairedWith', { url: m.officeUrl ?? '', counterId: m.counterId })}</Typography.Text>
                  <Popconfirm title={tx('unpairConfirm')} onConfirm={() => void run('unpair', () => call('sync.unpair', {}), tx('unpaired'))}>
                    <Button danger data-testid="settings-unpair" loading={busy === 'unpair'}>
                      {tx('unpair')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Form layout="vertical" onFinish={() => void run('pair', async () => void (await call('sync.pair', pair)))} style={{ maxWidth: 480 }}>
                  <Typography.Paragraph>{tx('notPaired')}</Typography.Paragraph>
                  <Form.Item label={tx('officeUrl')} help={tx('officeUrlHelp')}>
                    <Input
                      data-testid="settings-pair-url"
                      value={pair.officeUrl}
                      placeholder={tx('officeUrlPh')}
                      onChange={(e) => setPair({ ...pair, officeUrl: e.target.value })}
                    />
                  </Form.Item>
                  <Form.Item label={tx('pairCode')} style={{ marginTop: 12 }}>
                    <Input
                      data-testid="settings-pair-code"
                      value={pair.code}
                      maxLength={9}
                      onChange={(e) => setPair({ ...pair, code: e.target.value.toUpperCase() })}
                    />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" data-testid="settings-pair" loading={busy === 'pair'} disabled={!pair.officeUrl || !pair.code}>
                    {tx('rePair')}
                  </Button>
                </Form>
              )}
            </div>
          )}
        </Card>

        <Card title={tx('lanCard')} data-testid="settings-lan">
          <Typography.Paragraph type="secondary">{tx('lanHint')}</Typography.Paragraph>
          {m.role === 'counter' ? (
            <Alert type="info" showIcon title={tx('lanCounter')} />
          ) : (
            <Form layout="inline" onFinish={() => void run('lan', () => call('machine.setLan', lan), tx('lanSaved'))} style={{ rowGap: 12 }}>
              <Form.Item label={tx('lanEnabled')}>
                <Switch data-testid="settings-lan-enabled" checked={lan.enabled} onChange={(enabled) => setLan({ ...lan, enabled })} />
              </Form.Item>
              <Form.Item label={tx('lanInterface')}>
                <select
                  className="native-select"
                  data-testid="settings-lan-host"
                  value={lan.host}
                  onChange={(e) => setLan({ ...lan, host: e.target.value })}
                  style={{ minWidth: 200 }}
                >
                  {m.interfaces.map((i) => (
                    <option key={`${i.name}-${i.address}`} value={i.address}>
                      {i.address}（{i.name}）
                    </option>
                  ))}
                </select>
              </Form.Item>
              <Form.Item label={tx('lanPort')}>
                <InputNumber
                  data-testid="settings-lan-port"
                  min={1024}
                  max={65535}
                  value={lan.port}
                  onChange={(v) => typeof v === 'number' && setLan({ ...lan, port: v })}
                  style={{ width: 110 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="settings-lan-save" loading={busy === 'lan'}>
                {tx('save')}
              </Button>
            </Form>
          )}
          {m.role !== 'counter' && (
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={tx('lanUrl')}>
                <Typography.Text copyable={Boolean(m.lanUrl)} strong data-testid="settings-lan-url">
                  {m.lanUrl ?? '—'}
                </Typography.Text>
                <Tag style={{ marginLeft: 8 }} color={m.lanStatus.listening ? 'green' : 'default'} data-testid="settings-lan-status">
                  {m.lanStatus.listening ? tx('lanListening') : tx('lanNotListening')}
                </Tag>
                {m.lanStatus.error && <Typography.Text type="danger">{m.lanStatus.error}</Typography.Text>}
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>

        {m.role !== 'counter' && <CountyCard />}

        <Card title={tx('printerCard')} data-testid="settings-printer">
          <div className="setup-embedded">
            <PrinterPage />
          </div>
        </Card>

        {m.role !== 'counter' && (
          <Card title={tx('calendarCard')} data-testid="settings-calendar">
            <CalendarEditor />
          </Card>
        )}
      </div>
    </div>
  );
}
