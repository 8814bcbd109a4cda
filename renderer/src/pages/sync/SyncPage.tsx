import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageAction } from '../../components/page-hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession, useSignedIn } from '../../session';
import { localTime, reasonKey, useSyncText } from './text';

type Status = Result<'sync.status'>;
type Terminal = Result<'sync.terminals'>['items'][number];
type Conflict = Result<'sync.conflicts'>['items'][number];
type Code = Result<'sync.pairingCode'>;

/** 联网同步: the office pairs counters, watches them, revokes one, follows up conflicts; a counter pairs and shows its link. */
export function SyncPage() {
  const tx = useSyncText();
  const { errorText } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await call('sync.status', {}));
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page" data-testid="sync-page">
      <div className="page-title">{tx('syncTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {status?.role === 'all' && <Alert type="info" showIcon title={tx('roleAllHint')} data-testid="sync-role-all" />}
      {status?.role === 'office' && <OfficeSync onError={setError} />}
      {status?.role === 'counter' && <CounterSync status={status} reload={load} onError={setError} />}
    </div>
  );
}

function CounterSync({ status, reload, onError }: { status: Status; reload: () => Promise<void>; onError: (e: string | null) => void }) {
  const tx = useSyncText();
  const { errorText } = useI18n();
  const { village } = useSignedIn();
  const { logout, expectSessionEnd } = useSession();
  const [busy, setBusy] = useState(false);
  const [pairedAs, setPairedAs] = useState<string | null>(null);
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const [form] = Form.useForm<{ officeUrl: string; code: string }>();

  // While the first download runs, follow it; once it is in, the office's accounts take over.
  useEffect(() => {
    if (!pairedAs) return;
    const timer = window.setInterval(async () => {
      try {
        const s = await call('sync.status', {});
        if (s.lastPullAt && !s.pullProgress) {
          window.clearInterval(timer);
          Modal.info({ title: tx('firstPullDone'), onOk: () => void logout('pairedWithOffice') });
        }
      } catch {
        window.clearInterval(timer);
        void logout('pairedWithOffice');
      }
      void reload();
    }, 500);
    return () => window.clearInterval(timer);
  }, [pairedAs, reload, logout, tx]);

  async function pair(v: { officeUrl: string; code: string }) {
    setBusy(true);
    try {
      const r = await call('sync.pair', { officeUrl: v.officeUrl.trim(), code: v.code.trim().toUpperCase() });
      // From here on the local accounts are retired: whichever call finds this session gone, the
      // login page says to sign in with the office's account, not 登录已过期.
      expectSessionEnd('pairedWithOffice');
      setPairedAs(r.counterId);
      onError(null);
      await reload();
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function syncNow() {
    setBusy(true);
    try {
      await call('sync.now', {});
      await reload();
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (!status.paired) {
    return (
      <Card title={tx('pairTitle')} style={{ maxWidth: 560 }}>
        <p>{tx('pairHint')}</p>
        <Alert type="warning" showIcon title={tx('pairWarning')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => void pair(v)}>
          <Form.Item name="officeUrl" label={tx('officeUrl')} rules={[{ required: true }]}>
            <Input placeholder={tx('officeUrlPlaceholder')} data-testid="pair-office-url" />
          </Form.Item>
          <Form.Item name="code" label={tx('code')} rules={[{ required: true, pattern: /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/ }]}>
            <Input placeholder="XXXX-XXXX" style={{ fontSize: 20, letterSpacing: 2, width: 200 }} data-testid="pair-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="pair-submit">
            {tx('pair')}
          </Button>
        </Form>
      </Card>
    );
  }

  return (
    <Card
      title={tx('statusTitle')}
      style={{ maxWidth: 640 }}
      extra={
        <Button onClick={() => void syncNow()} loading={busy} data-testid="sync-now">
          {tx('syncNow')}
        </Button>
      }
    >
      {pairedAs && <Alert type="success" showIcon title={tx('paired', { counterId: pairedAs })} style={{ marginBottom: 12 }} />}
      {status.revoked && <Alert type="error" showIcon title={tx('revokedHint')} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={tx('fCounterId')}>{status.counterId}</Descriptions.Item>
        <Descriptions.Item label={tx('fOffice')}>
          {status.officeUrl}{' '}
          <Button size="small" type="link" onClick={() => setNewUrl(status.officeUrl ?? '')}>
            {tx('changeOffice')}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={tx('fTerminal')}>{status.terminalId}</Descriptions.Item>
        <Descriptions.Item label={tx('fState')}>
          <Tag color={status.online ? 'green' : 'red'} data-testid="sync-state">
            {status.online ? tx('online') : tx('offline')}
          </Tag>
          {status.pullProgress && tx('downloading', status.pullProgress)}
        </Descriptions.Item>
        <Descriptions.Item label={tx('fPending')}>
          <span data-testid="sync-pending">{status.pending}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tx('fLastPush')}>{status.lastPushAt ? localTime(status.lastPushAt, village.timeZone) : tx('never')}</Descriptions.Item>
        <Descriptions.Item label={tx('fLastPull')}>{status.lastPullAt ? localTime(status.lastPullAt, village.timeZone) : tx('never')}</Descriptions.Item>
        <Descriptions.Item label={tx('fConflicts')}>{status.conflicts ?? '—'}</Descriptions.Item>
        {status.lastError && <Descriptions.Item label={tx('fError')}>{status.lastError}</Descriptions.Item>}
        <Descriptions.Item label={tx('fRefused')}>
          <span data-testid="sync-refused">{status.refused?.count ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {status.refused && status.refused.count > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="sync-refused-list"
          title={tx('refusedHint')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {status.refused.items.slice(0, 5).map((r) => (
                <li key={r.uuid}>
                  {localTime(r.at, village.timeZone)} {refusedText(tx, r.type, r.ref ?? '', r.reason)}
                </li>
              ))}
              {status.refused.count > 5 && <li>{tx('refusedMore', { n: status.refused.count - 5 })}</li>}
            </ul>
          }
        />
      )}
      <Modal
        open={newUrl !== null}
        title={tx('changeOfficeTitle')}
        okText={tx('ok')}
        cancelText={tx('cancel')}
        onCancel={() => setNewUrl(null)}
        onOk={async () => {
          try {
            await call('sync.setOffice', { officeUrl: newUrl ?? '' });
            setNewUrl(null);
            await reload();
          } catch (e) {
            onError(errorText(e));
          }
        }}
        destroyOnHidden
      >
        <p>{tx('changeOfficeHint')}</p>
        <Input value={newUrl ?? ''} onChange={(e) => setNewUrl(e.target.value)} placeholder={tx('officeUrlPlaceholder')} />
      </Modal>
    </Card>
  );
}

function conflictSubject(c: Conflict, tx: ReturnType<typeof useSyncText>): string {
  const d = c.detail as Record<string, string | number | undefined>;
  if (c.kind === 'overspent') return tx('household', { card: d.cardNo ?? c.householdId ?? '', name: d.headName ?? '' });
  if (c.kind === 'negative_stock') return tx('item', { name: d.name ?? `#${c.itemId}` });
  return c.counterId ?? '';
}

function conflictDetail(c: Conflict, tx: ReturnType<typeof useSyncText>): string {
  const d = c.detail as Record<string, unknown>;
  if (c.kind === 'overspent') return tx('overspentDetail', { score: String(d.score), redeemed: String(d.redeemed), owed: String(d.owed) });
  if (c.kind === 'negative_stock') return tx('stockDetail', { stock: String(d.stock), unit: String(d.unit ?? '') });
  if (c.kind === 'close_mismatch') {
    const fields = ((d.fields as { field: string; reported: unknown; held: unknown }[] | undefined) ?? [])
      .map((f) => `${f.field} ${String(f.reported)}≠${String(f.held)}`)
      .join('，');
    return tx('closeDetail', { closeNo: String(d.closeNo), fields });
  }
  if (c.kind === 'refused') return refusedText(tx, String(d.type ?? ''), typeof d.ref === 'string' ? d.ref : '', c.reason ?? '');
  return JSON.stringify(d);
}

/** A refusal's reason in words; a reason this build does not know is shown as it is. */
export function refusedText(tx: ReturnType<typeof useSyncText>, type: string, ref: string, reason: string): string {
  const key = reasonKey(reason);
  return tx('refusedDetail', { type, ref, reason: key ? tx(key) : reason });
}

function OfficeSync({ onError }: { onError: (e: string | null) => void }) {
  const tx = useSyncText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { village } = useSignedIn();
  const [code, setCode] = useState<Code | null>(null);
  const [terminals, setTerminals] = useState<Terminal[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [showResolved, setShowResolved] = useState(false);
  const [revoking, setRevoking] = useState<Terminal | null>(null);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const [text, setText] = useState('');
  const [codeForm] = Form.useForm<{ counterId?: string; name?: string }>();

  const load = useCallback(async () => {
    try {
      const [t, c] = await Promise.all([call('sync.terminals', {}), call('sync.conflicts', showResolved ? { limit: 200 } : { open: true, limit: 200 })]);
      setTerminals(t.items);
      setConflicts(c.items);
    } catch (e) {
      onError(errorText(e));
    }
  }, [errorText, onError, showResolved]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 10_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const { busy, run } = usePageAction(onError, load);

  const when = (iso: string | null) => (iso ? localTime(iso, village.timeZone) : '—');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={tx('codeTitle')} size="small">
        <p>{tx('codeHint')}</p>
        <Form
          form={codeForm}
          layout="inline"
          onFinish={(v) =>
            void run(
              () =>
                call('sync.pairingCode', {
                  ...(v.counterId ? { counterId: v.counterId.trim().toUpperCase() } : {}),
                  ...(v.name ? { name: v.name.trim() } : {}),
                }),
              setCode,
            )
          }
        >
          <Form.Item name="counterId">
            <Input placeholder={tx('fCounterIdOptional')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name">
            <Input placeholder={tx('fName')} style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="pairing-code-new">
            {tx('newCode')}
          </Button>
        </Form>
        {code && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text style={{ fontSize: 36, letterSpacing: 6, fontFamily: 'monospace' }} copyable data-testid="pairing-code">
              {code.code}
            </Typography.Text>
            <div>{tx('codeFor', { counterId: code.counterId, name: code.name, time: when(code.expiresAt) })}</div>
          </div>
        )}
      </Card>

      <Card
        title={tx('terminalsTitle')}
        size="small"
        extra={
          <Button size="small" onClick={() => void load()}>
            {tx('refresh')}
          </Button>
        }
      >
        <Table<Terminal>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={terminals}
          data-testid="sync-terminals"
          columns={[
            { title: tx('colCounter'), dataIndex: 'counterId', width: 80 },
            { title: tx('colName'), dataIndex: 'name' },
            { title: tx('colLastSeen'), dataIndex: 'lastSeenAt', width: 150, render: when },
            { title: tx('colAddress'), dataIndex: 'lastAddress', width: 130 },
            { title: tx('colEvents'), dataIndex: 'eventsReceived', width: 90 },
            { title: tx('colBehind'), dataIndex: 'behind', width: 80 },
            {
              title: tx('colStatus'),
              width: 110,
              render: (_, t) => (t.revoked ? <Tag color="red">{tx('revoked')}</Tag> : <Tag color="green">{tx('active')}</Tag>),
            },
            {
              title: tx('colActions'),
              width: 90,
              render: (_, t) =>
                !t.revoked && (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setText('');
                      setRevoking(t);
                    }}
                    data-testid={`revoke-${t.counterId}`}
                  >
                    {tx('revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>

      <Card
        title={tx('conflictsTitle')}
        size="small"
        extra={
          <Space>
            <Switch size="small" checked={showResolved} onChange={setShowResolved} /> {tx('showResolved')}
          </Space>
        }
      >
        <p style={{ color: '#666' }}>{tx('conflictsHint')}</p>
        <Table<Conflict>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={conflicts}
          data-testid="sync-conflicts"
          columns={[
            { title: '#', dataIndex: 'id', width: 50 },
            {
              title: tx('colKind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: string) => <Tag color={k === 'refused' ? 'red' : 'orange'}>{tx(`kind_${k}` as 'kind_overspent')}</Tag>,
            },
            { title: tx('colCounter'), dataIndex: 'counterId', width: 70 },
            { title: tx('colWhat'), render: (_, c) => conflictSubject(c, tx) },
            { title: tx('colDetail'), render: (_, c) => conflictDetail(c, tx) },
            {
              title: tx('colEventsInvolved'),
              dataIndex: 'events',
              width: 120,
              render: (ev: string[]) => (
                <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: ev.join('\n') }}>
                  {ev.length}：{ev[0]?.slice(0, 8)}…
                </Typography.Text>
              ),
            },
            { title: tx('colAt'), dataIndex: 'at', width: 140, render: when },
            {
              title: tx('colActions'),
              width: 160,
              render: (_, c) =>
                c.resolved ? (
                  <span style={{ fontSize: 12 }}>{tx('resolvedBy', { who: c.resolvedBy ?? '', text: c.resolution ?? '' })}</span>
                ) : (
                  <Button
                    size="small"
                    onClick={() => {
                      setText('');
                      setResolving(c);
                    }}
                    data-testid={`resolve-${c.id}`}
                  >
                    {tx('resolve')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>

      <Modal
        open={!!revoking}
        title={tx('revokeTitle', { counterId: revoking?.counterId ?? '' })}
        okText={tx('revoke')}
        okButtonProps={{ danger: true, disabled: !text.trim() }}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setRevoking(null)}
        onOk={() =>
          void run(
            () => call('sync.revoke', { terminalId: revoking!.id, reason: text.trim() }),
            (r) => {
              message.success(tx('revokedDone', { counterId: r.counterId }));
              setRevoking(null);
            },
          )
        }
        destroyOnHidden
      >
        <p>{tx('revokeHint')}</p>
        <Input placeholder={tx('reason')} value={text} onChange={(e) => setText(e.target.value)} data-testid="revoke-reason" />
      </Modal>
      <Modal
        open={!!resolving}
        title={tx('resolveTitle', { id: resolving?.id ?? '' })}
        okText={tx('ok')}
        okButtonProps={{ disabled: !text.trim() }}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setResolving(null)}
        onOk={() =>
          void run(
            () => call('sync.resolveConflict', { id: resolving!.id, resolution: text.trim() }),
            () => setResolving(null),
          )
        }
        destroyOnHidden
      >
        <Input.TextArea placeholder={tx('resolution')} value={text} onChange={(e) => setText(e.target.value)} rows={3} data-testid="resolve-text" />
      </Modal>
    </Space>
  );
}
