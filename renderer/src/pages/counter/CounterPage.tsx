import { BarcodeOutlined, ThunderboltOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { isApiError, isSupervisorFailure } from '../../api/errors';
import { newRequestId } from '../../api/request-id';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SupervisorDialog, type SupervisorInput } from '../../components/SupervisorDialog';
import { villageTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { printFailureReason, printFailureText } from '../../receipt/print-failure';
import { fallbackReceipt, normalizeLines, type PaperLine } from '../../receipt/receipt-lines';
import { PrintReceipt } from '../../components/PrintReceipt';
import { useSignedIn } from '../../session';
import { hashFor } from '../../nav';
import { CustomerDisplayButton } from '../../display/CustomerDisplayButton';
import { useCustomerDisplay } from '../../display/useCustomerDisplay';
import {
  addItem,
  cartSignature,
  changeQty,
  keepSelection,
  lineKey,
  moveSelection,
  removeLine,
  requestFor,
  toRequestLines,
  type CartLine,
  type PendingRequest,
} from './cart';
import { CartPanel } from './CartPanel';
import { isTextEntry } from './focus';
import { HouseholdPanel, type TodayStats } from './HouseholdPanel';
import { ItemPicker } from './ItemPicker';
import { LastReceiptSummary, ReceiptPanel, type LastReceiptState } from './LastReceipt';
import { OpenPriceDialog } from './OpenPriceDialog';
import { PickList } from './PickList';
import { ProviderDialog, type Provider } from './ProviderDialog';
import { guardAdd, type ScanRefusal } from './scan-guard';
import { decideHouseholdHits, filterItems, looksLikeBarcode, moveIndex, pickIndexFromKey, routeScan } from './scan-routing';
import type { HouseholdSearchHit, HouseholdView, Item } from './types';

type Pick = { items: HouseholdSearchHit[]; index: number };
type OverrideState = { open: boolean; error: string | null; busy: boolean };

/**
 * The counter. One scan field holds the focus all the time; everything a shopkeeper does on a busy
 * redemption day is a scan, Enter, a digit, +/−, F9 or Esc. Scans are handled strictly in order.
 */
export function CounterPage() {
  const { t, errorText, lang } = useI18n();
  const { village, today } = useSignedIn();

  const scanRef = useRef<InputRef>(null);
  const searchRef = useRef<InputRef>(null);
  const [scan, setScan] = useState('');

  // Refs are the truth for queued handlers; state mirrors them for rendering.
  const householdRef = useRef<HouseholdView | null>(null);
  const [household, setHouseholdState] = useState<HouseholdView | null>(null);
  const cartRef = useRef<CartLine[]>([]);
  const [cart, setCartState] = useState<CartLine[]>([]);
  const selectedRef = useRef<string | null>(null);
  const [selected, setSelectedState] = useState<string | null>(null);
  const pickRef = useRef<Pick | null>(null);
  const [pick, setPickState] = useState<Pick | null>(null);
  const itemsRef = useRef<Item[]>([]);
  const [items, setItemsState] = useState<Item[]>([]);

  const [error, setError] = useState<string | null>(null);
  const [printFailure, setPrintFailure] = useState<{ redemptionId: number; text: string } | null>(null);
  // Browser printing: the receipt the server handed over for the print dialog.
  const [browserPrint, setBrowserPrint] = useState<{ id: number; lines: PaperLine[]; width: number } | null>(null);
  const [query, setQuery] = useState('');
  const [openPriceItem, setOpenPriceItem] = useState<Item | null>(null);
  // A service with several providers asks who delivered it (after its points, for an open price).
  const [providerPick, setProviderPick] = useState<{ item: Item; points?: number } | null>(null);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [bulkDay, setBulkDay] = useState(false);
  const [override, setOverride] = useState<OverrideState>({ open: false, error: null, busy: false });
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const pending = useRef<PendingRequest | null>(null);
  const [last, setLast] = useState<LastReceiptState | null>(null);

  useCustomerDisplay({ village: village.name, household, cart, last });

  const modalOpen = openPriceItem !== null || override.open || providerPick !== null;
  const modalRef = useRef(false);
  modalRef.current = modalOpen;

  const setHousehold = (v: HouseholdView | null) => {
    householdRef.current = v;
    setHouseholdState(v);
  };
  const setSelected = (k: string | null) => {
    selectedRef.current = k;
    setSelectedState(k);
  };
  const setPick = (p: Pick | null) => {
    pickRef.current = p;
    setPickState(p);
  };
  const updateCart = (fn: (prev: CartLine[]) => CartLine[], select?: string | null) => {
    cartRef.current = fn(cartRef.current);
    setCartState(cartRef.current);
    setSelected(keepSelection(cartRef.current, select === undefined ? selectedRef.current : select));
  };

  const focusScan = useCallback(() => {
    if (!modalRef.current) scanRef.current?.focus();
  }, []);
  const refocusSoon = useCallback(() => window.setTimeout(focusScan, 0), [focusScan]);

  // ---- queue: a fast scanner must never have two lookups racing ----
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = (fn: () => Promise<void>) => {
    queue.current = queue.current.then(fn).catch((e: unknown) => setError(errorText(e)));
  };

  const reloadItems = useCallback(async () => {
    const { items: all } = await call('catalog.list', {});
    itemsRef.current = all;
    setItemsState(all);
  }, []);

  // Today's tally for the idle screen: on a redemption day the shopkeeper sees the queue move.
  const [stats, setStats] = useState<TodayStats | null>(null);
  const reloadStats = useCallback(async () => {
    const { items: rows } = await call('redemptions.list', { date: today, limit: 500 });
    const live = rows.filter((r) => !r.voided);
    setStats({ count: live.length, points: live.reduce((n, r) => n + r.totalPoints, 0), capped: rows.length >= 500 });
  }, [today]);
  useEffect(() => {
    reloadStats().catch(() => undefined);
  }, [reloadStats]);

  useEffect(() => {
    call('catalog.providers', {}).then(
      (r) => setProviders(r.items),
      () => undefined,
    );
    call('calendar.get', {}).then(
      (c) => setBulkDay(c.todayIsBulkDay),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    reloadItems().catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadItems]);

  // ---- households ----
  async function loadHousehold(id: number) {
    const v = await call('households.get', { id });
    setHousehold(v);
    setPick(null);
    setError(null);
    pending.current = null;
  }

  async function refreshHousehold() {
    const h = householdRef.current;
    if (h) setHousehold(await call('households.get', { id: h.household.id }));
  }

  /** Returns false when nothing matched, so the caller can say so. */
  async function applyHits(hits: HouseholdSearchHit[], q: string): Promise<boolean> {
    const d = decideHouseholdHits(hits, { currentId: householdRef.current?.household.id ?? null, cartEmpty: cartRef.current.length === 0, q });
    switch (d.kind) {
      case 'none':
        return false;
      case 'load':
        await loadHousehold(d.id);
        return true;
      case 'same':
        await refreshHousehold();
        setError(null);
        return true;
      case 'pick':
        setPick({ items: d.items, index: 0 });
        setError(null);
        return true;
      case 'blocked':
        setError(t('switchBlocked'));
        return true;
    }
  }

  async function findHousehold(q: string) {
    const { items: hits } = await call('households.search', { q, limit: 20 });
    if (!(await applyHits(hits, q))) setError(t('notFound', { q }));
  }

  // ---- items ----
  function refusalText(r: ScanRefusal): string {
    switch (r.reason) {
      case 'out_of_stock':
        return t('refuseStock', r);
      case 'item_limit':
        return t('refuseLimit', r);
      case 'owed':
        return t('owedBlocked', { n: r.owed });
      case 'insufficient_points':
        return r.notice
          ? t('refusePointsNotice', { shortBy: r.shortBy, notice: r.notice.points, date: r.notice.countsOn })
          : t('refusePoints', { available: r.available, required: r.required, shortBy: r.shortBy });
    }
  }

  /** The guard at the scan: true when `qty` more of the item may go into the cart, else says why. */
  function allowed(item: Item, unitPoints: number, qty = 1): boolean {
    const h = householdRef.current;
    if (!h) return false;
    const refusal = guardAdd(cartRef.current, item, unitPoints, qty, { available: h.account.available, itemUse: h.itemUse, notice: h.notice });
    if (refusal) setError(refusalText(refusal));
    return refusal === null;
  }

  function providersOf(item: Item): Provider[] {
    return item.providerIds.map((id) => providers.find((p) => p.id === id)).filter((p): p is Provider => p !== undefined);
  }

  function putInCart(item: Item, points?: number, provider?: Provider) {
    if (!allowed(item, points ?? item.points ?? 0)) return;
    updateCart((prev) => addItem(prev, item, points, provider), lineKey(item, points, provider?.id));
    setError(null);
  }

  /** After the price is known: a service with several providers asks which one delivered it. */
  function withProvider(item: Item, points?: number) {
    if (item.kind === 'service' && providersOf(item).length > 1) {
      if (!allowed(item, points ?? item.points ?? 0)) return;
      setProviderPick({ item, points });
      return;
    }
    putInCart(item, points);
  }

  function addToCart(item: Item) {
    if (!householdRef.current) {
      setError(t('needHousehold'));
      return;
    }
    if (item.openPrice) {
      setOpenPriceItem(item);
      return;
    }
    withProvider(item);
  }

  /** +1 on a cart line goes through the same guard as a scan. */
  function plusOne(key: string) {
    const line = cartRef.current.find((l) => l.key === key);
    if (!line) return;
    const item = itemsRef.current.find((i) => i.id === line.itemId);
    if (item && !allowed(item, line.unitPoints)) return;
    updateCart((prev) => changeQty(prev, key, 1), key);
  }

  async function findItem(q: string, barcode: boolean) {
    let localHits: Item[] = [];
    if (barcode) {
      const { items: found } = await call('catalog.list', { barcode: q });
      if (found.length > 0) {
        addToCart(found[0]);
        return;
      }
    } else {
      localHits = filterItems(itemsRef.current, q);
      const exact = localHits.find((i) => i.name === q);
      if (exact || localHits.length === 1) {
        addToCart(exact ?? localHits[0]);
        return;
      }
    }
    // Not goods: perhaps the next customer's card.
    const { items: hits } = await call('households.search', { q, limit: 20 });
    if (await applyHits(hits, q)) return;
    if (localHits.length > 1) {
      setQuery(q);
      setError(null);
      return;
    }
    setError(t('notFound', { q }));
  }

  // ---- redeem ----
  function newCustomer() {
    setHousehold(null);
    updateCart(() => [], null);
    setPick(null);
    setError(null);
    setQuery('');
    pending.current = null;
  }

  async function loadPreview(id: number, h: HouseholdView, availableAfter: number) {
    let paper: { lines: PaperLine[]; width: number };
    try {
      const p = await call('receipts.preview', { redemptionId: id });
      paper = { lines: normalizeLines(p.lines), width: p.width };
    } catch {
      // No layout from the server (older build or error): show the same facts plainly.
      try {
        const r = await call('redemptions.get', { id });
        paper = {
          width: 32,
          lines: fallbackReceipt(
            {
              villageName: village.name,
              receiptNo: r.receiptNo,
              time: `${r.date} ${villageTime(r.at, village.timeZone)}`,
              householdName: r.headName,
              cardNo: r.cardNo,
              operatorName: r.operatorName,
              totalPoints: r.totalPoints,
              lines: r.lines,
              availableAfter,
            },
            32,
          ),
        };
      } catch {
        paper = { width: 32, lines: normalizeLines([h.household.headName]) };
      }
    }
    setLast((prev) => (prev && prev.redemptionId === id ? { ...prev, paper } : prev));
  }

  async function printReceipt(id: number) {
    setLast((prev) => (prev && prev.redemptionId === id ? { ...prev, print: 'printing' } : prev));
    try {
      const r = await call('receipts.print', { redemptionId: id });
      if (r.via === 'browser' && r.lines) setBrowserPrint({ id: r.jobId, lines: normalizeLines(r.lines), width: r.width ?? 32 });
      setLast((prev) => (prev && prev.redemptionId === id ? { ...prev, print: 'printed' } : prev));
      setPrintFailure((f) => (f && f.redemptionId === id ? null : f));
    } catch (e) {
      setLast((prev) => (prev && prev.redemptionId === id ? { ...prev, print: 'failed' } : prev));
      setPrintFailure({ redemptionId: id, text: printFailureText(printFailureReason(e), lang, errorText(e)) });
    }
  }

  async function submitRedemption(overrideInput?: SupervisorInput) {
    const h = householdRef.current;
    const lines = cartRef.current;
    if (!h || lines.length === 0 || busyRef.current) return;
    const signature = cartSignature(h.household.id, lines);
    // The same cart retried (lost connection, supervisor override) keeps its requestId: never redeemed twice.
    pending.current = requestFor(pending.current, signature, newRequestId);
    busyRef.current = true;
    setBusy(true);
    if (overrideInput) setOverride((o) => ({ ...o, busy: true, error: null }));
    try {
      const r = await call('redemptions.create', {
        householdId: h.household.id,
        lines: toRequestLines(lines),
        requestId: pending.current.requestId,
        ...(overrideInput ? { override: overrideInput } : {}),
      });
      pending.current = null;
      setOverride({ open: false, error: null, busy: false });
      newCustomer();
      setPrintFailure(null);
      setLast({
        redemptionId: r.id,
        receiptNo: r.receiptNo,
        headName: h.household.headName,
        totalPoints: r.totalPoints,
        availableAfter: r.account.available,
        paper: null,
        print: 'printing',
      });
      // Preview first: once printed, the server would lay the same receipt out as a reprint (重打).
      void loadPreview(r.id, h, r.account.available).then(() => printReceipt(r.id));
      reloadItems().catch(() => undefined);
      reloadStats().catch(() => undefined);
    } catch (e) {
      const code = isApiError(e) ? e.code : 'INTERNAL';
      if (code === 'NOT_REDEMPTION_DAY' && !overrideInput) {
        setError(null);
        setOverride({ open: true, error: null, busy: false });
      } else if (overrideInput && (isSupervisorFailure(e) || code === 'INVALID_INPUT')) {
        setOverride({ open: true, error: errorText(e), busy: false });
      } else {
        setOverride({ open: false, error: null, busy: false });
        setError(code === 'NETWORK' ? `${errorText(e)}。${t('retryHint')}` : errorText(e));
        if (code === 'INSUFFICIENT_POINTS' || code === 'LIMIT_EXCEEDED') refreshHousehold().catch(() => undefined);
        if (code === 'OUT_OF_STOCK')
          reloadItems()
            .then(() =>
              updateCart((prev) =>
                prev.map((l) => {
                  const it = itemsRef.current.find((i) => i.id === l.itemId);
                  return it ? { ...l, stock: it.stock } : l;
                }),
              ),
            )
            .catch(() => undefined);
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  async function redeem() {
    const h = householdRef.current;
    if (!h || cartRef.current.length === 0) return;
    if (h.account.available < 0) {
      setError(t('owedBlocked', { n: -h.account.available }));
      return;
    }
    await submitRedemption();
  }

  async function handleScan(raw: string) {
    const action = routeScan(raw, { householdActive: householdRef.current !== null, cartEmpty: cartRef.current.length === 0 });
    switch (action.kind) {
      case 'none':
        return;
      case 'redeem':
        return redeem();
      case 'find-household':
        return findHousehold(action.q);
      case 'find-item':
        return findItem(action.q, action.barcode);
    }
  }

  function pickAt(i: number) {
    const p = pickRef.current;
    const h = p?.items[i];
    if (!h) return;
    setPick(null);
    enqueue(() => loadHousehold(h.id));
  }

  // ---- keys ----
  function onScanKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    const value = e.currentTarget.value;
    const empty = value.trim() === '';
    const p = pickRef.current;
    if (p) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setPick({ ...p, index: moveIndex(p.index, e.key === 'ArrowDown' ? 1 : -1, p.items.length) });
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setPick(null);
        return;
      }
      if (empty && e.key === 'Enter') {
        e.preventDefault();
        pickAt(p.index);
        return;
      }
      const n = empty ? pickIndexFromKey(e.key, p.items.length) : null;
      if (n !== null) {
        e.preventDefault();
        pickAt(n);
        return;
      }
    }
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        setScan('');
        enqueue(() => handleScan(value));
        return;
      case 'Escape':
        e.preventDefault();
        if (value) setScan('');
        else newCustomer();
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        setSelected(moveSelection(cartRef.current, selectedRef.current, e.key === 'ArrowDown' ? 1 : -1));
        return;
    }
    if (!empty) return;
    const sel = selectedRef.current;
    if ((e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') && sel) {
      e.preventDefault();
      plusOne(sel);
    } else if ((e.key === '-' || e.code === 'NumpadSubtract') && sel) {
      e.preventDefault();
      updateCart((prev) => changeQty(prev, sel, -1));
    } else if (e.key === 'Delete' && sel) {
      e.preventDefault();
      updateCart((prev) => removeLine(prev, sel));
    }
  }

  // The latest handlers for window-level keys (F9 redeem, F2 goods search) without stale closures.
  const latest = useRef({ redeem, enqueue, bulkDay });
  latest.current = { redeem, enqueue, bulkDay };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modalRef.current) return;
      if (e.key === 'F9') {
        e.preventDefault();
        latest.current.enqueue(() => latest.current.redeem());
      } else if (e.key === 'F2') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'F8' && latest.current.bulkDay) {
        // A bulk day's one key into the fast lane (集中兑换).
        e.preventDefault();
        window.location.hash = hashFor('bulk');
      }
    };
    // Whatever took the focus (a button, the page background, the language switch), give it back
    // to the scan field unless it is another text field such as the goods search.
    const onFocusOut = () =>
      window.setTimeout(() => {
        if (!modalRef.current && !isTextEntry(document.activeElement as HTMLInputElement | null)) focusScan();
      }, 0);
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', focusScan);
    focusScan();
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', focusScan);
    };
  }, [focusScan]);

  useEffect(() => {
    if (!modalOpen) refocusSoon();
  }, [modalOpen, refocusSoon]);

  // ---- render ----
  // Between customers the middle column shows the receipt just made; a card scan brings the cart back.
  const idle = household === null && cart.length === 0;
  // In-stock goods first: a sold-out card is still there (it may be restocked) but out of the way.
  const goods = items.filter((i) => i.kind === 'goods').sort((a, b) => Number((b.stock ?? 0) > 0) - Number((a.stock ?? 0) > 0));
  const services = items.filter((i) => i.kind === 'service');
  const bannerText = error ?? (printFailure ? t('printFailed', { msg: printFailure.text.replace(/[。.]\s*$/, '') }) : null);
  const bannerAction =
    !error && printFailure ? (
      <Button
        data-testid="retry-print"
        danger
        type="primary"
        onClick={() => {
          void printReceipt(printFailure.redemptionId);
          refocusSoon();
        }}
      >
        {t('retryPrint')}
      </Button>
    ) : undefined;

  return (
    <div className="counter">
      <div style={{ position: 'relative' }}>
        <div className="scan-row">
          <Input
            ref={scanRef}
            className="scan-input"
            data-testid="scan-input"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            prefix={<BarcodeOutlined style={{ fontSize: 24, color: '#c2410c', marginRight: 6 }} />}
            placeholder={household ? t('scanPlaceholderActive') : t('scanPlaceholder')}
            aria-label={t('scanLabel')}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={onScanKeyDown}
          />
          <Button
            data-testid="new-customer"
            icon={<UserSwitchOutlined />}
            style={{ height: 56, fontSize: 16 }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={newCustomer}
          >
            {t('newCustomer')} <span style={{ color: '#a89684', fontSize: 12 }}>Esc</span>
          </Button>
          <CustomerDisplayButton />
        </div>
        {pick && (
          <div style={{ position: 'absolute', top: 62, left: 0, width: 720, zIndex: 20, boxShadow: '0 12px 32px rgba(80,40,10,.18)', borderRadius: 12 }}>
            <PickList items={pick.items} index={pick.index} onPick={pickAt} />
          </div>
        )}
      </div>
      <div className="keys-hint">
        {t('keysHint')
          .split(' · ')
          .map((part, i) => {
            const [key, ...label] = part.split(' ');
            return (
              <span key={i}>
                {i > 0 && ' · '}
                <kbd>{key}</kbd> {label.join(' ')}
              </span>
            );
          })}
      </div>
      {bulkDay && (
        <div className="bulk-day-hint" data-testid="bulk-day-hint">
          <ThunderboltOutlined /> {t('bulkDayHint')} ·{' '}
          <a href={hashFor('bulk')} onMouseDown={(e) => e.preventDefault()} data-testid="bulk-day-link">
            <kbd>F8</kbd> {t('bulkDayKey')}
          </a>
        </div>
      )}
      <ErrorBanner text={bannerText} quotes={items.flatMap((i) => [i.name, i.unit])} action={bannerAction} onClose={error ? () => setError(null) : undefined} />
      <PrintReceipt job={browserPrint} onPrinted={() => refocusSoon()} />
      <div className="counter-grid">
        <div className="col">
          <HouseholdPanel view={household} stats={stats} />
          {last && !idle && <LastReceiptSummary last={last} />}
        </div>
        <div className="col">
          {idle && last ? (
            <ReceiptPanel
              last={last}
              onPrint={() => {
                void printReceipt(last.redemptionId);
                refocusSoon();
              }}
            />
          ) : (
            <CartPanel
              lines={cart}
              selected={selected}
              available={household?.account.available ?? null}
              guard={household ? { available: household.account.available, itemUse: household.itemUse, notice: household.notice } : null}
              householdActive={household !== null}
              busy={busy}
              onSelect={(k) => setSelected(k)}
              onQty={(k, d) => (d > 0 ? plusOne(k) : updateCart((prev) => changeQty(prev, k, d), k))}
              onRemove={(k) => updateCart((prev) => removeLine(prev, k))}
              onRedeem={() => enqueue(() => redeem())}
            />
          )}
        </div>
        <div className="col">
          <ItemPicker
            goods={goods}
            services={services}
            query={query}
            searchRef={searchRef}
            onQuery={setQuery}
            onSearchEscape={() => {
              setQuery('');
              focusScan();
            }}
            onSearchEnter={(q, hits) => {
              const s = q.trim();
              if (!s) return focusScan();
              const exact = hits.find((i) => i.name === s);
              if (exact || hits.length === 1) {
                addToCart(exact ?? hits[0]);
                setQuery('');
              } else if (looksLikeBarcode(s)) {
                setQuery('');
                enqueue(() => handleScan(s));
              } else if (hits.length === 0) {
                setError(t('notFound', { q: s }));
              } else {
                return; // several: stay in the search box and let the shopkeeper click
              }
              focusScan();
            }}
            onPick={(item) => {
              addToCart(item);
              refocusSoon();
            }}
          />
        </div>
      </div>

      <OpenPriceDialog
        item={openPriceItem}
        onOk={(points) => {
          const item = openPriceItem!;
          setOpenPriceItem(null);
          withProvider(item, points);
        }}
        onCancel={() => setOpenPriceItem(null)}
        afterClose={focusScan}
      />
      <ProviderDialog
        item={providerPick?.item ?? null}
        providers={providerPick ? providersOf(providerPick.item) : []}
        onPick={(p) => {
          const pick = providerPick;
          setProviderPick(null);
          if (pick) putInCart(pick.item, pick.points, p);
        }}
        onCancel={() => setProviderPick(null)}
        afterClose={focusScan}
      />
      <SupervisorDialog
        open={override.open}
        title={t('overrideTitle')}
        help={t('overrideHelp')}
        reasonLabel={t('overrideReason')}
        okText={t('overrideOk')}
        error={override.error}
        busy={override.busy}
        testIds={{ username: 'override-username', pin: 'override-pin', reason: 'override-reason', ok: 'override-ok' }}
        onSubmit={(v) => enqueue(() => submitRedemption(v))}
        onCancel={() => setOverride({ open: false, error: null, busy: false })}
        afterClose={focusScan}
      />
    </div>
  );
}
