import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Drawer, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../api/client';
import { isApiError, isSupervisorFailure } from '../api/errors';
import { DateField } from '../components/DateField';
import { ErrorBanner } from '../components/ErrorBanner';
import { usePageLoad } from '../components/page-hooks';
import { PrintReceipt } from '../components/PrintReceipt';
import { ReceiptPaper } from '../components/ReceiptPaper';
import { SupervisorDialog, type SupervisorInput } from '../components/SupervisorDialog';
import { dateWithWeekday, formatPoints, villageTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { normalizeLines, type PaperLine } from '../receipt/receipt-lines';
import { hasRole, useSignedIn } from '../session';
import './today.css';
import { matchesRedemption } from './today-search';
import { useTodayText } from './today-text';

type Row = Result<'redemptions.list'>['items'][number];

export function TodayPage() {
  const { t, errorText, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { user, village } = useSignedIn();
  const canAct = hasRole(user, 'shopkeeper');
  const tt = useTodayText();
  const [date, setDate] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  // null follows the village's today, so a page left open past midnight moves on with it.
  const [picked, setPicked] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'warning'; text: string } | null>(null);
  const [voiding, setVoiding] = useState<Row | null>(null);
  const [voidState, setVoidState] = useState<{ error: string | null; busy: boolean }>({ error: null, busy: false });
  const [preview, setPreview] = useState<{ row: Row; lines: PaperLine[] | null; width: number } | null>(null);
  const [reprinting, setReprinting] = useState<number | null>(null);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      // "Today" is the server's village date, read fresh: the page may stay open past midnight.
      const { today } = await call('auth.me', {});
      const day = picked ?? today;
      const { items } = await call('redemptions.list', { date: day, limit: 500 });
      setToday(today);
      setDate(day);
      setRows(items);
    }, [picked]),
  );

  async function showPreview(row: Row) {
    setPreview({ row, lines: null, width: 32 });
    try {
      const p = await call('receipts.preview', { redemptionId: row.id });
      setPreview((cur) => (cur?.row.id === row.id ? { row, lines: normalizeLines(p.lines), width: p.width } : cur));
    } catch (e) {
      setPreview((cur) => (cur?.row.id === row.id ? { row, lines: normalizeLines([errorText(e)]), width: 32 } : cur));
    }
  }

  // A browser printer: the server hands the slip over for the print dialog.
  const [browserPrint, setBrowserPrint] = useState<{ id: number; lines: PaperLine[]; width: number } | null>(null);
  const toBrowser = (r: { via: string; jobId: number; lines?: unknown[]; width?: number }) => {
    if (r.via === 'browser' && r.lines) setBrowserPrint({ id: r.jobId, lines: normalizeLines(r.lines as PaperLine[]), width: r.width ?? 32 });
  };

  async function reprint(row: Row) {
    setReprinting(row.id);
    try {
      // A voided receipt can only be printed as its void slip.
      const r = row.voided ? await call('receipts.printVoid', { redemptionId: row.id }) : await call('receipts.print', { redemptionId: row.id });
      toBrowser(r);
      message.success(t('reprinted', { no: row.receiptNo }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReprinting(null);
    }
  }

  async function doVoid(row: Row, v: SupervisorInput) {
    setVoidState({ error: null, busy: true });
    let result: Result<'redemptions.void'>;
    try {
      result = await call('redemptions.void', { id: row.id, reason: v.reason, supervisorUsername: v.supervisorUsername, supervisorPin: v.supervisorPin });
    } catch (e) {
      const code = isApiError(e) ? e.code : 'INTERNAL';
      if (isSupervisorFailure(e) || code === 'INVALID_INPUT') {
        setVoidState({ error: errorText(e), busy: false });
      } else {
        setVoidState({ error: null, busy: false });
        setVoiding(null);
        setError(errorText(e));
        void load();
      }
      return;
    }
    setVoidState({ error: null, busy: false });
    setVoiding(null);
    const done = t('voided', { no: row.receiptNo, name: row.headName, n: formatPoints(result.account.available) });
    setNotice({ type: 'success', text: done });
    setError(null);
    try {
      toBrowser(await call('receipts.printVoid', { redemptionId: row.id }));
    } catch (e) {
      // The void stands whether or not its slip prints.
      setNotice({ type: 'warning', text: `${done}${lang === 'zh' ? '。' : '. '}${t('voidSlipFailed', { msg: errorText(e) })}` });
    }
    void load();
    if (preview?.row.id === row.id) void showPreview({ ...row, voided: true });
  }

  const live = rows.filter((r) => !r.voided);
  const shown = rows.filter((r) => matchesRedemption(r, query));
  const onToday = date !== null && date === today;
  const columns: TableColumnsType<Row> = [
    { title: t('colReceiptNo'), dataIndex: 'receiptNo', width: 158, render: (v: string) => <b style={{ fontFamily: 'monospace', fontSize: 14 }}>{v}</b> },
    { title: t('colTime'), dataIndex: 'at', width: 84, render: (v: string) => villageTime(v, village.timeZone) },
    {
      title: t('colHousehold'),
      dataIndex: 'headName',
      width: 130,
      render: (_: unknown, r) => (
        <div>
          <div style={{ fontWeight: 600 }}>{r.headName}</div>
          <div style={{ fontSize: 12, color: '#8a7766' }}>{r.cardNo}</div>
        </div>
      ),
    },
    {
      title: t('colItems'),
      dataIndex: 'summary',
      ellipsis: true,
      render: (v: string, r) => (
        <span>
          {r.kind === 'service' && <Tag color="blue">{t('serviceKind')}</Tag>}
          {v}
        </span>
      ),
    },
    {
      title: t('colPoints'),
      dataIndex: 'totalPoints',
      width: 80,
      align: 'right',
      render: (v: number, r) => (
        <b style={{ fontSize: 16, textDecoration: r.voided ? 'line-through' : undefined, color: r.voided ? '#a89684' : '#c2410c' }}>{v}</b>
      ),
    },
    {
      title: t('colStatus'),
      dataIndex: 'voided',
      width: 90,
      render: (v: boolean, r) =>
        v ? (
          <Tag color="red" data-testid="voided-tag" title={r.voidReason ?? ''}>
            {t('statusVoided')}
          </Tag>
        ) : (
          <Tag color="green">{t('statusOk')}</Tag>
        ),
    },
    // The cashier matters least at a glance: below 1200 px 物品 gets that room and 作废 stays in view.
    { title: t('colOperator'), dataIndex: 'operatorName', width: 120, ellipsis: true, responsive: ['xl'] },
  ];
  columns.push({
    title: t('colActions'),
    key: 'actions',
    width: canAct ? 190 : 80,
    render: (_: unknown, r) => (
      <Space size={6}>
        <Button size="small" type="link" data-testid="preview-button" style={{ paddingInline: 2 }} onClick={() => void showPreview(r)}>
          {t('view')}
        </Button>
        {canAct && (
          <>
            <Button size="small" data-testid="reprint-button" loading={reprinting === r.id} onClick={() => void reprint(r)}>
              {t('reprint')}
            </Button>
            <Button
              size="small"
              danger
              data-testid="void-button"
              disabled={r.voided}
              onClick={() => {
                setError(null);
                setVoidState({ error: null, busy: false });
                setVoiding(r);
              }}
            >
              {t('void')}
            </Button>
          </>
        )}
      </Space>
    ),
  });

  return (
    <div className="page">
      <div>
        <div className="page-title">
          {date === null || onToday ? t('todayTitle') : tt('dayTitle')}
          {date && <span style={{ fontSize: 15, fontWeight: 400, color: '#7c6a5c' }}>{dateWithWeekday(date, t('weekdays'))}</span>}
          <span style={{ flex: 1 }} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading} data-testid="today-refresh">
            {t('refresh')}
          </Button>
        </div>
        <div className="today-toolbar">
          <DateField
            testId="today-day"
            // The day asked for, not the day loaded: a picker given the old day while the list loads would put it back.
            value={picked ?? today ?? ''}
            max={today ?? undefined}
            onChange={(day) => setPicked(day === today ? null : day)}
          />
          {!onToday && date && (
            <Button data-testid="today-back" onClick={() => setPicked(null)}>
              {tt('backToToday')}
            </Button>
          )}
          <Input
            data-testid="today-search"
            className="today-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={tt('search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div style={{ marginBottom: 10, color: '#5b4a3c' }} data-testid="today-summary">
          {t('todaySummary', { count: live.length, points: formatPoints(live.reduce((s, r) => s + r.totalPoints, 0)), voids: rows.length - live.length })}
          {query.trim() && <span data-testid="today-shown"> · {tt('shown', { n: shown.length })}</span>}
        </div>
        <Space orientation="vertical" style={{ width: '100%', marginBottom: error || notice ? 10 : 0 }}>
          <ErrorBanner text={error} onClose={() => setError(null)} />
          <PrintReceipt job={browserPrint} onPrinted={() => undefined} />
          {notice && <Alert data-testid="void-result" type={notice.type} showIcon title={notice.text} closable={{ onClose: () => setNotice(null) }} />}
        </Space>
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={loading && rows.length === 0}
          pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: query.trim() ? tt('noMatch', { q: query.trim() }) : onToday ? t('noRedemptionsToday') : tt('noneOnDay', { date: date ?? '' }) }}
          rowClassName={(r) => (preview?.row.id === r.id ? 'ant-table-row-selected' : '')}
          onRow={(r) =>
            ({
              'data-testid': 'today-row',
              'data-receipt-no': r.receiptNo,
              style: { opacity: r.voided ? 0.7 : 1 },
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      <Drawer
        open={preview !== null}
        onClose={() => setPreview(null)}
        title={preview ? `${t('receiptPreview')} · ${preview.row.receiptNo}` : ''}
        size={400}
        mask={{ closable: true }}
        styles={{ body: { padding: 0 } }}
      >
        <div className="receipt-scroll" style={{ minHeight: '100%', borderRadius: 0 }}>
          {preview?.lines ? (
            <ReceiptPaper lines={preview.lines} width={preview.width} testId="today-preview" />
          ) : (
            <div className="receipt-empty">{t('loading')}</div>
          )}
        </div>
      </Drawer>
      <SupervisorDialog
        open={voiding !== null}
        title={voiding ? t('voidTitle', { no: voiding.receiptNo }) : ''}
        help={voiding ? `${voiding.headName} · ${voiding.summary} · ${voiding.totalPoints} ${t('points')}${lang === 'zh' ? '。' : '. '}${t('voidHelp')}` : ''}
        reasonLabel={t('voidReason')}
        okText={t('voidConfirm')}
        error={voidState.error}
        busy={voidState.busy}
        reasonFirst
        testIds={{ reason: 'void-reason', username: 'supervisor-username', pin: 'supervisor-pin', ok: 'void-confirm' }}
        onSubmit={(v) => voiding && void doVoid(voiding, v)}
        onCancel={() => setVoiding(null)}
      />
    </div>
  );
}
