import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { downloadBase64, downloadText } from '../../download';
import { useAdminText } from './text';

type Item = Result<'audit.list'>['items'][number];
interface Filter {
  from: string;
  to: string;
  userId?: number;
  method: string;
}

/** The append-only audit log: filter by dates (village dates, inclusive), user and operation; export the same selection. */
export function AuditPage() {
  const tx = useAdminText();
  const { errorText } = useI18n();
  const { today, village } = useSignedIn();
  const [filter, setFilter] = useState<Filter>({ from: today, to: today, method: '' });
  const [users, setUsers] = useState<{ value: number; label: string }[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const params = useCallback(
    (f: Filter) => ({
      from: f.from || undefined,
      to: f.to || undefined,
      userId: f.userId,
      method: f.method.trim() || undefined,
    }),
    [],
  );

  const search = useCallback(
    async (f: Filter) => {
      setBusy(true);
      try {
        const r = await call('audit.list', { ...params(f), limit: 1000 });
        setItems(r.items);
        setTruncated(r.truncated);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [params, errorText],
  );

  useEffect(() => {
    void search(filter);
    call('users.list', {}).then(
      (r) => setUsers(r.items.map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))),
      () => {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function exportAs(format: 'xlsx' | 'csv') {
    setBusy(true);
    try {
      const r = await call('audit.export', { ...params(filter), format });
      if ('csv' in r && r.csv !== undefined) downloadText(r.csv, r.fileName);
      else if ('xlsxBase64' in r && r.xlsxBase64 !== undefined) downloadBase64(r.xlsxBase64, r.fileName);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <div className="page-title">{tx('auditTitle')}</div>
      <p style={{ color: '#666' }}>{tx('auditHint')}</p>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>
          {tx('auditFrom')}{' '}
          <Input
            type="date"
            style={{ width: 150 }}
            value={filter.from}
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
            data-testid="audit-from"
          />
        </span>
        <span>
          {tx('auditTo')}{' '}
          <Input type="date" style={{ width: 150 }} value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} data-testid="audit-to" />
        </span>
        <Select
          allowClear
          placeholder={tx('auditAllUsers')}
          style={{ width: 200 }}
          options={users}
          value={filter.userId}
          onChange={(userId) => setFilter({ ...filter, userId })}
          data-testid="audit-user"
        />
        <Input
          placeholder={tx('auditMethod')}
          style={{ width: 220 }}
          value={filter.method}
          onChange={(e) => setFilter({ ...filter, method: e.target.value })}
          data-testid="audit-method"
        />
        <Button type="primary" loading={busy} onClick={() => void search(filter)} data-testid="audit-search">
          {tx('auditSearch')}
        </Button>
        <Button onClick={() => void exportAs('xlsx')} disabled={busy} data-testid="audit-export-xlsx">
          {tx('auditExportXlsx')}
        </Button>
        <Button onClick={() => void exportAs('csv')} disabled={busy} data-testid="audit-export-csv">
          {tx('auditExportCsv')}
        </Button>
      </Space>
      {truncated && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={tx('auditTruncated', { n: items.length })} />}
      <Table<Item>
        rowKey="id"
        size="small"
        loading={busy}
        dataSource={items}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="audit-table"
        columns={[
          {
            title: tx('colAt'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: village.timeZone, hour12: false }),
          },
          { title: tx('colUser'), width: 140, render: (_, i) => (i.userName ? `${i.userName} (${i.username})` : '—') },
          { title: tx('colMethod'), dataIndex: 'method', width: 180 },
          { title: tx('colSummary'), dataIndex: 'summary' },
        ]}
      />
    </div>
  );
}
