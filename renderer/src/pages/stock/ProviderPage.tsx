import { ArrowLeftOutlined, CheckCircleFilled, LogoutOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { useCareByDefault } from '../../care/CareProvider';
import { CareToggle } from '../../care/CareToggle';
import { newRequestId } from '../../api/request-id';
import { ErrorBanner } from '../../components/ErrorBanner';
import { villageTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { visibleEntries } from '../../nav';
import { useSession, useSignedIn } from '../../session';
import { useStockText } from './text';

type Service = Result<'catalog.list'>['items'][number];
type Hit = Result<'households.search'>['items'][number];
type Household = Result<'households.get'>;
type Logged = Result<'services.log'>;
type Mine = Result<'services.mine'>;

/**
 * The provider's phone page (served on the LAN): find the household by card, pick the service,
 * confirm; the points come off the household exactly as at the counter. One column for a ~390px screen.
 */
export function ProviderPage() {
  const { s } = useStockText();
  useCareByDefault();
  const { errorText } = useI18n();
  const { logout } = useSession();
  const { user, village } = useSignedIn();
  const isProvider = user.roles.includes('provider');
  const hasOtherPages = visibleEntries(user.roles).some((e) => e.key !== 'provider');
  const [services, setServices] = useState<Service[]>([]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [household, setHousehold] = useState<Household | null>(null);
  const [picked, setPicked] = useState<Service | null>(null);
  const [points, setPoints] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [done, setDone] = useState<{ logged: Logged; service: Service } | null>(null);
  const [mine, setMine] = useState<Mine | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cardRef = useRef<InputRef>(null);

  const loadMine = useCallback(async () => {
    if (!isProvider) return;
    try {
      setMine(await call('services.mine', {}));
    } catch {
      /* the log is a convenience; logging a service does not depend on it */
    }
  }, [isProvider]);

  useEffect(() => {
    call('catalog.list', { kind: 'service' }).then(
      (r) => setServices(r.items.filter((i) => i.active && (!isProvider || i.providerIds.includes(user.id)))),
      (e: unknown) => setError(errorText(e)),
    );
    void loadMine();
  }, [errorText, isProvider, user.id, loadMine]);

  function reset() {
    setQuery('');
    setHits([]);
    setHousehold(null);
    setPicked(null);
    setPoints('');
    setDone(null);
    setError(null);
    setRequestId(newRequestId());
    setTimeout(() => cardRef.current?.focus(), 0);
  }

  async function choose(id: number) {
    setBusy(true);
    try {
      setHousehold(await call('households.get', { id }));
      setHits([]);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function find() {
    const q = query.trim();
    if (!q) return;
    setBusy(true);
    try {
      const { items } = await call('households.search', { q, limit: 10 });
      setBusy(false);
      if (items.length === 0) return setError(s('householdNotFound', { q }));
      setError(null);
      if (items.length === 1) return void choose(items[0].id);
      setHits(items);
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
    }
  }

  async function confirm() {
    if (!household || !picked) return;
    const p = picked.openPrice ? Number(points) : undefined;
    setBusy(true);
    try {
      const logged = await call('services.log', { itemId: picked.id, householdId: household.household.id, requestId, points: p });
      setDone({ logged, service: picked });
      setError(null);
      void loadMine();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const acct = household?.account;
  const price = (sv: Service) => (sv.openPrice ? `${sv.minPoints ?? 1}–${sv.maxPoints ?? '∞'} ${s('pointsUnit')}` : `${sv.points} ${s('pointsUnit')}`);
  const chargeable = picked && (!picked.openPrice || /^\d+$/.test(points.trim()));
  const charge = picked ? (picked.openPrice ? Number(points) || 0 : picked.points!) : 0;

  return (
    <div className="phone" data-testid="provider-page">
      <div className="phone-head">
        {hasOtherPages && (
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={s('backToMenu')}
            onClick={() => {
              window.location.hash = '#/';
            }}
          />
        )}
        <div className="title">{s('providerTitle')}</div>
        <div className="who" data-testid="provider-user">
          {user.name}
        </div>
        <CareToggle compact />
        <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
          {s('logout')}
        </Button>
      </div>
      <div className="phone-body">
        <ErrorBanner text={error} onClose={() => setError(null)} />
        {done ? (
          <div className="phone-card phone-result" data-testid="provider-result">
            <CheckCircleFilled style={{ fontSize: 48, color: '#2f8a4c' }} />
            <div className="ok">{s('logged')}</div>
            <div style={{ fontSize: 18, margin: '6px 0' }}>
              {household?.household.headName} · {done.service.name} · {done.logged.totalPoints} {s('pointsUnit')}
            </div>
            <div className="meta" data-testid="provider-receipt">
              {s('receiptNo', { no: done.logged.receiptNo })}
            </div>
            <div style={{ fontSize: 18, marginTop: 6 }} data-testid="provider-available-after">
              {s('availableAfter', { n: done.logged.account.available })}
            </div>
            <Button type="primary" block className="big-btn" style={{ marginTop: 14 }} onClick={reset} data-testid="provider-next">
              {s('next')}
            </Button>
          </div>
        ) : !household ? (
          <div className="phone-card">
            <Input
              ref={cardRef}
              autoFocus
              className="big-input"
              placeholder={s('cardPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onPressEnter={(e) => {
                if (!e.nativeEvent.isComposing) void find();
              }}
              data-testid="provider-card"
            />
            <Button
              type="primary"
              block
              className="big-btn"
              icon={<SearchOutlined />}
              loading={busy}
              style={{ marginTop: 10 }}
              onClick={() => void find()}
              data-testid="provider-find"
            >
              {s('find')}
            </Button>
            {hits.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <div className="meta">{s('pickHousehold', { n: hits.length })}</div>
                {hits.map((h) => (
                  <Button key={h.id} block style={{ marginTop: 8, height: 48, textAlign: 'left' }} onClick={() => void choose(h.id)} data-testid="provider-hit">
                    <b>{h.headName}</b>　{h.cardNo}　{h.group}
                  </Button>
                ))}
              </div>
            )}
          </div>
        ) : (
          <>
            <div className="phone-card">
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
                <div className="hh" data-testid="provider-household">
                  {household.household.headName}
                </div>
                <Button size="small" onClick={reset}>
                  {s('changeHousehold')}
                </Button>
              </div>
              <div className="meta">
                {household.household.cardNo}
                {household.household.group ? ` · ${household.household.group}` : ''}
              </div>
              <div className="meta" style={{ marginTop: 6 }}>
                {s('availableLabel')}
              </div>
              <div className={`avail${acct && acct.available < 0 ? ' neg' : ''}`} data-testid="provider-available">
                {acct?.available}
              </div>
              {acct && acct.available < 0 && <div style={{ color: '#c0392b' }}>{s('owedBlocked', { n: -acct.available })}</div>}
            </div>
            <div className="phone-card">
              <div style={{ fontWeight: 700, marginBottom: 8 }}>{s('pickService')}</div>
              {services.length === 0 ? (
                <div className="meta">{s('noServices')}</div>
              ) : (
                <div className="phone-services">
                  {services.map((sv) => (
                    <Button
                      key={sv.id}
                      className={picked?.id === sv.id ? 'picked' : ''}
                      onClick={() => {
                        setPicked(sv);
                        setPoints('');
                        setRequestId(newRequestId());
                      }}
                      data-testid="provider-service"
                      data-item-id={sv.id}
                    >
                      <span>{sv.name}</span>
                      <span className="p">{price(sv)}</span>
                    </Button>
                  ))}
                </div>
              )}
              {picked?.openPrice && (
                <div style={{ marginTop: 12 }}>
                  <div className="meta">{s('pointsFor', { min: picked.minPoints ?? 1, max: picked.maxPoints ?? '∞' })}</div>
                  <Input className="big-input" inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} data-testid="provider-points" />
                </div>
              )}
              {picked && (
                <Button
                  type="primary"
                  block
                  className="big-btn"
                  style={{ marginTop: 14 }}
                  disabled={!chargeable}
                  loading={busy}
                  onClick={() => void confirm()}
                  data-testid="provider-confirm"
                >
                  {s('confirmLog', { name: picked.name, n: charge })}
                </Button>
              )}
            </div>
          </>
        )}
        {mine && (
          <div className="phone-card">
            <div style={{ fontWeight: 700 }}>{s('myLog')}</div>
            <div className="meta" data-testid="provider-month-total">
              {s('monthTotal', { count: mine.count, points: mine.points })}
            </div>
            <div className="phone-log">
              {mine.items.slice(0, 20).map((i) => (
                <div key={i.redemptionId} className="row" data-testid="provider-log-row" style={{ textDecoration: i.voided ? 'line-through' : undefined }}>
                  <span>
                    {i.date.slice(5)} {villageTime(i.at, village.timeZone).slice(0, 5)}
                  </span>
                  <span>{i.headName}</span>
                  <span>{i.service}</span>
                  <span>
                    {i.points} {s('pointsUnit')}
                    {i.voided ? ` · ${s('voided')}` : ''}
                  </span>
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
