import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Modal, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { formatPoints, villageDate, yearName } from '../../format';
import { userDataCell } from '../../i18n/quoted';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { downloadBase64 } from '../../download';
import { columnsOf } from './ledger-view';
import { PassbookSheet, PrintDialog } from './PrintSheets';
import { NoticeNote, type Notice } from './NoticeNote';
import { useOfficeText, type OfficeKey } from './text';
import './office.css';

type Row = Result<'ledger.list'>['items'][number];
type Household = Result<'households.get'>['household'];
type Account = Result<'households.get'>['account'];
interface Pick {
  id: number;
  cardNo: string;
  headName: string;
}

const statusColor = { approved: 'green', pending: 'orange', rejected: 'default', notice: 'gold' } as const;

function householdFromHash(): number | undefined {
  const m = /[?&]h=(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : undefined;
}

/** 村民台账: one household's year, every row with the running score and running available. */
export function LedgerPage() {
  const tx = useOfficeText();
  const { errorText, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { user, village, today } = useSignedIn();
  const canReverse = hasRole(user, 'clerk', 'reviewer');
  const thisYear = Number(today.slice(0, 4));
  const [householdId, setHouseholdId] = useState<number | undefined>(householdFromHash);
  const [options, setOptions] = useState<Pick[]>([]);
  const [year, setYear] = useState(thisYear);
  const [years, setYears] = useState<number[]>([]);
  const [household, setHousehold] = useState<Household | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [printing, setPrinting] = useState(false);
  const [reversing, setReversing] = useState<Row | null>(null);
  const [reason, setReason] = useState('');
  const searchSeq = useRef(0);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      if (householdId === undefined) return;
      const [h, l] = await Promise.all([call('households.get', { id: householdId, year }), call('ledger.list', { householdId, year })]);
      setHousehold(h.household);
      setAccount(h.account);
      setNotice(h.notice);
      setRows(l.items);
      setYears(l.years);
      setOptions((cur) => (cur.some((o) => o.id === h.household.id) ? cur : [h.household, ...cur]));
    }, [householdId, year]),
  );

  async function search(q: string) {
    const seq = ++searchSeq.current;
    if (!q.trim()) return;
    try {
      const { items } = await call('households.search', { q: q.trim(), limit: 20 });
      if (seq === searchSeq.current) setOptions(items);
    } catch {
      /* keep the list */
    }
  }

  async function exportLedger(whole: boolean) {
    try {
      const r = await call('ledger.export', { year, ...(whole || householdId === undefined ? {} : { householdId }) });
      downloadBase64(r.xlsxBase64, r.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function reverse() {
    if (!reversing?.entryId || !reason.trim()) return;
    try {
      await call('points.reverse', { entryId: reversing.entryId, reason: reason.trim() });
      message.success(tx('reversed'));
      setReversing(null);
      setReason('');
      await load();
    } catch (e) {
      setError(errorText(e));
      setReversing(null);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: tx('colDate'), key: 'date', width: 100, render: (_: unknown, r) => r.occurredOn ?? villageDate(r.at, village.timeZone) },
    { title: tx('colKindL'), dataIndex: 'kind', width: 64, render: (k: string) => tx(`kind_${k}` as OfficeKey) },
    {
      title: tx('colItem'),
      key: 'item',
      render: (_: unknown, r) => (
        <span data-testid="ledger-what">
          {r.category && <Tag data-user-text>{r.category}</Tag>}
          <span data-user-text>{r.ruleName}</span>
          {r.personName && (
            <>
              {lang === 'zh' ? '（' : ' ('}
              <span data-user-text>{r.personName}</span>
              {lang === 'zh' ? '）' : ')'}
            </>
          )}
          {r.receiptNo && <span style={{ fontFamily: 'monospace', marginLeft: 6 }}>{r.receiptNo}</span>}
          {r.note && (
            <div style={{ fontSize: 12, color: '#8a7766' }} data-user-text>
              {r.note}
            </div>
          )}
          {r.reviewReason && (
            <div style={{ fontSize: 12, color: '#c0392b' }}>
              {tx('reject')}
              {lang === 'zh' ? '：' : ': '}
              <span data-user-text>{r.reviewReason}</span>
            </div>
          )}
        </span>
      ),
    },
    { title: tx('colPlus'), key: 'plus', width: 84, align: 'right', render: (_: unknown, r) => <span className="pts-plus">{columnsOf(r).plus ?? ''}</span> },
    {
      title: tx('colMinus'),
      key: 'minus',
      width: 84,
      align: 'right',
      render: (_: unknown, r) => <span className="pts-minus">{columnsOf(r).minus ?? ''}</span>,
    },
    { title: tx('colRedeem'), key: 'redeem', width: 84, align: 'right', render: (_: unknown, r) => <span className="num">{columnsOf(r).redeem ?? ''}</span> },
    {
      title: tx('colStatus'),
      dataIndex: 'status',
      width: 84,
      render: (s: Row['status'], r) => (
        <Tooltip title={r.countsFrom ? tx('noticeCounts', { date: r.countsFrom.slice(0, 10) }) : undefined}>
          <Tag color={statusColor[s]}>{r.reversedById ? tx('reversed') : tx(`status_${s}` as OfficeKey)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: tx('colRunningScore'),
      dataIndex: 'runningScore',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <b className="num" data-testid="ledger-running-score">
          {v}
        </b>
      ),
    },
    {
      title: tx('colRunningAvailable'),
      dataIndex: 'runningAvailable',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <b className={`num ${v < 0 ? 'pts-minus' : ''}`} data-testid="ledger-running-available">
          {v}
        </b>
      ),
    },
    // Who recorded it matters least at a glance: on a narrow screen 事项 gets that room.
    { title: tx('colBy'), dataIndex: 'recorderName', width: 110, ellipsis: true, responsive: ['xl'], onCell: userDataCell },
  ];
  if (canReverse) {
    columns.push({
      title: '',
      key: 'a',
      width: 92,
      render: (_: unknown, r) =>
        (r.kind === 'award' || r.kind === 'deduction') && (r.status === 'approved' || r.status === 'notice') && !r.reversedById ? (
          <Button
            size="small"
            danger
            data-testid="ledger-reverse"
            onClick={() => {
              setReason('');
              setReversing(r);
            }}
          >
            {tx('reverse')}
          </Button>
        ) : null,
    });
  }

  const yearOptions = [...new Set([thisYear, ...years])].sort((a, b) => b - a);
  return (
    <div className="page">
      <div className="page-title">{tx('ledgerTitle')}</div>
      <div className="office-toolbar">
        <Select<number>
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          style={{ width: 320 }}
          placeholder={tx('ledgerPick')}
          value={householdId}
          onChange={(id) => {
            setHouseholdId(id);
            window.history.replaceState(null, '', `#/ledger?h=${id}`);
          }}
          options={options.map((o) => ({
            value: o.id,
            label: (
              <span data-user-text>
                {o.headName}（{o.cardNo}）
              </span>
            ),
          }))}
          data-testid="ledger-household"
        />
        <Select<number>
          value={year}
          style={{ width: 110 }}
          onChange={setYear}
          options={yearOptions.map((y) => ({ value: y, label: yearName(y, lang) }))}
          data-testid="ledger-year"
        />
        <span className="grow" />
        <Button icon={<PrinterOutlined />} disabled={!household} onClick={() => setPrinting(true)} data-testid="ledger-print">
          {tx('printLedger')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!household} onClick={() => void exportLedger(false)} data-testid="ledger-export">
          {tx('exportHousehold')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportLedger(true)} data-testid="ledger-export-village">
          {tx('exportVillage')}
        </Button>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {household && account && (
        <div className="office-stats">
          <div className="office-stat">
            <div className="label">{tx('colHead')}</div>
            <div className="value" style={{ fontSize: 22 }} data-user-text>
              {household.headName}
            </div>
            <div style={{ color: '#8a7766' }} data-user-text>
              {household.cardNo} · {household.group}
            </div>
          </div>
          <div className="office-stat">
            <div className="label">{tx('colScore')}</div>
            <div className="value" data-testid="ledger-score">
              {formatPoints(account.score)}
            </div>
          </div>
          <div className="office-stat">
            <div className="label">{tx('homeRedeemed')}</div>
            <div className="value">{formatPoints(account.redeemed)}</div>
          </div>
          <div className="office-stat">
            <div className="label">{tx('colAvailable')}</div>
            <div className="value" data-testid="ledger-available">
              {formatPoints(account.available)}
            </div>
            <NoticeNote notice={notice} testId="ledger-notice" />
          </div>
        </div>
      )}
      {householdId !== undefined && (
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: tx('ledgerEmpty') }}
          pagination={false}
          scroll={{ x: 820 }}
          // Fixed: the figures keep their widths and 事项 takes the rest, instead of shrinking to a character a line.
          tableLayout="fixed"
          onRow={(r) =>
            ({
              'data-testid': 'ledger-row',
              'data-kind': r.kind,
              'data-status': r.status,
              className: r.status === 'approved' ? '' : 'row-muted',
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      <PrintDialog open={printing && !!household} title={tx('printLedger')} onClose={() => setPrinting(false)} testId="ledger-preview">
        {household && <PassbookSheet household={household} items={rows} year={year} villageName={village.name} title={tx('ledgerTitle')} notice={notice} />}
      </PrintDialog>
      <Modal
        open={reversing !== null}
        title={reversing ? tx('reverseTitle', { item: reversing.ruleName ?? '', points: reversing.points }) : ''}
        onCancel={() => setReversing(null)}
        onOk={() => void reverse()}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'ledger-reverse-confirm' }}
        okText={tx('reverse')}
        cancelText={tx('cancel')}
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder={tx('reverseReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="ledger-reverse-reason"
        />
      </Modal>
      <Space />
    </div>
  );
}
