import { DateField } from '../../components/DateField';
import { App as AntApp, Button, Input, InputNumber, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { rejectedChanged } from '../../layout/useRejectedCount';
import { useSignedIn } from '../../session';
import { useOfficeText } from './text';
import './office.css';

type Row = Result<'points.rejected'>['items'][number];
interface Fix {
  row: Row;
  points: number;
  occurredOn: string;
  note: string;
}

/**
 * 驳回待改: the clerk's entries the reviewer rejected, each with the reason. Correcting one writes a
 * NEW entry that points at it (points.resubmit); the rejected entry and its review stay in the ledger.
 */
export function RejectedPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { today } = useSignedIn();
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [fix, setFix] = useState<Fix | null>(null);
  const [busy, setBusy] = useState(false);
  const [fixError, setFixError] = useState<string | null>(null);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      const r = await call('points.rejected', { limit: 500 });
      setRows(r.items);
      setTotal(r.total);
    }, []),
  );

  async function resubmit() {
    if (!fix) return;
    setBusy(true);
    try {
      await call('points.resubmit', {
        entryId: fix.row.id,
        points: fix.points,
        occurredOn: fix.occurredOn,
        note: fix.note.trim(),
      });
      message.success(tx('rejDone'));
      window.dispatchEvent(new Event(rejectedChanged));
      setFix(null);
      setFixError(null);
      await load();
    } catch (e) {
      // A fixed rule refuses a changed value: the reason says so, the dialog stays open.
      setFixError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: tx('colDate'), dataIndex: 'occurredOn', width: 105 },
    {
      title: tx('colHead'),
      key: 'household',
      width: 150,
      render: (_: unknown, r) => (
        <span>
          {r.headName}
          <div style={{ fontSize: 12, color: '#8a7766', fontFamily: 'monospace' }}>{r.cardNo}</div>
        </span>
      ),
    },
    {
      title: tx('colItem'),
      key: 'item',
      render: (_: unknown, r) => (
        <span>
          {r.category && <Tag>{r.category}</Tag>}
          {r.ruleName}
          {r.personName ? `（${r.personName}）` : ''}
          {r.note && <div style={{ fontSize: 12, color: '#8a7766' }}>{r.note}</div>}
        </span>
      ),
    },
    {
      title: tx('rejPoints'),
      dataIndex: 'points',
      width: 80,
      align: 'right',
      render: (v: number) => <b className={`num ${v < 0 ? 'pts-minus' : ''}`}>{formatPoints(v)}</b>,
    },
    {
      title: tx('rejReason'),
      key: 'reason',
      width: 240,
      render: (_: unknown, r) => (
        <span>
          <span style={{ color: '#c0392b' }} data-testid="rejected-reason">
            {r.reason}
          </span>
          <div style={{ fontSize: 12, color: '#8a7766' }}>{tx('rejBy', { name: r.reviewerName, at: r.reviewedAt.slice(0, 10) })}</div>
        </span>
      ),
    },
    {
      title: tx('colActions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, r) => (
        <Button
          size="small"
          type="primary"
          data-testid="rejected-fix"
          onClick={() => {
            setFixError(null);
            setFix({ row: r, points: Math.abs(r.points), occurredOn: r.occurredOn, note: r.note });
          }}
        >
          {tx('rejFix')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-title">{tx('rejTitle')}</div>
      <div style={{ color: '#7c6a5c', marginBottom: 8 }} data-testid="rejected-count">
        {tx('rejCount', { n: total })}
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: tx('rejEmpty') }}
        onRow={(r) => ({ 'data-testid': 'rejected-row', 'data-entry-id': r.id }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={fix !== null}
        title={fix ? tx('rejDialogTitle', { head: fix.row.headName, card: fix.row.cardNo }) : ''}
        onCancel={() => setFix(null)}
        onOk={() => void resubmit()}
        okText={tx('rejSubmit')}
        cancelText={tx('cancel')}
        okButtonProps={{ loading: busy, 'data-testid': 'rejected-submit' }}
        destroyOnHidden
      >
        {fix && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div style={{ color: '#7c6a5c' }}>{tx('rejOriginal', { rule: fix.row.ruleName, points: fix.row.points, date: fix.row.occurredOn })}</div>
            <div style={{ color: '#c0392b' }}>
              {tx('rejReason')}：{fix.row.reason}
            </div>
            <ErrorBanner text={fixError} onClose={() => setFixError(null)} />
            <label>
              {tx('rejPoints')}
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                value={fix.points}
                onChange={(v) => setFix({ ...fix, points: v ?? 0 })}
                style={{ width: '100%' }}
                data-testid="rejected-points"
              />
            </label>
            <label>
              {tx('rejDate')}
              <DateField
                max={today}
                value={fix.occurredOn}
                onChange={(occurredOn) => setFix({ ...fix, occurredOn })}
                testId="rejected-date"
                style={{ width: '100%' }}
              />
            </label>
            <label>
              {tx('rejNote')}
              <Input.TextArea
                rows={2}
                maxLength={200}
                value={fix.note}
                onChange={(e) => setFix({ ...fix, note: e.target.value })}
                data-testid="rejected-note"
              />
            </label>
          </Space>
        )}
      </Modal>
    </div>
  );
}
