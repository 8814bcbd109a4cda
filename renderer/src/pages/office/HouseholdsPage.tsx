import { DownloadOutlined, IdcardOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, Popconfirm, Select, Space, Table, type ButtonProps, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { isApiError } from '../../api/errors';
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
type Passbook = {
  household: Result<'households.get'>['household'];
  items: Result<'ledger.list'>['items'];
  year: number;
  villagerUrl: string | null;
  notice: Notice | null;
};

const pageSize = 50;

/**
 * The villager's QR, only where this machine reports to a county it is paired with: issuing a token is
 * a write (audited, sent upward), pointless before there is a county page for it to open. A counter
 * (not_office) prints none.
 */
async function villagerQr<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    if (!(await call('county.pairingStatus', {})).paired) return null;
    return await f();
  } catch (e) {
    if (isApiError(e) && e.reason === 'not_office') return null;
    throw e;
  }
}

export function HouseholdsPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { user, village, today } = useSignedIn();
  const canEdit = hasRole(user, 'clerk');
  // The villager's QR token is an admin's to issue; a village that does not report to the county has none.
  const canQr = user.roles.includes('admin');
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Result<'households.list'> | null>(null);
  const [selected, setSelected] = useState<Row[]>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [cards, setCards] = useState<{ households: CardHousehold[]; urls: Record<number, string | null> } | null>(null);
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
      const households = selected.length ? selected : (await call('households.list', { q: q.trim() || undefined, group, limit: 2000 })).items;
      const urls: Record<number, string | null> = {};
      if (canQr && households.length) {
        const tokens = await villagerQr(() => call('county.qrTokens', { householdIds: households.map((h) => h.id) }));
        for (const t of tokens?.items ?? []) urls[t.householdId] = t.url;
      }
      setCards({ households, urls });
    });
  const openPassbook = (r: Row) =>
    run(async () => {
      const year = Number(today.slice(0, 4));
      const [{ household, notice }, { items }, qr] = await Promise.all([
        call('households.get', { id: r.id }),
        call('ledger.list', { householdId: r.id, year }),
        canQr ? villagerQr(() => call('county.qrToken', { householdId: r.id })) : null,
      ]);
      setPassbook({ household, items, year, villagerUrl: qr?.url ?? null, notice });
    });
  const reissueQr = () =>
    run(async () => {
      if (!passbook) return;
      const qr = await call('county.qrToken', { householdId: passbook.household.id, reissue: true });
      setPassbook({ ...passbook, villagerUrl: qr.url });
      message.success(tx('qrReissued'));
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
        {cards && <CardSheets households={cards.households} villagerUrls={cards.urls} villageName={village.name} />}
      </PrintDialog>
      <PrintDialog
        open={passbook !== null}
        title={tx('passbookTitle')}
        onClose={() => setPassbook(null)}
        testId="passbook-preview"
        extra={
          canQr &&
          passbook && (
            <div style={{ marginBottom: 8 }}>
              {passbook.villagerUrl ? (
                <Popconfirm
                  title={tx('qrReissueConfirm')}
                  onConfirm={() => void reissueQr()}
                  okButtonProps={{ 'data-testid': 'qr-reissue-confirm' } as ButtonProps}
                >
                  <Button danger data-testid="qr-reissue">
                    {tx('qrReissue')}
                  </Button>
                </Popconfirm>
              ) : (
                <Alert type="info" showIcon title={tx('qrNotPaired')} data-testid="qr-not-paired" />
              )}
            </div>
          )
        }
      >
        {passbook && (
          <PassbookSheet
            household={passbook.household}
            items={passbook.items}
            year={passbook.year}
            villageName={village.name}
            villagerUrl={passbook.villagerUrl}
            notice={passbook.notice}
          />
        )}
      </PrintDialog>
    </div>
  );
}
