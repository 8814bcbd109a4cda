import { CheckOutlined, CloseOutlined, PictureOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Image, Input, Modal, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { useOfficeText } from './text';
import './office.css';

type Row = Result<'points.pending'>['items'][number];

/** 监督审核: the queue, oldest first; approve or reject (with a reason) one or many. */
export function ReviewPage() {
  const tx = useOfficeText();
  const { errorText, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { user } = useSignedIn();
  const canReview = hasRole(user, 'reviewer');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<number[] | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [photos, setPhotos] = useState<{ entry: Row; srcs: string[] | null } | null>(null);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      const r = await call('points.pending', { limit: 1000 });
      setRows(r.items);
      setTotal(r.total);
      setSelected((cur) => cur.filter((id) => r.items.some((i) => i.id === id)));
    }, []),
  );

  async function review(entryIds: number[], decision: 'approve' | 'reject', why?: string) {
    setBusy(true);
    try {
      const r = await call('points.review', { entryIds, decision, ...(why ? { reason: why } : {}) });
      message.success(tx('reviewedN', { n: r.reviewed }));
      setRejecting(null);
      setReason('');
      setError(null);
      setSelected([]);
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function showPhotos(entry: Row) {
    setPhotos({ entry, srcs: null });
    try {
      const { items } = await call('points.photos', { entryId: entry.id });
      const srcs = await Promise.all(
        items.map(async (p) => {
          const full = await call('points.photo', { id: p.id });
          return `data:${full.mime};base64,${full.imageBase64}`;
        }),
      );
      setPhotos((cur) => (cur?.entry.id === entry.id ? { entry, srcs } : cur));
    } catch (e) {
      setError(errorText(e));
      setPhotos(null);
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: tx('colDate'), dataIndex: 'occurredOn', width: 104 },
    {
      title: tx('colHead'),
      dataIndex: 'headName',
      width: 140,
      render: (_: unknown, r) => (
        <div>
          <div style={{ fontWeight: 600 }}>{r.headName}</div>
          <div style={{ fontSize: 12, color: '#8a7766' }}>
            {r.cardNo} · {r.group}
          </div>
        </div>
      ),
    },
    {
      // The member and the note ride under the item, as on the ledger: on a 1024 px screen, columns of their
      // own squeezed 事项 to one character a line.
      title: tx('colItem'),
      dataIndex: 'ruleName',
      render: (v: string, r) => (
        <span>
          <Tag>{r.category}</Tag>
          {v}
          {r.personName && (
            <>
              {lang === 'zh' ? '（' : ' ('}
              <span data-user-text>{r.personName}</span>
              {lang === 'zh' ? '）' : ')'}
            </>
          )}
          {r.note && (
            <div className="review-note" title={r.note} data-user-text>
              {r.note}
            </div>
          )}
        </span>
      ),
    },
    {
      title: tx('colPoints'),
      dataIndex: 'points',
      width: 72,
      align: 'right',
      render: (v: number) => <span className={v > 0 ? 'pts-plus' : 'pts-minus'}>{v > 0 ? `+${v}` : v}</span>,
    },
    {
      title: tx('colRecorder'),
      dataIndex: 'recorderName',
      width: 120,
      render: (v: string, r) => (
        <span>
          {v}{' '}
          {r.mine && (
            <Tooltip title={tx('mineHint')}>
              <Tag color="gold">{tx('mineTag')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: tx('colPhotos'),
      dataIndex: 'photos',
      width: 76,
      render: (n: number, r) =>
        n > 0 ? (
          <Button size="small" icon={<PictureOutlined />} onClick={() => void showPhotos(r)} data-testid="review-photos">
            {n}
          </Button>
        ) : null,
    },
  ];
  if (canReview) {
    columns.push({
      title: tx('colActions'),
      key: 'a',
      width: 144,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" type="primary" disabled={r.mine || busy} data-testid="review-approve-one" onClick={() => void review([r.id], 'approve')}>
            {tx('approve')}
          </Button>
          <Button size="small" danger disabled={r.mine || busy} data-testid="review-reject-one" onClick={() => setRejecting([r.id])}>
            {tx('reject')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <div className="page">
      <div className="page-title">
        {tx('reviewTitle')}{' '}
        <Tag color={total ? 'orange' : 'green'} data-testid="review-total">
          {total}
        </Tag>
        <span style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} />
      </div>
      {canReview && (
        <div className="office-toolbar">
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!selected.length}
            loading={busy}
            data-testid="review-approve"
            onClick={() => void review(selected, 'approve')}
          >
            {tx('approveSelected', { n: selected.length })}
          </Button>
          <Button danger icon={<CloseOutlined />} disabled={!selected.length} data-testid="review-reject" onClick={() => setRejecting(selected)}>
            {tx('rejectSelected', { n: selected.length })}
          </Button>
        </div>
      )}
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: tx('reviewEmpty') }}
        pagination={rows.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
        rowSelection={
          canReview
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (r) => ({ disabled: r.mine }),
              }
            : undefined
        }
        onRow={(r) => ({ 'data-testid': 'review-row', 'data-card-no': r.cardNo }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={rejecting !== null}
        title={tx('rejectTitle', { n: rejecting?.length ?? 0 })}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && reason.trim() && void review(rejecting, 'reject', reason.trim())}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'review-reject-confirm' }}
        okText={tx('reject')}
        cancelText={tx('cancel')}
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder={tx('rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="review-reject-reason"
        />
      </Modal>
      <Modal open={photos !== null} title={tx('photosTitle')} footer={null} onCancel={() => setPhotos(null)} width={720}>
        {photos?.srcs ? (
          <Image.PreviewGroup>
            <Space wrap>
              {photos.srcs.map((s, i) => (
                <Image key={i} src={s} width={200} />
              ))}
            </Space>
          </Image.PreviewGroup>
        ) : null}
      </Modal>
    </div>
  );
}
