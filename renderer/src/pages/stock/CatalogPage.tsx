import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Input, Modal, Segmented, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Params, Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { matchRank } from '../counter/goods-match';
import { useGoodsText } from '../counter/goods-text';
import { useStockText } from './text';

type Item = Result<'catalog.list'>['items'][number];
type Provider = Result<'catalog.providers'>['items'][number];
type Kind = 'goods' | 'service';

interface Draft {
  id?: number;
  kind: Kind;
  name: string;
  barcode: string;
  unit: string;
  category: string;
  openPrice: boolean;
  points: string;
  minPoints: string;
  maxPoints: string;
  limit: string;
  threshold: string;
  providerIds: number[];
  active: boolean;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const toDraft = (i: Item): Draft => ({
  id: i.id,
  kind: i.kind,
  name: i.name,
  barcode: i.barcode ?? '',
  unit: i.unit,
  category: i.category,
  openPrice: i.openPrice,
  points: str(i.points),
  minPoints: str(i.minPoints),
  maxPoints: str(i.maxPoints),
  limit: str(i.limitPerHouseholdPerYear),
  threshold: str(i.lowStockThreshold),
  providerIds: i.providerIds,
  active: i.active,
});
const blank = (kind: Kind): Draft => ({
  kind,
  name: '',
  barcode: '',
  unit: kind === 'goods' ? '件' : '次',
  category: kind === 'service' ? '服务' : '',
  openPrice: false,
  points: '',
  minPoints: '',
  maxPoints: '',
  limit: '',
  threshold: '',
  providerIds: [],
  active: true,
});

/** A whole number typed in a box: '' is "not set"; anything else that is not a whole number is refused. */
function whole(text: string, min: number): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t) || Number(t) < min) return 'bad';
  return Number(t);
}

