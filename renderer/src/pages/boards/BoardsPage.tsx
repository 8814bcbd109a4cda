import { DesktopOutlined, FileExcelOutlined, PrinterOutlined, ReloadOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { userDataCell } from '../../i18n/quoted';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { BoardTable, yearOptions, type BoardData } from './shared';
import { downloadBase64 } from '../../download';
import { quarterOfDate } from './slides';
import { villageDateTime, yearName } from '../../format';
import { quarterKey, useBoardText } from './text';

type Publication = Result<'boards.history'>['items'][number];

/** 红黑榜: the quarter's boards as the ledger has them, publish / withdraw (撤榜), history, poster and TV. */
export function BoardsPage() {
  const { b } = useBoardText();
  const { errorText, lang } = useI18n();
  const { user, today, village } = useSignedIn();
  const { message } = AntApp.useApp();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [quarter, setQuarter] = useState<1 | 2 | 3 | 4>(quarterOfDate(today));
  const [data, setData] = useState<BoardData | null>(null);
  const [view, setView] = useState<'published' | 'live'>('published');
  const [history, setHistory] = useState<Publication[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<Publication | null>(null);
  const canPublish = hasRole(user, 'reviewer');
  const isAdmin = user.roles.includes('admin');

  const load = useCallback(async () => {
    try {
      const [d, h] = await Promise.all([call('boards.quarter', { year, quarter }), call('boards.history', { year })]);
      setData(d);
      setHistory(h.items);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [year, quarter, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const published = data?.publication?.board ?? null;
  const board = view === 'published' && published ? published : data;
  const q = b(quarterKey(quarter));

  async function act(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      setPublishOpen(false);
      setWithdrawOpen(false);
      setNote('');
      setView('published');
      await load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function exportExcel() {
    try {
      const x = await call('boards.export', { year, quarter });
      downloadBase64(x.xlsxBase64, x.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function setBasis(basis: 'quarter' | 'ytd') {
    try {
      await call('boards.configure', { basis });
      message.success(b('basisSaved'));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const status = data?.publication ? (
    <Tag color="red" data-testid="board-status">
      {b('statusPublished', { at: villageDateTime(data.publication.at, village.timeZone), by: data.publication.userName })}
    </Tag>
  ) : (
    <Tag data-testid="board-status">{history.some((h) => h.quarter === quarter && h.action === 'withdraw') ? b('statusWithdrawn') : b('statusDraft')}</Tag>
  );

  return (
    <div className="standings" data-testid="boards-page">
      <div className="toolbar">
        <Select
          data-testid="board-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={yearOptions(Number(today.slice(0, 4))).map((y) => ({ value: y, label: yearName(y, lang) }))}
        />
        <Segmented
          data-testid="board-quarter"
          value={quarter}
          onChange={(v) => setQuarter(v as 1 | 2 | 3 | 4)}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: b(quarterKey(n)) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {b('refresh')}
        </Button>
        <span className="grow" />
        {canPublish && !data?.publication && (
          <Button type="primary" danger icon={<SendOutlined />} data-testid="board-publish" onClick={() => setPublishOpen(true)}>
            {b('publish')}
          </Button>
        )}
        {canPublish && data?.publication && (
          <Button icon={<RollbackOutlined />} data-testid="board-withdraw" onClick={() => setWithdrawOpen(true)}>
            {b('withdraw')}
          </Button>
        )}
        <Button
          icon={<PrinterOutlined />}
          data-testid="board-poster"
          onClick={() => {
            window.location.hash = `#/board-poster?year=${year}&quarter=${quarter}`;
          }}
        >
          {b('poster')}
        </Button>
        <Button
          icon={<DesktopOutlined />}
          data-testid="board-display"
          onClick={() => {
            window.location.hash = '#/board-display';
          }}
        >
          {b('display')}
        </Button>
        <Button icon={<FileExcelOutlined />} data-testid="board-export" onClick={() => void exportExcel()}>
          {b('exportExcel')}
        </Button>
      </div>

      <ErrorBanner text={error} onClose={() => setError(null)} />

      {board && (
        <>
          <div className="status-line">
            {status}
            <span className="muted">
              {board.basis === 'ytd' ? b('basisYtd') : b('basisQuarter')} · {b('period', { from: board.from, to: board.to })}
            </span>
            <span className="muted">{b('tieNote')}</span>
            {published && (
              <Segmented
                size="small"
                value={view}
                onChange={(v) => setView(v as 'published' | 'live')}
                options={[
                  { value: 'published', label: b('showPublished') },
                  { value: 'live', label: b('showLive') },
                ]}
                data-testid="board-view"
              />
            )}
            {isAdmin && (
              <Space size={6}>
                <span className="muted">{b('basisSetting')}</span>
                <Select
                  size="small"
                  value={data?.basis}
                  style={{ width: 190 }}
                  data-testid="board-basis"
                  onChange={(v) => void setBasis(v)}
                  options={[
                    { value: 'quarter', label: b('basisQuarter') },
                    { value: 'ytd', label: b('basisYtd') },
                  ]}
                />
              </Space>
            )}
          </div>
          <div className="boards-grid">
            <BoardTable kind="red" rows={board.red} />
            <BoardTable kind="black" rows={board.black} />
          </div>
        </>
      )}

      <div>
        <h3 style={{ margin: '8px 0' }}>{b('history')}</h3>
        <Table
          size="small"
          rowKey="id"
          data-testid="board-history"
          dataSource={history}
          pagination={false}
          locale={{ emptyText: b('historyEmpty') }}
          columns={[
            { title: b('at'), dataIndex: 'at', render: (at: string) => villageDateTime(at, village.timeZone), width: 170 },
            { title: b('quarter'), render: (_: unknown, p: Publication) => `${p.year} ${b(quarterKey(p.quarter))}`, width: 150 },
            {
              title: '',
              render: (_: unknown, p: Publication) =>
                p.action === 'publish' ? (
                  <Tag color={p.withdrawn ? 'default' : 'red'}>
                    {b('actionPublish')}
                    {p.withdrawn ? ` · ${b('withdrawn')}` : ''}
                  </Tag>
                ) : (
                  <Tag color="gold">{b('actionWithdraw')}</Tag>
                ),
              width: 150,
            },
            { title: b('by'), dataIndex: 'userName', width: 110, onCell: userDataCell },
            { title: b('reason'), dataIndex: 'reason', onCell: userDataCell },
            {
              title: '',
              width: 100,
              render: (_: unknown, p: Publication) =>
                p.board ? (
                  <Button size="small" onClick={() => setShown(p)}>
                    {b('viewBoard')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </div>

      <Modal
        open={publishOpen}
        title={b('publish')}
        onCancel={() => setPublishOpen(false)}
        confirmLoading={busy}
        okText={b('publish')}
        okButtonProps={{ danger: true, 'data-testid': 'publish-ok' } as never}
        onOk={() => void act(() => call('boards.publish', { year, quarter, note: note || undefined }), b('published'))}
      >
        <p>{b('publishConfirm', { year, quarter: q })}</p>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={b('publishNote')} maxLength={200} data-testid="publish-note" />
      </Modal>

      <Modal
        open={withdrawOpen}
        title={b('withdrawTitle', { year, quarter: q })}
        onCancel={() => setWithdrawOpen(false)}
        confirmLoading={busy}
        okText={b('withdraw')}
        okButtonProps={{ disabled: !note.trim(), 'data-testid': 'withdraw-ok' } as never}
        onOk={() => void act(() => call('boards.withdraw', { year, quarter, reason: note.trim() }), b('withdrawn'))}
      >
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={b('withdrawReason')}
          maxLength={200}
          data-testid="withdraw-reason"
        />
      </Modal>

      <Modal
        open={shown !== null}
        width={960}
        footer={null}
        onCancel={() => setShown(null)}
        title={shown ? `${shown.year} ${b(quarterKey(shown.quarter))} · ${villageDateTime(shown.at, village.timeZone)} · ${shown.userName}` : ''}
      >
        {shown?.board && (
          <div className="boards-grid">
            <BoardTable kind="red" rows={shown.board.red} />
            <BoardTable kind="black" rows={shown.board.black} />
          </div>
        )}
      </Modal>
    </div>
  );
}
