import { CheckOutlined, FileTextOutlined, NotificationOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Params, Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { PrintPreview } from './shared';
import { BlankCountSheet, StocktakeNotice, StocktakeSheet } from './StocktakeSheets';
import { useStockText } from './text';

type Item = Result<'catalog.list'>['items'][number];
type Sheet = Result<'stock.stocktakeGet'>;
type SheetRow = Result<'stock.stocktakes'>['items'][number];
interface Count {
  counted: string;
  reason: string;
}

const countOf = (c: Count | undefined): number | null => (c && /^\d+$/.test(c.counted.trim()) ? Number(c.counted) : null);

export function StocktakePage() {
  const { s } = useStockText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { village, today } = useSignedIn();
  const [goods, setGoods] = useState<Item[]>([]);
  const [counts, setCounts] = useState<Record<number, Count>>({});
  const [q, setQ] = useState('');
  const [onlyVariance, setOnlyVariance] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [sheets, setSheets] = useState<SheetRow[]>([]);
  const [shown, setShown] = useState<{ sheet: Sheet; notice: boolean } | null>(null);
  const [blank, setBlank] = useState(false);

  const load = useCallback(async () => {
    try {
      const [g, h] = await Promise.all([call('catalog.list', { kind: 'goods' }), call('stock.stocktakes', { limit: 30 })]);
      setGoods(g.items);
      setSheets(h.items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const deltaOf = (g: Item) => {
    const c = countOf(counts[g.id]);
    return c === null ? null : c - (g.stock ?? 0);
  };
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return goods.filter(
      (g) => (!needle || g.name.toLowerCase().includes(needle) || (g.barcode ?? '').includes(needle)) && (!onlyVariance || (deltaOf(g) ?? 0) !== 0),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [goods, q, onlyVariance, counts]);
  const countedItems = goods.filter((g) => countOf(counts[g.id]) !== null);
  const varianceItems = countedItems.filter((g) => deltaOf(g) !== 0);
  const setCount = (id: number, patch: Partial<Count>) => setCounts((c) => ({ ...c, [id]: { ...(c[id] ?? { counted: '', reason: '' }), ...patch } }));

  async function submit() {
    if (countedItems.length === 0) return setError(s('nothingCounted'));
    const missing = varianceItems.find((g) => !counts[g.id]?.reason.trim() && !reason.trim());
    if (missing) return setError(s('needReason', { name: missing.name }));
    const lines: Params<'stock.stocktake'>['lines'] = countedItems.map((g) => ({
      itemId: g.id,
      countedQty: countOf(counts[g.id])!,
      expectedQty: g.stock ?? 0,
      reason: counts[g.id]?.reason.trim() || undefined,
    }));
    setSaving(true);
    try {
      const sheet = await call('stock.stocktake', { lines, reason: reason.trim() || undefined, note: note.trim() || undefined });
      message.success(s('sheetSaved', { no: sheet.sheetNo, v: sheet.varianceCount }));
      setCounts({});
      setReason('');
      setNote('');
      setError(null);
      setShown({ sheet, notice: false });
      void load();
    } catch (e) {
      setError(errorText(e));
      // Stock moved since the page loaded (a redemption at the counter): show the new expected figures.
      void load();
    } finally {
      setSaving(false);
    }
  }

  async function open(id: number, notice: boolean) {
    try {
      setShown({ sheet: await call('stock.stocktakeGet', { id }), notice });
    } catch (e) {
      setError(errorText(e));
    }
  }

  const columns: TableColumnsType<Item> = [
    {
      title: s('item'),
      key: 'name',
      render: (_: unknown, g) => (
        <div>
          <b>{g.name}</b>
          <div style={{ fontSize: 12, color: '#8a7766' }}>{g.barcode ?? ''}</div>
        </div>
      ),
    },
    { title: s('unit'), dataIndex: 'unit', width: 60 },
    { title: s('expected'), dataIndex: 'stock', width: 90, align: 'right', render: (v: number) => <b data-testid="count-expected">{v}</b> },
    {
      title: s('counted'),
      key: 'counted',
      width: 120,
      render: (_: unknown, g) => (
        <Input
          inputMode="numeric"
          value={counts[g.id]?.counted ?? ''}
          onChange={(e) => setCount(g.id, { counted: e.target.value })}
          data-testid="count-input"
        />
      ),
    },
    {
      title: s('variance'),
      key: 'delta',
      width: 90,
      align: 'right',
      render: (_: unknown, g) => {
        const d = deltaOf(g);
        return d === null ? (
          ''
        ) : (
          <span data-testid="count-delta" className={d > 0 ? 'delta-pos' : d < 0 ? 'delta-neg' : ''}>
            {d > 0 ? `+${d}` : d}
          </span>
        );
      },
    },
    {
      title: s('reason'),
      key: 'reason',
      width: 240,
      render: (_: unknown, g) => (
        <Input
          maxLength={200}
          disabled={(deltaOf(g) ?? 0) === 0}
          value={counts[g.id]?.reason ?? ''}
          onChange={(e) => setCount(g.id, { reason: e.target.value })}
          data-testid="count-reason"
        />
      ),
    },
  ];
  const sheetColumns: TableColumnsType<SheetRow> = [
    { title: s('noteNo'), dataIndex: 'sheetNo', width: 190, render: (v: string) => <b style={{ fontFamily: 'monospace' }}>{v}</b> },
    { title: s('date'), dataIndex: 'date', width: 110 },
    { title: '', dataIndex: 'scope', width: 90, render: (v: string) => <Tag>{v === 'all' ? s('scopeAll') : s('scopePartial')}</Tag> },
    { title: s('qty'), dataIndex: 'lineCount', width: 70, align: 'right' },
    { title: s('variance'), dataIndex: 'varianceCount', width: 84, align: 'right' },
    { title: `${s('surplusQty')} / ${s('shortageQty')}`, key: 'ss', width: 110, render: (_: unknown, r) => `+${r.surplusQty} / −${r.shortageQty}` },
    { title: s('note'), dataIndex: 'note', ellipsis: true },
    {
      title: '',
      key: 'act',
      width: 190,
      render: (_: unknown, r) => (
        <span style={{ display: 'flex', gap: 6 }}>
          <Button size="small" icon={<FileTextOutlined />} data-testid="sheet-view" onClick={() => void open(r.id, false)}>
            {s('view')}
          </Button>
          <Button size="small" icon={<NotificationOutlined />} data-testid="sheet-notice" onClick={() => void open(r.id, true)}>
            {s('publicNotice')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title">{s('stocktakeTitle')}</div>
      <div className="stock-panel">
        <div className="toolbar">
          <Input allowClear style={{ width: 240 }} placeholder={s('search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="stocktake-search" />
          <Checkbox checked={onlyVariance} onChange={(e) => setOnlyVariance(e.target.checked)}>
            {s('onlyVariance')}
          </Checkbox>
          <Button
            onClick={() =>
              setCounts((c) => Object.fromEntries(goods.map((g) => [g.id, c[g.id]?.counted.trim() ? c[g.id] : { counted: String(g.stock ?? 0), reason: '' }])))
            }
            data-testid="stocktake-fill"
          >
            {s('fillRest')}
          </Button>
          <Button onClick={() => setCounts({})}>{s('clearCounts')}</Button>
          <span className="grow" />
          <Button icon={<PrinterOutlined />} onClick={() => setBlank(true)} data-testid="stocktake-print-blank">
            {s('printBlank')}
          </Button>
        </div>
        <ErrorBanner text={error} onClose={() => setError(null)} />
        <Table<Item>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ y: 'calc(100vh - 430px)' }}
          locale={{ emptyText: s('noData') }}
          onRow={(g) => ({ 'data-testid': 'stocktake-row', 'data-item-id': g.id }) as React.HTMLAttributes<HTMLElement>}
          style={{ marginTop: 8 }}
        />
        <div className="toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
          <Input
            style={{ width: 300 }}
            maxLength={200}
            placeholder={s('sheetReasonPlaceholder')}
            addonBefore={s('reason')}
            title={s('sheetReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="stocktake-reason"
          />
          <Input
            style={{ width: 260 }}
            maxLength={200}
            placeholder={s('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="stocktake-note"
          />
          <span className="grow" />
          <span data-testid="stocktake-progress">{s('countedOf', { n: countedItems.length, all: goods.length, v: varianceItems.length })}</span>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={saving}
            disabled={countedItems.length === 0}
            onClick={() => void submit()}
            data-testid="stocktake-submit"
          >
            {s('submitStocktake')}
          </Button>
        </div>
      </div>
      <h3 style={{ margin: '4px 0 8px' }}>{s('recentSheets')}</h3>
      <Table<SheetRow>
        rowKey="id"
        size="small"
        columns={sheetColumns}
        dataSource={sheets}
        pagination={false}
        locale={{ emptyText: s('noData') }}
        onRow={(r) => ({ 'data-testid': 'sheet-row', 'data-sheet-no': r.sheetNo }) as React.HTMLAttributes<HTMLElement>}
      />
      <PrintPreview
        open={shown !== null}
        title={shown ? `${shown.notice ? s('publicNotice') : s('stocktakeSheet')} ${shown.sheet.sheetNo}` : ''}
        onClose={() => setShown(null)}
        testId={shown?.notice ? 'stocktake-notice' : 'stocktake-sheet'}
        extra={
          shown && (
            <Button
              key="toggle"
              icon={shown.notice ? <FileTextOutlined /> : <NotificationOutlined />}
              data-testid="notice-toggle"
              onClick={() => setShown({ ...shown, notice: !shown.notice })}
            >
              {shown.notice ? s('stocktakeSheet') : s('publicNotice')}
            </Button>
          )
        }
      >
        {shown &&
          (shown.notice ? (
            <StocktakeNotice sheet={shown.sheet} village={village.name} />
          ) : (
            <StocktakeSheet sheet={shown.sheet} village={village.name} timeZone={village.timeZone} />
          ))}
      </PrintPreview>
      <PrintPreview open={blank} title={s('printBlank')} onClose={() => setBlank(false)} testId="stocktake-blank">
        <BlankCountSheet items={goods} village={village.name} today={today} />
      </PrintPreview>
    </div>
  );
}
