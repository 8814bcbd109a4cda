import { DateField } from '../../components/DateField';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Params, Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { villageTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { formatYuan } from './money';
import { SourceTag } from './shared';
import { useStockText, type TextKey } from './text';

type Row = Result<'stock.movements'>['items'][number];
type Item = Result<'catalog.list'>['items'][number];
type Kind = NonNullable<NonNullable<Params<'stock.movements'>>['kind']>;

const kindKeys: Record<Kind, TextKey> = { receive: 'kindReceive', redeem: 'kindRedeem', void: 'kindVoid', count: 'kindCount' };
const kindColors: Record<Kind, string> = { receive: 'green', redeem: 'orange', void: 'blue', count: 'purple' };

export function MovementsPage() {
  const { s } = useStockText();
  const { errorText } = useI18n();
  const { village, today } = useSignedIn();
  const [goods, setGoods] = useState<Item[]>([]);
  const [itemId, setItemId] = useState<number | ''>('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [rows, setRows] = useState<Row[]>([]);
  const [truncated, setTruncated] = useState(false);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      const r = await call('stock.movements', {
        itemId: itemId || undefined,
        kind: kind || undefined,
        from: from || undefined,
        to: to || undefined,
        limit: 2000,
      });
      setRows([...r.items].reverse());
      setTruncated(r.truncated);
    }, [itemId, kind, from, to]),
  );

  useEffect(() => {
    call('catalog.list', { kind: 'goods', includeInactive: true }).then(
      (r) => setGoods(r.items),
      (e: unknown) => setError(errorText(e)),
    );
  }, [errorText, setError]);

  const inQty = rows.filter((r) => r.delta > 0).reduce((n, r) => n + r.delta, 0);
  const outQty = rows.filter((r) => r.delta < 0).reduce((n, r) => n - r.delta, 0);
  const columns: TableColumnsType<Row> = [
    { title: s('time'), key: 'at', width: 150, render: (_: unknown, r) => `${r.date} ${villageTime(r.at, village.timeZone).slice(0, 5)}` },
    { title: s('item'), dataIndex: 'itemName', ellipsis: true },
    {
      title: '',
      dataIndex: 'kind',
      width: 110,
      render: (v: Kind) => (
        <Tag color={kindColors[v]} data-testid="movement-kind">
          {s(kindKeys[v])}
        </Tag>
      ),
    },
    {
      title: s('change'),
      dataIndex: 'delta',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <span className={v > 0 ? 'delta-pos' : 'delta-neg'} data-testid="movement-delta">
          {v > 0 ? `+${v}` : v}
        </span>
      ),
    },
    { title: s('balance'), dataIndex: 'balance', width: 80, align: 'right', render: (v: number) => <b>{v}</b> },
    {
      title: s('fundingSource'),
      key: 'source',
      width: 230,
      render: (_: unknown, r) => (
        <span>
          <SourceTag source={r.fundingSource} donor={r.donor} />
          {r.unitCostFen !== null && <span style={{ fontSize: 12, color: '#8a7766' }}>@{formatYuan(r.unitCostFen)}</span>}
        </span>
      ),
    },
    { title: s('docNo'), dataIndex: 'docNo', width: 180, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? ''}</span> },
    { title: s('reason'), dataIndex: 'reason', ellipsis: true },
    { title: s('operator'), dataIndex: 'userName', width: 140, ellipsis: true },
  ];

  return (
    <div className="page">
      <div className="page-title">{s('movementsTitle')}</div>
      <div className="toolbar">
        <select className="native-select" value={itemId} onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : '')} data-testid="movements-item">
          <option value="">{s('allGoods')}</option>
          {goods.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <select
          className="native-select"
          style={{ minWidth: 140 }}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind | '')}
          data-testid="movements-kind"
        >
          <option value="">{s('allKinds')}</option>
          {(Object.keys(kindKeys) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {s(kindKeys[k])}
            </option>
          ))}
        </select>
        <span>{s('from')}</span>
        <DateField allowClear value={from} onChange={setFrom} testId="movements-from" />
        <span>{s('to')}</span>
        <DateField allowClear value={to} onChange={setTo} testId="movements-to" />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {s('refresh')}
        </Button>
        <span className="grow" />
        <span data-testid="movements-summary">
          {s('movementCount', { n: rows.length })} · {s('movedIn', { n: inQty })} · {s('movedOut', { n: outQty })}
        </span>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {truncated && <Alert type="info" showIcon title={s('truncated', { n: rows.length })} style={{ marginBottom: 8 }} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading && rows.length === 0}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: s('noData') }}
        onRow={(r) => ({ 'data-testid': 'movement-row', 'data-item-id': r.itemId, 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
