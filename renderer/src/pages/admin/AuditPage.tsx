import { Alert, Button, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, type Result } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { villageDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { downloadBase64, downloadText } from '../../download';
import { actionName, actionOptions } from './audit-actions';
import { readableSummary } from './audit-summary';
import { useAdminText } from './text';

type Item = Result<'audit.list'>['items'][number];
interface Filter {
  from: string;
  to: string;
  userId?: number;
  method?: string;
}

/** audit.list's filter takes "area.verb" only, so the few three-part names cannot be chosen. */
const filterable = (method: string) => /^[a-zA-Z]+\.[a-zA-Z]+$/.test(method);

/** The summary in the language; what it quotes from the record (names, reasons) is marked as the village's data. */
function Summary({ summary }: { summary: string }) {
  const { lang } = useI18n();
  return (
    <>
      {readableSummary(summary, lang).map((p, i) =>
        p.value ? (
          <span key={i} data-user-text translate="no">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The append-only audit log: filter by dates (village dates, inclusive), user and operation; export the same selection. */
export function AuditPage() {
  const tx = useAdminText();
  const { errorText, lang } = useI18n();
  const { today, village } = useSignedIn();
  const [filter, setFilter] = useState<Filter>({ from: today, to: today });
  const actions = useMemo(() => actionOptions(lang).filter((o) => filterable(o.value)), [lang]);
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
      method: f.method,
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
          {tx('auditFrom')} <DateField allowClear value={filter.from} onChange={(from) => setFilter({ ...filter, from })} testId="audit-from" />
        </span>
        <span>
          {tx('auditTo')} <DateField allowClear value={filter.to} onChange={(to) => setFilter({ ...filter, to })} testId="audit-to" />
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
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={tx('auditMethod')}
          style={{ width: 200 }}
          options={actions}
          value={filter.method}
          onChange={(method?: string) => setFilter({ ...filter, method })}
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
        expandable={{
          expandedRowRender: (i) => (
            <div>
              <div style={{ color: '#888' }}>{tx('auditRaw')}</div>
              <pre className="audit-raw" data-user-text translate="no">
                {i.method}
                {'\n'}
                {i.summary}
              </pre>
            </div>
          ),
        }}
        columns={[
          {
            title: tx('colAt'),
            dataIndex: 'at',
            width: 140,
            render: (at: string) => villageDateTime(at, village.timeZone),
          },
          {
            title: tx('colUser'),
            width: 150,
            render: (_, i) =>
              i.userName ? (
                <span data-user-text translate="no">
                  {i.userName} ({i.username})
                </span>
              ) : (
                '—'
              ),
          },
          { title: tx('colMethod'), dataIndex: 'method', width: 150, render: (m: string) => <span title={m}>{actionName(m, lang)}</span> },
          { title: tx('colSummary'), dataIndex: 'summary', render: (summary: string) => <Summary summary={summary} /> },
        ]}
      />
    </div>
  );
}
