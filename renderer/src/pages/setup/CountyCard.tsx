import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, type Result } from '../../api/client';
import { isApiError } from '../../api/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { villageTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../i18n/error-text';
import { useSetupText } from './text';

type Status = Result<'county.pairingStatus'>;

/** 县级上报 (system settings, office and one-PC village): pair with the county by its one-time code; the agent's state. */
export function CountyCard() {
  const tx = useSetupText();
  const { lang, errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [s, setS] = useState<Status | null>(null);
  const [form, setForm] = useState({ countyUrl: '', code: '', villageCode: '' });
  const [pairing, setPairing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pair' | 'sync' | null>(null);

  useEffect(() => {
    call('county.pairingStatus', {}).then(
      (next) => {
        setS(next);
        setForm((f) => ({ ...f, countyUrl: next.countyUrl ?? '', villageCode: next.villageCode ?? next.localVillageCode ?? '' }));
      },
      (e: unknown) => setError(errorText(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function pair() {
    setBusy('pair');
    try {
      const r = await call('county.pair', { countyUrl: form.countyUrl.trim(), code: form.code.trim(), villageCode: form.villageCode.trim() });
      message.success(tx('countyPairedOk', { name: r.villageName }));
      setPairing(false);
      setForm({ ...form, code: '' });
      setError(null);
      setS(await call('county.pairingStatus', {}));
    } catch (e) {
      setError(
        isApiError(e) && (e.code === 'OFFICE_UNREACHABLE' || e.code === 'NETWORK')
          ? tx('countyUnreachable')
          : isApiError(e) && e.code === 'UNAUTHENTICATED'
            ? tx('countyCodeWrong')
            : errorText(e),
      );
    } finally {
      setBusy(null);
    }
  }

  async function syncNow() {
    setBusy('sync');
    try {
      setS(await call('county.sync', {}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  // The agent's last failure in words, from its code and reason (never the text it kept).
  // `revoked` is worded for a counter and its office; here it is the county that stopped the link.
  const lastError = !s?.lastErrorCode
    ? null
    : s.lastErrorReason === 'revoked'
      ? tx('countyRevoked')
      : s.lastErrorReason === 'county_unreachable'
        ? tx('countyUnreachable')
        : describeError({ code: s.lastErrorCode, reason: s.lastErrorReason ?? undefined }, lang).text;
  const showForm = s !== null && (!s.paired || pairing);
  return (
    <Card title={tx('countyCard')} data-testid="settings-county">
      <Typography.Paragraph type="secondary">{tx('countyHint')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <ErrorBanner text={error} onClose={() => setError(null)} />
      </div>
      {s?.paired && (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={tx('countyState')}>
              <Space wrap>
                <Typography.Text data-testid="county-paired">{tx('countyPaired', { name: s.villageName ?? '', code: s.villageCode ?? '' })}</Typography.Text>
                <Tag color={s.online ? 'green' : 'default'} data-testid="county-online">
                  {s.online ? tx('countyOnline') : tx('countyOffline')}
                </Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={tx('countyUrl')}>{s.countyUrl}</Descriptions.Item>
            <Descriptions.Item label={tx('countyLastPush')}>
              <span data-testid="county-last-push">{s.lastPushAt ? `${s.lastPushAt.slice(0, 10)} ${villageTime(s.lastPushAt)}` : tx('countyNever')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={tx('countyPending')}>
              <span data-testid="county-pending">{tx('countyPendingN', { n: s.pending })}</span>
            </Descriptions.Item>
            {lastError && (
              <Descriptions.Item label={tx('countyLastError')}>
                <Typography.Text type="danger" data-testid="county-last-error">
                  {lastError}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {s.revoked && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={tx('countyRevoked')} />}
          <Space wrap>
            <Button type="primary" data-testid="county-sync-now" loading={busy === 'sync'} onClick={() => void syncNow()}>
              {tx('countySyncNow')}
            </Button>
            {!pairing && (
              <Button data-testid="county-repair" onClick={() => setPairing(true)}>
                {tx('countyRePair')}
              </Button>
            )}
          </Space>
        </>
      )}
      {showForm && (
        <Form layout="vertical" onFinish={() => void pair()} style={{ maxWidth: 480, marginTop: s.paired ? 16 : 0 }}>
          <Form.Item label={tx('countyUrl')}>
            <Input
              data-testid="county-url"
              value={form.countyUrl}
              placeholder={tx('countyUrlPh')}
              onChange={(e) => setForm({ ...form, countyUrl: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={tx('countyVillageCode')}>
            <Input
              data-testid="county-village-code"
              value={form.villageCode}
              maxLength={12}
              inputMode="numeric"
              onChange={(e) => setForm({ ...form, villageCode: e.target.value.replace(/\D/g, '') })}
            />
          </Form.Item>
          <Form.Item label={tx('countyCode')}>
            <Input data-testid="county-code" value={form.code} maxLength={9} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            data-testid="county-pair"
            loading={busy === 'pair'}
            disabled={!form.countyUrl.trim() || !form.code.trim() || form.villageCode.length !== 12}
          >
            {tx('countyPair')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
