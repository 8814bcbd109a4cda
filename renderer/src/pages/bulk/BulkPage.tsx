import { BarcodeOutlined, PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, InputNumber, Modal, Radio, Select, Tag, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { isApiError, isSupervisorFailure } from '../../api/errors';
import { newRequestId } from '../../api/request-id';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ReceiptPaper } from '../../components/ReceiptPaper';
import { SupervisorDialog, type SupervisorInput } from '../../components/SupervisorDialog';
import { useI18n } from '../../i18n/I18nProvider';
import { normalizeLines } from '../../receipt/receipt-lines';
import { useSignedIn } from '../../session';
import { isTextEntry } from '../counter/focus';
import { useBoardText } from '../boards/text';
import { looksLikeCard, onEnter } from './lane';
import { recentLimit, recentServed, type PrintState, type Served } from './recent';
import './bulk.css';
import '../boards/boards.css';

type Proposal = Result<'bulk.propose'>;
type Tally = Result<'bulk.tally'>;
type Line = Proposal['lines'][number];
type Source = 'bundle' | 'lastCart';
interface Current {
  p: Proposal;
  source: Source | null;
  lines: Line[];
  total: number;
  problems: string[];
  requestId: string;
  startedAt: number;
}
/** What the printer did with each receipt, kept across visits to the page (the server lists redemptions, not prints). */
const printsSeen = new Map<number, { print: PrintState; error?: string }>();

function pick(p: Proposal, source: Source | null, available: number): Pick<Current, 'lines' | 'total' | 'problems'> {
  const cart = source === 'bundle' ? p.bundle : source === 'lastCart' ? p.lastCart : null;
  if (!cart) return { lines: [], total: 0, problems: [] };
  const problems = [...cart.problems];
  if (cart.totalPoints > available)
    problems.push(available < 0 ? `欠 ${-available} 分，不能兑换` : `积分不足：可用 ${available} 分，需要 ${cart.totalPoints} 分`);
  return { lines: cart.lines, total: cart.totalPoints, problems };
}

/**
 * 集中兑换: the fast lane of a bulk redemption day. Card + Enter brings up the bundle (or the
 * household's last cart); Enter redeems and prints; the lane is at once ready for the next card.
 * The receipt prints in the background, so a slow printer never holds the queue.
 */
