import { App as AntApp, Button, Drawer, Popconfirm, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ReceiptPaper } from '../../components/ReceiptPaper';
import { useI18n } from '../../i18n/I18nProvider';
import { normalizeLines, type PaperLine } from '../../receipt/receipt-lines';
import { formatCloseNo } from '@shared/print/close-layout';
import { useSignedIn } from '../../session';
import { localTime, useSyncText } from './text';

type Close = Result<'day.closes'>['items'][number];

/** 日结: close the day (numbered, final), print the slip, reprint an earlier one. */
export function DayClosePage() {
  const tx = useSyncText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { village, counterId } = useSignedIn();
  const [items, setItems] = useState<Close[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ close: Close; lines: PaperLine[]; width: number } | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await call('day.closes', { counterId, limit: 100 })).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [counterId, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  async function print(c: Close, reprint: boolean) {
    try {
      await call('day.printClose', { closeNo: c.closeNo, counterId: c.counterId, reprint });
      message.success(tx('printed'));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function close() {
    setBusy(true);
    try {
      const c = await call('day.close', {});
      message.success(tx('closed', { no: c.closeNo, count: c.count, points: c.points }));
      setError(null);
      await load();
      await show(c, false);
      // Printing is a second step: a missing printer never undoes a close.
      await print(c, false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function show(c: Close, reprint: boolean) {
    try {
      const p = await call('day.closePreview', { closeNo: c.closeNo, counterId: c.counterId, reprint });
      setPreview({ close: c, lines: normalizeLines(p.lines), width: p.width });
    } catch (e) {
      setError(errorText(e));
    }
  }

  const when = (iso: string) => localTime(iso, village.timeZone);
  return (
    <div className="page" data-testid="day-close-page">
      <div className="page-title">{tx('dayCloseTitle')}</div>
      <p style={{ color: '#666' }}>{tx('dayCloseHint')}</p>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Space style={{ marginBottom: 12 }}>
        <Popconfirm title={tx('closeConfirm')} okText={tx('ok')} cancelText={tx('cancel')} onConfirm={() => void close()}>
          <Button type="primary" size="large" loading={busy} data-testid="day-close">
            {tx('doClose')}
          </Button>
        </Popconfirm>
        <Button onClick={() => void load()}>{tx('refresh')}</Button>
      </Space>
      <Table<Close>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={items}
        data-testid="day-closes"
        columns={[
          { title: tx('colCloseNo'), width: 100, render: (_, c) => formatCloseNo(c.counterId, c.closeNo) },
          { title: tx('colFrom'), dataIndex: 'from', width: 140, render: when },
          { title: tx('colTo'), dataIndex: 'to', width: 140, render: when },
          { title: tx('colCount'), dataIndex: 'count', width: 70 },
          { title: tx('colPoints'), dataIndex: 'points', width: 80 },
          { title: tx('colVoids'), width: 90, render: (_, c) => `${c.voids}（${c.voidPoints}）` },
          { title: tx('colFirstLast'), render: (_, c) => (c.firstReceiptNo ? `${c.firstReceiptNo} / ${c.lastReceiptNo}` : '—') },
          { title: tx('colUser'), dataIndex: 'userName', width: 90 },
          {
            title: tx('colActions'),
            width: 150,
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => void show(c, true)}>
                  {tx('preview')}
                </Button>
                <Button size="small" onClick={() => void print(c, true)} data-testid={`reprint-close-${c.closeNo}`}>
                  {tx('reprint')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={!!preview}
        onClose={() => setPreview(null)}
        title={preview ? `${tx('dayCloseTitle')} ${preview.close.counterId}-${preview.close.closeNo}` : ''}
        size="large"
      >
        {preview && <ReceiptPaper lines={preview.lines} width={preview.width} testId="day-close-preview" />}
      </Drawer>
    </div>
  );
}
