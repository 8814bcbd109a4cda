import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { formatYuan, monthRange, parseYuan } from './money';
import { downloadBase64 } from '../../download';
import { PeriodPicker, PrintPreview, Signatures } from './shared';
import { useStockText } from './text';

type Report = Result<'reports.settlement'>;
type Row = Report['items'][number];

const yuanOrDash = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

function SettlementSheet({ r, village }: { r: Report; village: string }) {
  const { s } = useStockText();
  return (
    <>
      <h1>{s('settlementSheet', { village })}</h1>
      <div className="doc-meta">
        <span>{s('period', { from: r.from, to: r.to })}</span>
        <span>
          {s('rate')}：{r.fenPerPoint === null ? s('rateUnset') : `${formatYuan(r.fenPerPoint)} ${s('yuan')}`}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{s('provider')}</th>
            <th>{s('service')}</th>
            <th className="n">{s('serviceCount')}</th>
            <th className="n">{s('points')}</th>
            <th className="n">{s('valueYuan')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.flatMap((p) => [
            ...p.services.map((sv, i) => (
              <tr key={`${p.providerId}-${sv.itemId}`}>
                {i === 0 && <td rowSpan={p.services.length + 1}>{p.providerName}</td>}
                <td>{sv.name}</td>
                <td className="n">{sv.count}</td>
                <td className="n">{sv.points}</td>
                <td className="n">{yuanOrDash(sv.valueFen)}</td>
              </tr>
            )),
            <tr key={`${p.providerId}-sum`} className="total">
              <td>{s('total')}</td>
              <td className="n">{p.count}</td>
              <td className="n">{p.points}</td>
              <td className="n">{yuanOrDash(p.valueFen)}</td>
            </tr>,
          ])}
          <tr className="total">
            <td colSpan={2}>{s('total')}</td>
            <td className="n">{r.totals.count}</td>
            <td className="n">{r.totals.points}</td>
            <td className="n">{yuanOrDash(r.totals.valueFen)}</td>
          </tr>
        </tbody>
      </table>
      <Signatures keys={['signShop', 'signCheck', 'signLeader']} />
    </>
  );
}

export function SettlementPage() {
  const { s } = useStockText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { user, village, today } = useSignedIn();
  const isAdmin = user.roles.includes('admin');
  const [period, setPeriod] = useState(() => monthRange(today.slice(0, 7)));
  const [report, setReport] = useState<Report | null>(null);
  const [rate, setRate] = useState('');
  const [printing, setPrinting] = useState(false);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      const r = await call('reports.settlement', period);
      setReport(r);
      setRate(r.fenPerPoint === null ? '' : formatYuan(r.fenPerPoint));
    }, [period]),
  );

  async function saveRate() {
    const fen = rate.trim() === '' ? null : parseYuan(rate);
    if (rate.trim() !== '' && fen === null) return setError(s('badRate'));
    try {
      await call('reports.setPointValue', { fenPerPoint: fen });
      message.success(fen === null ? s('saved') : s('rateSaved', { v: formatYuan(fen) }));
      void load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function exportXlsx() {
    try {
      const x = await call('reports.settlementExport', period);
      downloadBase64(x.xlsxBase64, x.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const columns: TableColumnsType<Row> = [
    { title: s('provider'), dataIndex: 'providerName', render: (v: string) => <b>{v}</b> },
    { title: s('serviceCount'), dataIndex: 'count', width: 110, align: 'right', render: (v: number) => <span data-testid="settlement-count">{v}</span> },
    { title: s('points'), dataIndex: 'points', width: 110, align: 'right', render: (v: number) => <b data-testid="settlement-points">{v}</b> },
    {
      title: s('valueYuan'),
      dataIndex: 'valueFen',
      width: 130,
      align: 'right',
      render: (v: number | null) => <span data-testid="settlement-value">{yuanOrDash(v)}</span>,
    },
  ];
  const detail = (p: Row) => (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div>
        <div style={{ fontWeight: 600, marginBottom: 4 }}>{s('byService')}</div>
        {p.services.map((sv) => (
          <div key={sv.itemId} data-testid="settlement-service">
            {sv.name}：{sv.count} {s('times')} · {sv.points} {s('pointsUnit')}
            {sv.valueFen !== null && ` · ${formatYuan(sv.valueFen)} ${s('yuan')}`}
          </div>
        ))}
      </div>
      <div>
        <div style={{ fontWeight: 600, marginBottom: 4 }}>{s('byMonth')}</div>
        {p.months.map((m) => (
          <div key={m.month}>
            {m.month}：{m.count} {s('times')} · {m.points} {s('pointsUnit')}
            {m.valueFen !== null && ` · ${formatYuan(m.valueFen)} ${s('yuan')}`}
          </div>
        ))}
      </div>
    </div>
  );

  return (
    <div className="page">
      <div className="page-title">{s('settlementTitle')}</div>
      <div className="toolbar">
        <PeriodPicker value={period} onChange={setPeriod} testId="settlement" />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {s('refresh')}
        </Button>
        <span className="grow" />
        <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="settlement-export">
          {s('exportExcel')}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!report} onClick={() => setPrinting(true)} data-testid="settlement-print">
          {s('print')}
        </Button>
      </div>
      <div className="toolbar" title={s('rateHelp')}>
        <span>{s('rate')}：</span>
        {isAdmin ? (
          <>
            <Input
              style={{ width: 130 }}
              inputMode="decimal"
              suffix={s('yuan')}
              placeholder={s('rateUnset')}
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              data-testid="settlement-rate"
            />
            <Button onClick={() => void saveRate()} data-testid="settlement-rate-save">
              {s('rateSave')}
            </Button>
          </>
        ) : (
          <b data-testid="settlement-rate-text">{report?.fenPerPoint == null ? s('rateUnset') : `${formatYuan(report.fenPerPoint)} ${s('yuan')}`}</b>
        )}
        <span style={{ color: '#8a7766', fontSize: 13 }}>{s('rateHelp')}</span>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<Row>
        rowKey={(r) => String(r.providerId)}
        size="middle"
        loading={loading && !report}
        columns={columns}
        dataSource={report?.items ?? []}
        pagination={false}
        expandable={{ expandedRowRender: detail, defaultExpandAllRows: true }}
        locale={{ emptyText: s('noData') }}
        onRow={(r) => ({ 'data-testid': 'settlement-row', 'data-provider-id': r.providerId ?? 'none' }) as React.HTMLAttributes<HTMLElement>}
        summary={() =>
          report && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <b>{s('total')}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <b>{report.totals.count}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <b data-testid="settlement-total-points">{report.totals.points}</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <b data-testid="settlement-total-value">{yuanOrDash(report.totals.valueFen)}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <PrintPreview open={printing} title={s('settlementTitle')} onClose={() => setPrinting(false)} testId="settlement-sheet">
        {report && <SettlementSheet r={report} village={village.name} />}
      </PrintPreview>
    </div>
  );
}
