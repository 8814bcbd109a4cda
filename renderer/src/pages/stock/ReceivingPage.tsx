import { DeleteOutlined, FileTextOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Table, type InputRef, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Params, Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { formatYuan, parseYuan } from './money';
import { ReceivingNoteSheet } from './ReceivingNoteSheet';
import { mergeScanned } from './receive-lines';
import { fundingSources, needsDonor, PrintPreview, SourceTag, type FundingSource } from './shared';
import { useStockText } from './text';

type Item = Result<'catalog.list'>['items'][number];
type Note = Result<'stock.note'>;
type NoteRow = Result<'stock.notes'>['items'][number];
interface Line {
  key: number;
  item: Item;
  qty: string;
  source: FundingSource;
  donor: string;
  cost: string;
}

let lineKeys = 0;

export function ReceivingPage() {
  const { s } = useStockText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { village } = useSignedIn();
  const [goods, setGoods] = useState<Item[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [scan, setScan] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notes, setNotes] = useState<NoteRow[]>([]);
  const [shown, setShown] = useState<Note | null>(null);
  const scanRef = useRef<InputRef>(null);

  const load = useCallback(async () => {
    try {
      const [g, n] = await Promise.all([call('catalog.list', { kind: 'goods' }), call('stock.notes', { limit: 30 })]);
      setGoods(g.items);
      setNotes(n.items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  /** A new line takes the purse of the line before it: a delivery usually comes from one purse. */
  const freshLine = (ls: readonly Line[], item: Item): Line => {
    const prev = ls[ls.length - 1];
    return { key: ++lineKeys, item, qty: '1', source: prev?.source ?? 'fiscal', donor: prev?.donor ?? '', cost: '' };
  };
  function add(item: Item) {
    setLines((ls) => [...ls, freshLine(ls, item)]);
    setError(null);
  }
  function addScanned(item: Item) {
    setLines((ls) => mergeScanned(ls, item.id, () => freshLine(ls, item)));
    setError(null);
  }

  async function onScan() {
    const code = scan.trim();
    if (!code) return;
    setScan('');
    const local = goods.find((g) => g.barcode === code);
    if (local) return addScanned(local);
    try {
      const { items } = await call('catalog.list', { barcode: code, includeInactive: true });
      if (items[0]?.kind === 'goods') addScanned(items[0]);
      else setError(s('unknownBarcode', { code }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  const update = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function submit() {
    const out: Params<'stock.receiveNote'>['lines'] = [];
    for (const [i, l] of lines.entries()) {
      const n = i + 1;
      if (!/^\d+$/.test(l.qty.trim()) || Number(l.qty) < 1) return setError(s('badQty', { n }));
      const cost = l.cost.trim() === '' ? undefined : parseYuan(l.cost);
      if (cost === null) return setError(s('badCost', { n }));
      if (needsDonor(l.source) && !l.donor.trim()) return setError(s('needDonor', { n }));
      out.push({ itemId: l.item.id, qty: Number(l.qty), fundingSource: l.source, donor: l.donor.trim() || undefined, unitCostFen: cost });
    }
    setSaving(true);
    try {
      const saved = await call('stock.receiveNote', { lines: out, note: note.trim() || undefined });
      message.success(s('noteSaved', { no: saved.noteNo }));
      setLines([]);
      setNote('');
      setError(null);
      setShown(saved);
      void load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  async function open(id: number) {
    try {
      setShown(await call('stock.note', { id }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  const lineValue = (l: Line) => {
    const c = parseYuan(l.cost);
    return c === null || !/^\d+$/.test(l.qty.trim()) ? null : c * Number(l.qty);
  };
  const total = lines.reduce((sum, l) => sum + (lineValue(l) ?? 0), 0);

  const columns: TableColumnsType<Line> = [
    { title: '#', key: 'n', width: 40, render: (_: unknown, __: Line, i: number) => i + 1 },
    {
      title: s('item'),
      key: 'item',
      render: (_: unknown, l) => (
        <div>
          <b>{l.item.name}</b>
          <div style={{ fontSize: 12, color: '#8a7766' }}>
            {l.item.barcode ?? ''} · {s('stock')} {l.item.stock}
          </div>
        </div>
      ),
    },
    {
      title: s('qty'),
      key: 'qty',
      width: 100,
      render: (_: unknown, l) => (
        <Input
          className="line-input"
          inputMode="numeric"
          value={l.qty}
          suffix={l.item.unit}
          data-testid="line-qty"
          onChange={(e) => update(l.key, { qty: e.target.value })}
        />
      ),
    },
    {
      title: s('fundingSource'),
      key: 'source',
      width: 200,
      render: (_: unknown, l) => (
        <select
          className="native-select"
          style={{ minWidth: 0, width: '100%' }}
          value={l.source}
          data-testid="line-source"
          onChange={(e) => update(l.key, { source: e.target.value as FundingSource })}
        >
          {fundingSources.map((f) => (
            <option key={f} value={f}>
              {s(f)}
            </option>
          ))}
        </select>
      ),
    },
    {
      title: s('donor'),
      key: 'donor',
      width: 190,
      render: (_: unknown, l) => (
        <Input
          className="line-input"
          value={l.donor}
          maxLength={64}
          disabled={!needsDonor(l.source)}
          placeholder={needsDonor(l.source) ? s('donorPlaceholder') : ''}
          data-testid="line-donor"
          onChange={(e) => update(l.key, { donor: e.target.value })}
        />
      ),
    },
    {
      title: s('unitCost'),
      key: 'cost',
      width: 120,
      render: (_: unknown, l) => (
        <Input
          className="line-input"
          inputMode="decimal"
          value={l.cost}
          placeholder="0.00"
          data-testid="line-cost"
          onChange={(e) => update(l.key, { cost: e.target.value })}
        />
      ),
    },
    {
      title: s('amount'),
      key: 'amount',
      width: 110,
      align: 'right',
      render: (_: unknown, l) => {
        const v = lineValue(l);
        return v === null ? s('none') : formatYuan(v);
      },
    },
    {
      title: '',
      key: 'rm',
      width: 50,
      render: (_: unknown, l) => (
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={s('remove')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} />
      ),
    },
  ];

  const noteColumns: TableColumnsType<NoteRow> = [
    { title: s('noteNo'), dataIndex: 'noteNo', width: 190, render: (v: string) => <b style={{ fontFamily: 'monospace' }}>{v}</b> },
    { title: s('date'), dataIndex: 'date', width: 110 },
    { title: s('fundingSource'), dataIndex: 'fundingSources', render: (v: string[]) => v.map((f) => <SourceTag key={f} source={f} />) },
    { title: s('qty'), dataIndex: 'qty', width: 80, align: 'right' },
    { title: s('amount'), dataIndex: 'valueFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    { title: s('note'), dataIndex: 'note', ellipsis: true },
    { title: s('operator'), dataIndex: 'userName', width: 140, ellipsis: true },
    {
      title: '',
      key: 'view',
      width: 90,
      render: (_: unknown, r) => (
        <Button size="small" icon={<FileTextOutlined />} data-testid="note-view" onClick={() => void open(r.id)}>
          {s('view')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title">{s('receivingTitle')}</div>
      <div className="stock-panel">
        <h3>{s('newNote')}</h3>
        <div className="toolbar">
          <Input
            ref={scanRef}
            autoFocus
            style={{ width: 320 }}
            placeholder={s('scanToAdd')}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            onPressEnter={(e) => {
              if (!e.nativeEvent.isComposing) void onScan();
            }}
            data-testid="receive-scan"
          />
          <select
            className="native-select"
            value=""
            data-testid="receive-pick"
            onChange={(e) => {
              const g = goods.find((x) => x.id === Number(e.target.value));
              if (g) add(g);
              scanRef.current?.focus();
            }}
          >
            <option value="">{s('pickGoods')}</option>
            {goods.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
                {g.barcode ? `（${g.barcode}）` : ''}
              </option>
            ))}
          </select>
        </div>
        <ErrorBanner text={error} onClose={() => setError(null)} />
        <Table<Line>
          className="note-lines"
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={lines}
          pagination={false}
          locale={{ emptyText: s('emptyNote') }}
          onRow={(l) => ({ 'data-testid': 'receive-line', 'data-item-id': l.item.id }) as React.HTMLAttributes<HTMLElement>}
          style={{ marginTop: 10 }}
        />
        <div className="toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
          <Input
            style={{ width: 360 }}
            maxLength={200}
            placeholder={s('noteText')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="receive-note"
          />
          <span className="grow" />
          <span>
            {s('total')}：<b>{lines.reduce((n, l) => n + (Number(l.qty) || 0), 0)}</b> · <b>{formatYuan(total)}</b> {s('yuan')}
          </span>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={lines.length === 0}
            loading={saving}
            onClick={() => void submit()}
            data-testid="receive-submit"
          >
            {s('saveNote')}
          </Button>
        </div>
      </div>
      <h3 style={{ margin: '4px 0 8px' }}>{s('recentNotes')}</h3>
      <Table<NoteRow>
        rowKey="id"
        size="small"
        columns={noteColumns}
        dataSource={notes}
        pagination={false}
        locale={{ emptyText: s('noData') }}
        onRow={(r) => ({ 'data-testid': 'note-row', 'data-note-no': r.noteNo }) as React.HTMLAttributes<HTMLElement>}
      />
      <PrintPreview open={shown !== null} title={shown ? `${s('receivingNote')} ${shown.noteNo}` : ''} onClose={() => setShown(null)} testId="note-sheet">
        {shown && <ReceivingNoteSheet note={shown} village={village.name} timeZone={village.timeZone} />}
      </PrintPreview>
    </div>
  );
}