export function CatalogPage() {
  const { s } = useStockText();
  const g = useGoodsText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<Kind>('goods');
  const [items, setItems] = useState<Item[]>([]);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [q, setQ] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      const [list, prov] = await Promise.all([call('catalog.list', { includeInactive: true }), call('catalog.providers', {})]);
      setItems(list.items);
      setProviders(prov.items);
    }, []),
  );

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return items.filter(
      (i) =>
        i.kind === kind &&
        (showInactive || i.active) &&
        (matchRank(i, needle) !== null || (i.barcode ?? '').includes(needle) || i.category.toLowerCase().includes(needle)),
    );
  }, [items, kind, q, showInactive]);
  const providerName = (id: number) => providers.find((p) => p.id === id)?.name ?? `#${id}`;

  async function save(d: Draft) {
    const points = whole(d.points, 1);
    const min = whole(d.minPoints, 1);
    const max = whole(d.maxPoints, 1);
    const limit = whole(d.limit, 1);
    const threshold = whole(d.threshold, 0);
    if (!d.name.trim()) return setFormError(s('needName'));
    if (!d.unit.trim()) return setFormError(s('needUnit'));
    if (!d.openPrice && (points === null || points === 'bad')) return setFormError(s('needPoints'));
    if ([min, max, limit, threshold].includes('bad')) return setFormError(s('badNumber'));
    const params: Params<'catalog.save'> = {
      id: d.id,
      kind: d.kind,
      name: d.name.trim(),
      unit: d.unit.trim(),
      category: d.category.trim(),
      active: d.active,
      barcode: d.kind === 'goods' && d.barcode.trim() ? d.barcode.trim() : null,
      openPrice: d.openPrice,
      points: d.openPrice ? null : (points as number),
      minPoints: d.openPrice ? (min as number | null) : null,
      maxPoints: d.openPrice ? (max as number | null) : null,
      limitPerHouseholdPerYear: limit as number | null,
      ...(d.kind === 'goods' ? { lowStockThreshold: threshold as number | null } : { providerIds: d.providerIds }),
    };
    setSaving(true);
    try {
      const saved = await call('catalog.save', params);
      message.success(s('itemSaved', { name: saved.name }));
      // The saved row shows at once; the reload only brings what others changed meanwhile.
      setItems((list) => list.map((i) => (i.id === saved.id ? { ...i, ...saved } : i)));
      setDraft(null);
      void load();
    } catch (e) {
      setFormError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  const price = (i: Item) =>
    i.openPrice ? (
      <Tag color="orange">
        {s('openPrice')} {i.minPoints ?? 1}–{i.maxPoints ?? '∞'}
      </Tag>
    ) : (
      <b>{i.points}</b>
    );
  const columns: TableColumnsType<Item> = [
    {
      title: s('name'),
      dataIndex: 'name',
      render: (v: string, i) => (
        <span style={{ fontWeight: 600 }}>
          {v}
          {!i.active && <Tag style={{ marginLeft: 6 }}>{s('inactive')}</Tag>}
        </span>
      ),
    },
    ...(kind === 'goods' ? [{ title: s('barcode'), dataIndex: 'barcode', width: 150, render: (v: string | null) => v ?? s('none') }] : []),
    { title: s('category'), dataIndex: 'category', width: 100 },
    { title: s('unit'), dataIndex: 'unit', width: 60 },
    { title: s('points'), key: 'points', width: 130, render: (_: unknown, i) => price(i) },
    ...(kind === 'goods'
      ? [
          {
            title: s('stock'),
            dataIndex: 'stock',
            width: 110,
            align: 'right' as const,
            render: (v: number, i: Item) => (
              <span data-testid="catalog-stock">
                {i.low && <span className="low-tag">{s('lowStock')}</span>}
                <b>{v}</b>
              </span>
            ),
          },
          { title: s('lowThreshold'), dataIndex: 'lowStockThreshold', width: 110, align: 'right' as const, render: (v: number | null) => str(v) || s('none') },
        ]
      : [
          {
            title: s('providers'),
            key: 'providers',
            render: (_: unknown, i: Item) =>
              i.providerIds.length ? i.providerIds.map(providerName).join('、') : <span style={{ color: '#a89684' }}>{s('noProviders')}</span>,
          },
        ]),
    {
      title: s('limitPerYear'),
      dataIndex: 'limitPerHouseholdPerYear',
      width: 110,
      render: (v: number | null, i) => (v ? s('perYear', { n: v, unit: i.unit }) : s('none')),
    },
    {
      title: s('actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, i) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          data-testid="catalog-edit"
          onClick={() => {
            setFormError(null);
            setDraft(toDraft(i));
          }}
        >
          {s('edit')}
        </Button>
      ),
    },
  ];

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const field = (label: string, node: React.ReactNode, help?: string) => (
    <div style={{ marginBottom: 12 }}>
      <div style={{ marginBottom: 4, color: '#5b4a3c' }}>{label}</div>
      {node}
      {help && <div style={{ fontSize: 12, color: '#8a7766', marginTop: 2 }}>{help}</div>}
    </div>
  );

  return (
    <div className="page">
      <div className="page-title">{s('catalogTitle')}</div>
      <div className="toolbar">
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'goods', label: s('goods') },
            { value: 'service', label: s('service') },
          ]}
          data-testid="catalog-kind"
        />
        <Input allowClear style={{ width: 260 }} placeholder={s('search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="catalog-search" />
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {s('showInactive')}
        </Checkbox>
        <span className="grow" />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {s('refresh')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="catalog-add"
          onClick={() => {
            setFormError(null);
            setDraft(blank(kind));
          }}
        >
          {kind === 'goods' ? s('addGoods') : s('addService')}
        </Button>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={loading && items.length === 0}
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: q.trim() && items.some((i) => i.kind === kind) ? g('noMatchingGoods') : s('noData') }}
        onRow={(i) =>
          ({
            'data-testid': 'catalog-row',
            'data-item-id': i.id,
            'data-low': i.low ? 'true' : undefined,
            style: { opacity: i.active ? 1 : 0.6 },
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Modal
        open={draft !== null}
        title={draft?.id ? s('editItem', { name: draft.name }) : draft?.kind === 'service' ? s('newService') : s('newGoods')}
        onCancel={() => setDraft(null)}
        footer={[
          <Button key="cancel" onClick={() => setDraft(null)}>
            {s('cancel')}
          </Button>,
          <Button key="save" type="primary" loading={saving} onClick={() => draft && void save(draft)} data-testid="item-save">
            {s('save')}
          </Button>,
        ]}
        destroyOnHidden
        width={560}
      >
        {draft && (
          <div data-testid="item-form">
            <ErrorBanner text={formError} />
            <div style={{ height: formError ? 10 : 0 }} />
            {field(s('name'), <Input value={draft.name} maxLength={64} onChange={(e) => set('name', e.target.value)} data-testid="item-name" />)}
            {draft.kind === 'goods' &&
              field(s('barcode'), <Input value={draft.barcode} maxLength={32} onChange={(e) => set('barcode', e.target.value)} data-testid="item-barcode" />)}
            <Space style={{ width: '100%' }} size={12}>
              {field(
                s('unit'),
                <Input value={draft.unit} maxLength={8} style={{ width: 100 }} onChange={(e) => set('unit', e.target.value)} data-testid="item-unit" />,
              )}
              {field(
                s('category'),
                <Input
                  value={draft.category}
                  maxLength={32}
                  style={{ width: 180 }}
                  onChange={(e) => set('category', e.target.value)}
                  data-testid="item-category"
                />,
              )}
            </Space>
            {field(
              s('pricing'),
              <Space wrap>
                <Segmented<'fixed' | 'open'>
                  value={draft.openPrice ? 'open' : 'fixed'}
                  onChange={(v) => set('openPrice', v === 'open')}
                  options={[
                    { value: 'fixed', label: s('fixedPrice') },
                    { value: 'open', label: s('openPrice') },
                  ]}
                  data-testid="item-pricing"
                />
                {draft.openPrice ? (
                  <>
                    <Input
                      style={{ width: 110 }}
                      inputMode="numeric"
                      placeholder={s('minPoints')}
                      value={draft.minPoints}
                      onChange={(e) => set('minPoints', e.target.value)}
                      data-testid="item-min"
                    />
                    <Input
                      style={{ width: 110 }}
                      inputMode="numeric"
                      placeholder={s('maxPoints')}
                      value={draft.maxPoints}
                      onChange={(e) => set('maxPoints', e.target.value)}
                      data-testid="item-max"
                    />
                  </>
                ) : (
                  <Input
                    style={{ width: 120 }}
                    inputMode="numeric"
                    suffix={s('pointsUnit')}
                    value={draft.points}
                    onChange={(e) => set('points', e.target.value)}
                    data-testid="item-points"
                  />
                )}
              </Space>,
              draft.openPrice ? s('openPriceHelp') : undefined,
            )}
            {field(
              s('limitPerYear'),
              <Input
                style={{ width: 140 }}
                inputMode="numeric"
                suffix={draft.unit}
                value={draft.limit}
                onChange={(e) => set('limit', e.target.value)}
                data-testid="item-limit"
              />,
              s('limitHelp'),
            )}
            {draft.kind === 'goods'
              ? field(
                  s('lowThreshold'),
                  <Input
                    style={{ width: 140 }}
                    inputMode="numeric"
                    suffix={draft.unit}
                    value={draft.threshold}
                    onChange={(e) => set('threshold', e.target.value)}
                    data-testid="item-threshold"
                  />,
                  s('thresholdHelp'),
                )
              : field(
                  s('providers'),
                  <Checkbox.Group
                    value={draft.providerIds}
                    onChange={(v) => set('providerIds', v as number[])}
                    data-testid="item-providers"
                    options={providers.map((p) => ({ value: p.id, label: p.name }))}
                  />,
                )}
            {field(
              s('status'),
              <Switch
                checked={draft.active}
                onChange={(v) => set('active', v)}
                checkedChildren={s('active')}
                unCheckedChildren={s('inactive')}
                data-testid="item-active"
              />,
            )}
          </div>
        )}
      </Modal>
    </div>
  );
}