export function BulkPage() {
  const { b } = useBoardText();
  const { errorText } = useI18n();
  const { today } = useSignedIn();
  const { message } = AntApp.useApp();
  const scanRef = useRef<InputRef>(null);
  const [scan, setScan] = useState('');
  const currentRef = useRef<Current | null>(null);
  const [current, setCurrentState] = useState<Current | null>(null);
  const armedRef = useRef(false);
  const [armed, setArmedState] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [tally, setTally] = useState<Tally | null>(null);
  const [calendar, setCalendar] = useState<{ todayIsBulkDay: boolean; todayIsRedemptionDay: boolean } | null>(null);
  const [served, setServed] = useState<Served[]>([]);
  const [override, setOverride] = useState<{ open: boolean; error: string | null; busy: boolean }>({ open: false, error: null, busy: false });
  const [bundleOpen, setBundleOpen] = useState(false);
  const [summary, setSummary] = useState<Result<'bulk.daySummary'> | null>(null);
  const timings = useRef<number[]>([]);
  const [avgMs, setAvgMs] = useState<number | null>(null);
  const modalOpen = override.open || bundleOpen || summary !== null;
  const modalRef = useRef(false);
  modalRef.current = modalOpen;

  const setCurrent = (c: Current | null) => {
    currentRef.current = c;
    setCurrentState(c);
  };
  const setArmed = (v: boolean) => {
    armedRef.current = v;
    setArmedState(v);
  };
  const focusScan = useCallback(() => {
    if (!modalRef.current) scanRef.current?.focus();
  }, []);

  const refreshTally = useCallback(() => {
    call('bulk.tally', {}).then(setTally, () => undefined);
  }, []);
  useEffect(() => {
    call('bulk.tally', {})
      .then((t) => call('redemptions.list', { date: t.date, limit: 50 }))
      .then(({ items }) => setServed((local) => recentServed(items, printsSeen, local)))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    refreshTally();
    call('calendar.get', {}).then(
      (c) => setCalendar(c),
      () => undefined,
    );
    const t = window.setInterval(refreshTally, 10_000);
    return () => window.clearInterval(t);
  }, [refreshTally]);

  // One lookup or redemption at a time, in the order the keys came: a fast scanner never races itself.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = (fn: () => Promise<void>) => {
    queue.current = queue.current.then(fn).catch((e: unknown) => setError(errorText(e)));
  };

  async function propose(q: string, startedAt: number) {
    let p: Proposal;
    try {
      p = looksLikeCard(q) ? await call('bulk.propose', { cardNo: q }) : await byName(q);
    } catch (e) {
      if (!(isApiError(e) && e.code === 'NOT_FOUND') || !looksLikeCard(q)) throw e;
      p = await byName(q);
    }
    const source = p.proposed;
    setCurrent({ p, source, ...pick(p, source, p.account.available), requestId: newRequestId(), startedAt });
    setArmed(false);
    setError(null);
  }

  async function byName(q: string): Promise<Proposal> {
    const { items } = await call('households.search', { q, limit: 5 });
    if (items.length !== 1) throw new Error(items.length === 0 ? `没有找到「${q}」` : `「${q}」找到 ${items.length} 户，请刷卡`);
    return call('bulk.propose', { householdId: items[0].id });
  }

  function toggleSource() {
    const c = currentRef.current;
    if (!c) return;
    const next: Source | null = c.source === 'bundle' ? (c.p.lastCart ? 'lastCart' : 'bundle') : c.p.bundle ? 'bundle' : c.source;
    setCurrent({ ...c, source: next, ...pick(c.p, next, c.p.account.available) });
  }

  async function printReceipt(id: number) {
    try {
      await call('receipts.print', { redemptionId: id });
      printsSeen.set(id, { print: 'printed' });
    } catch (e) {
      printsSeen.set(id, { print: 'failed', error: errorText(e) });
    }
    setServed((s) => s.map((x) => (x.id === id ? { ...x, ...printsSeen.get(id) } : x)));
  }

  async function redeem(overrideInput?: SupervisorInput) {
    const c = currentRef.current;
    if (!c || busyRef.current) return;
    busyRef.current = true;
    try {
      const r = await call('redemptions.create', {
        householdId: c.p.household.id,
        lines: c.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, ...(l.points !== undefined ? { points: l.points } : {}) })),
        requestId: c.requestId,
        ...(overrideInput ? { override: overrideInput } : {}),
      });
      setCurrent(null);
      setArmed(false);
      setError(null);
      setOverride({ open: false, error: null, busy: false });
      timings.current.push(performance.now() - c.startedAt);
      setAvgMs(Math.round(timings.current.reduce((a, x) => a + x, 0) / timings.current.length));
      setServed((s) =>
        [{ id: r.id, receiptNo: r.receiptNo, name: c.p.household.headName, points: r.totalPoints, print: 'printing' as const }, ...s].slice(0, recentLimit),
      );
      void printReceipt(r.id);
      refreshTally();
    } catch (e) {
      const code = isApiError(e) ? e.code : 'INTERNAL';
      if (code === 'NOT_REDEMPTION_DAY' && !overrideInput) setOverride({ open: true, error: null, busy: false });
      else if (overrideInput && (isSupervisorFailure(e) || code === 'INVALID_INPUT')) setOverride({ open: true, error: errorText(e), busy: false });
      else {
        setOverride({ open: false, error: null, busy: false });
        setError(errorText(e));
      }
    } finally {
      busyRef.current = false;
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      setScan('');
      setCurrent(null);
      setArmed(false);
      setError(null);
      return;
    }
    if (e.key === 'F4') {
      e.preventDefault();
      toggleSource();
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const startedAt = performance.now();
    const value = e.currentTarget.value;
    setScan('');
    // Decided in the queue, after any lookup still running: Enter right behind the scanner's Enter
    // redeems the household just scanned, not nothing.
    enqueue(async () => {
      const c = currentRef.current;
      const action = onEnter(value, {
        proposal: c ? { lines: c.lines, problems: c.problems, servedToday: c.p.servedToday } : null,
        repeatArmed: armedRef.current,
        busy: busyRef.current,
      });
      switch (action.kind) {
        case 'propose':
          return propose(action.q, startedAt);
        case 'redeem':
          return redeem();
        case 'arm-repeat':
          return setArmed(true);
        case 'refuse':
          if (action.why === 'no-lines') setError(b('noProposal'));
      }
    });
  }

  useEffect(() => {
    const onFocusOut = () =>
      window.setTimeout(() => {
        if (!modalRef.current && !isTextEntry(document.activeElement as HTMLInputElement | null)) focusScan();
      }, 0);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', focusScan);
    focusScan();
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', focusScan);
    };
  }, [focusScan]);
  useEffect(() => {
    if (!modalOpen) window.setTimeout(focusScan, 0);
  }, [modalOpen, focusScan]);

  async function openSummary() {
    try {
      setSummary(await call('bulk.daySummary', {}));
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function printSummary() {
    try {
      await call('bulk.printDaySummary', {});
      message.success(b('daySummaryPrinted'));
    } catch (e) {
      setError(errorText(e));
    }
  }

  const c = current;
  const after = c ? c.p.account.available - c.total : 0;
  const blocked = c && (c.problems.length > 0 || c.lines.length === 0);
  const failed = served.find((s) => s.print === 'failed');

  return (
    <div className="bulk" data-testid="bulk-page" data-avg-ms={avgMs ?? ''}>
      <div className="bulk-day">
        {calendar &&
          (calendar.todayIsBulkDay ? (
            <Tag color="red" style={{ fontSize: 16, padding: '4px 10px' }} data-testid="bulk-day-badge">
              {b('bulkDayBadge')} · {today}
            </Tag>
          ) : (
            <Tag style={{ fontSize: 15, padding: '4px 10px' }}>{calendar.todayIsRedemptionDay ? b('notBulkDay') : b('notRedemptionDay')}</Tag>
          ))}
        <span className="muted">{b('keystrokes')}</span>
        <span style={{ flex: 1 }} />
        <Button icon={<SettingOutlined />} data-testid="bulk-bundle-edit" onClick={() => setBundleOpen(true)}>
          {b('editBundle')}
        </Button>
        <Button icon={<PrinterOutlined />} data-testid="bulk-day-summary" onClick={() => void openSummary()}>
          {b('daySummary')}
        </Button>
      </div>
      <Input
        ref={scanRef}
        className="scan-input"
        data-testid="bulk-scan"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        prefix={<BarcodeOutlined style={{ fontSize: 24, color: '#c2410c', marginRight: 6 }} />}
        placeholder={b('bulkScan')}
        value={scan}
        onChange={(e) => setScan(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ErrorBanner
        text={error ?? (failed ? b('printFailed', { msg: failed.error ?? '' }) : null)}
        onClose={error ? () => setError(null) : undefined}
        action={
          !error && failed ? (
            <Button
              danger
              type="primary"
              onClick={() => {
                void printReceipt(failed.id);
                focusScan();
              }}
            >
              {b('retryPrint')}
            </Button>
          ) : undefined
        }
      />
      <div className="bulk-grid">
        {!c ? (
          <div className="panel bulk-proposal waiting" data-testid="bulk-waiting">
            <div>
              <div className="big">
                <BarcodeOutlined />
              </div>
              {b('waitingCard')}
            </div>
          </div>
        ) : (
          <div className="panel bulk-proposal" data-testid="bulk-proposal">
            <div className="panel-body" style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
              <div className="bulk-who">
                <span className="name" data-testid="bulk-household">
                  {c.p.household.headName}
                </span>
                <span className="meta">
                  {c.p.household.cardNo} · {c.p.household.group}
                </span>
                <div className="bulk-avail">
                  <div className="muted">{b('available')}</div>
                  <div className={`v${c.p.account.available < 0 ? ' neg' : ''}`} data-testid="bulk-available">
                    {c.p.account.available}
                  </div>
                </div>
              </div>
              <div style={{ marginTop: 8 }}>
                {c.source && (
                  <Tag color={c.source === 'bundle' ? 'orange' : 'blue'} data-testid="bulk-source">
                    {b(c.source === 'bundle' ? 'bundle' : 'lastCart')}
                  </Tag>
                )}
                {c.p.bundle && c.p.lastCart && <span className="muted">{b('f4Toggle')}</span>}
              </div>
              <table className="bulk-lines">
                <tbody>
                  {c.lines.map((l) => (
                    <tr key={l.itemId}>
                      <td>{l.name}</td>
                      <td className="n">
                        {l.qty}
                        {l.unit}
                      </td>
                      <td className="n">× {l.unitPoints}</td>
                      <td className="n" style={{ fontWeight: 700 }}>
                        {l.linePoints}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div style={{ flex: 1 }} />
              <div className="bulk-total">
                <span>{b('total')}</span>
                <span>
                  <span className="after">
                    {b('afterRedeem')} {after} {b('points')}
                  </span>
                  <span data-testid="bulk-total">{c.total}</span> {b('points')}
                </span>
              </div>
              {c.p.servedToday.length > 0 && <ErrorBanner type="warning" text={b('servedTodayWarn', { no: c.p.servedToday.join('、') })} />}
              {blocked ? (
                <div className="bulk-go blocked" data-testid="bulk-blocked">
                  {b('problems')}：{c.lines.length === 0 ? b('noProposal') : c.problems.join('；')}
                </div>
              ) : (
                <div className={`bulk-go${armed ? ' armed' : ''}`} data-testid="bulk-go">
                  {b('enterToRedeem')}
                </div>
              )}
              <div className="keys-hint" style={{ marginTop: 6 }}>
                {b('enterToRedeem')} · {b('escNext')}
              </div>
            </div>
          </div>
        )}
        <div className="bulk-side">
          <div className="panel" data-testid="bulk-tally">
            <div className="panel-head">{tally?.date ?? today}</div>
            <div className="panel-body">
              <div className="tally-big">
                <div className="box">
                  <div className="label">{b('served')}</div>
                  <div className="value" data-testid="tally-households">
                    {tally?.households ?? 0}
                  </div>
                </div>
                <div className="box">
                  <div className="label">{b('redeemedPoints')}</div>
                  <div className="value" data-testid="tally-points">
                    {tally?.points ?? 0}
                  </div>
                </div>
              </div>
              {tally && tally.voids > 0 && (
                <div className="muted" style={{ marginTop: 6 }}>
                  {b('voids')} {tally.voids}
                </div>
              )}
              {tally && tally.bundle.length > 0 && (
                <>
                  <div style={{ fontWeight: 600, margin: '10px 0 4px' }}>{b('stockLeft')}</div>
                  <table className="tally-stock">
                    <tbody>
                      {tally.bundle.map((i) => (
                        <tr key={i.itemId} className={i.householdsLeft !== null && i.householdsLeft < 10 ? 'low' : ''} data-testid="tally-stock-row">
                          <td>
                            {i.name}
                            <div className="muted" style={{ fontSize: 12 }}>
                              {b('perHh', { n: i.perHousehold, unit: i.unit })}
                              {i.householdsLeft !== null ? ` · ${b('hhLeft', { n: i.householdsLeft })}` : ''}
                            </div>
                          </td>
                          <td className="n" data-testid="tally-stock">
                            {i.stock ?? '—'}
                            {i.stock !== null ? i.unit : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
          </div>
          <div className="panel">
            <div className="panel-head">{b('recent')}</div>
            <div className="panel-body" data-testid="bulk-recent">
              {served.map((s) => (
                <div className="recent-row" key={s.id} data-testid="bulk-recent-row">
                  <span>
                    {s.name} <span className="no">{s.receiptNo}</span>
                  </span>
                  <span>
                    {s.points} {b('points')}{' '}
                    {s.print === 'printed' ? (
                      <Tag color="green">✓</Tag>
                    ) : s.print === 'failed' ? (
                      <Tag color="red">✗</Tag>
                    ) : s.print === 'printing' ? (
                      <Tag>…</Tag>
                    ) : null}
                  </span>
                </div>
              ))}
            </div>
          </div>
        </div>
      </div>

      <SupervisorDialog
        open={override.open}
        title={b('overrideTitle')}
        help={b('overrideHelp')}
        reasonLabel={b('overrideReason')}
        okText={b('overrideOk')}
        error={override.error}
        busy={override.busy}
        testIds={{ username: 'override-username', pin: 'override-pin', reason: 'override-reason', ok: 'override-ok' }}
        onSubmit={(v) => {
          setOverride((o) => ({ ...o, busy: true }));
          enqueue(() => redeem(v));
        }}
        onCancel={() => setOverride({ open: false, error: null, busy: false })}
      />
      <BundleEditor
        open={bundleOpen}
        onClose={(saved) => {
          setBundleOpen(false);
          if (saved) {
            message.success(b('bundleSaved'));
            refreshTally();
          }
        }}
      />
      <Modal
        open={summary !== null}
        title={b('daySummary')}
        onCancel={() => setSummary(null)}
        footer={[
          <Button key="c" onClick={() => setSummary(null)}>
            {b('close')}
          </Button>,
          <Button key="p" type="primary" icon={<PrinterOutlined />} data-testid="print-day-summary" onClick={() => void printSummary()}>
            {b('printDaySummary')}
          </Button>,
        ]}
      >
        {summary && (
          <div style={{ display: 'grid', placeItems: 'center' }}>
            <ReceiptPaper lines={normalizeLines(summary.lines)} width={summary.width} testId="day-summary-preview" />
          </div>
        )}
      </Modal>
    </div>
  );
}

/** The preset bundle of the day: goods and fixed-price services with quantities, and what comes first. */
function BundleEditor({ open, onClose }: { open: boolean; onClose(saved: boolean): void }) {
  const { b } = useBoardText();
  const { errorText } = useI18n();
  const [items, setItems] = useState<Result<'catalog.list'>['items']>([]);
  const [lines, setLines] = useState<{ itemId: number; qty: number }[]>([]);
  const [prefer, setPrefer] = useState<Source>('bundle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    Promise.all([call('catalog.list', {}), call('bulk.bundle.get', {})]).then(
      ([c, bundle]) => {
        setItems(c.items.filter((i) => !i.openPrice));
        setLines(bundle.lines.map((l) => ({ itemId: l.itemId, qty: l.qty })));
        setPrefer(bundle.prefer);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [open, errorText]);
  async function save() {
    try {
      await call('bulk.bundle.set', { lines, prefer });
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <Modal
      open={open}
      title={b('bundleTitle')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okButtonProps={{ 'data-testid': 'bundle-save' } as never}
      width={620}
    >
      <ErrorBanner text={error} />
      {lines.map((l, i) => (
        <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
          <Select
            style={{ flex: 1 }}
            value={l.itemId}
            showSearch
            optionFilterProp="label"
            data-testid="bundle-item"
            options={items.map((it) => ({ value: it.id, label: `${it.name}（${it.points} 分${it.stock !== null ? ` · 库存 ${it.stock}` : ''}）` }))}
            onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, itemId: v } : x)))}
          />
          <InputNumber
            min={1}
            max={100}
            value={l.qty}
            onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, qty: v ?? 1 } : x)))}
            data-testid="bundle-qty"
          />
          <Button onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>✕</Button>
        </div>
      ))}
      <Select
        style={{ width: '100%', marginBottom: 12 }}
        placeholder={b('addItem')}
        value={null}
        showSearch
        optionFilterProp="label"
        data-testid="bundle-add"
        options={items.filter((it) => !lines.some((l) => l.itemId === it.id)).map((it) => ({ value: it.id, label: `${it.name}（${it.points} 分）` }))}
        onChange={(v: number) => setLines((ls) => [...ls, { itemId: v, qty: 1 }])}
      />
      <div>
        {b('prefer')}：
        <Radio.Group value={prefer} onChange={(e) => setPrefer(e.target.value)}>
          <Radio value="bundle">{b('preferBundle')}</Radio>
          <Radio value="lastCart">{b('preferLastCart')}</Radio>
        </Radio.Group>
      </div>
    </Modal>
  );
}
