import { DownloadOutlined, IdcardOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hashFor } from '../../nav';
import { hasRole, useSignedIn } from '../../session';
import { downloadBase64 } from '../../download';
import { HouseholdDrawer } from './HouseholdDrawer';
import { ImportDialog } from './ImportDialog';
import { CardSheets, PassbookSheet, PrintDialog, type CardHousehold } from './PrintSheets';
import { NoticeNote, type Notice } from './NoticeNote';
import { useOfficeText } from './text';
import './office.css';

type Row = Result<'households.list'>['items'][number];
type Passbook = { household: Result<'households.get'>['household']; items: Result<'ledger.list'>['items']; year: number; notice: Notice | null };

const pageSize = 50;

export function HouseholdsPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { user, village, today } = useSignedIn();
  const canEdit = hasRole(user, 'clerk');
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Result<'households.list'> | null>(null);
  const [selected, setSelected] = useState<Row[]>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [cards, setCards] = useState<CardHousehold[] | null>(null);
  const [passbook, setPassbook] = useState<Passbook | null>(null);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      setData(await call('households.list', { q: q.trim() || undefined, group, offset: (page - 1) * pageSize, limit: pageSize }));
    }, [q, group, page]),
  );

  async function run(action: () => Promise<void>) {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const exportRoster = () =>
    run(async () => {
      const r = await call('households.export', { group });
      downloadBase64(r.xlsxBase64, r.fileName);
    });
  const template = () =>
    run(async () => {
      const r = await call('households.template', {});
      downloadBase64(r.xlsxBase64, r.fileName);
    });
  // Cards for the selection, or for everyone the filter shows (all pages).
  const printCards = () =>
    run(async () => {
      if (selected.length) return setCards(selected);
      const all = await call('households.list', { q: q.trim() || undefined, group, limit: 2000 });
      setCards(all.items);
    });
  const openPassbook = (r: Row) =>
    run(async () => {
      const year = Number(today.slice(0, 4));
      const [{ household, notice }, { items }] = await Promise.all([call('households.get', { id: r.id }), call('ledger.list', { householdId: r.id, year })]);
      setPassbook({ household, items, year, notice });
    });

  const columns: TableColumnsType<Row> = [
    { title: tx('colCard'), dataIndex: 'cardNo', width: 130, render: (v: string) => <b style={{ fontFamily: 'monospace' }}>{v}</b> },
    { title: tx('colHead'), dataIndex: 'headName', width: 120 },
    { title: tx('colGroup'), dataIndex: 'group', width: 140 },
    { title: tx('colPhone'), dataIndex: 'phone', width: 140 },
    { title: tx('colMembers'), dataIndex: 'memberCount', width: 70, align: 'right' },
    { title: tx('colScore'), dataIndex: 'score', width: 90, align: 'right', render: (v: number) => <span className="num">{formatPoints(v)}</span> },
    {
      title: tx('colAvailable'),
      dataIndex: 'available',
      width: 90,
      align: 'right',
      render: (v: number, r) => (
        <>
          <b className={`num ${v < 0 ? 'pts-minus' : ''}`} data-testid="household-available">
            {formatPoints(v)}
          </b>
          <NoticeNote notice={r.notice} compact testId="household-notice" />
        </>
      ),
    },
    {
      title: tx('colActions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" data-testid="household-edit" onClick={() => setEditing(r.id)}>
            {tx('edit')}
          </Button>
          <Button size="small" data-testid="household-passbook" onClick={() => void openPassbook(r)}>
            {tx('passbook')}
          </Button>
          <Button
            size="small"
            data-testid="household-ledger"
            onClick={() => {
              window.location.hash = `${hashFor('ledger')}?h=${r.id}`;
            }}
          >
            {tx('ledger')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title">{tx('hhTitle')}</div>
      <div className="office-toolbar">
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={tx('hhSearch')}
          data-testid="households-search"
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={tx('hhAllGroups')}
          value={group}
          data-testid="households-group"
          onChange={(v) => {
            setGroup(v);
            setPage(1);
          }}
          options={(data?.groups ?? []).map((g) => ({ value: g.group, label: `${g.group || '—'}（${g.households}）` }))}
        />
        <span className="grow" />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="household-new" onClick={() => setEditing('new')}>
            {tx('hhNew')}
          </Button>
        )}
        {canEdit && (
          <Button icon={<UploadOutlined />} data-testid="household-import" onClick={() => setImporting(true)}>
            {tx('hhImport')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} data-testid="household-template" onClick={() => void template()}>
          {tx('hhTemplate')}
        </Button>
        <Button icon={<DownloadOutlined />} data-testid="household-export" onClick={() => void exportRoster()}>
          {tx('hhExport')}
        </Button>
        <Button icon={<IdcardOutlined />} data-testid="household-print-cards" onClick={() => void printCards()}>
          {selected.length ? tx('hhPrintCardsSelected', { n: selected.length }) : tx('hhPrintCards')}
        </Button>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected.map((s) => s.id), onChange: (_keys, rows) => setSelected(rows), preserveSelectedRowKeys: true }}
        onRow={(r) => ({ 'data-testid': 'household-row', 'data-card-no': r.cardNo }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => tx('hhTotal', { n }) }}
      />
      <HouseholdDrawer
        id={editing}
        canEdit={canEdit}
        onClose={() => setEditing(null)}
        onSaved={(id) => {
          message.success(tx('saved'));
          setEditing(id);
          void load();
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={() => void load()} />
      <PrintDialog open={cards !== null} title={tx('hhPrintCards')} onClose={() => setCards(null)} testId="card-preview">
        {cards && <CardSheets households={cards} villageName={village.name} />}
      </PrintDialog>
      <PrintDialog open={passbook !== null} title={tx('passbookTitle')} onClose={() => setPassbook(null)} testId="passbook-preview">
        {passbook && (
          <PassbookSheet household={passbook.household} items={passbook.items} year={passbook.year} villageName={village.name} notice={passbook.notice} />
        )}
      </PrintDialog>
    </div>
  );
}
