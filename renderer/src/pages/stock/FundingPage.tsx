import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { formatYuan, monthRange } from './money';
import { downloadBase64 } from '../../download';
import { PeriodPicker, PrintPreview, Signatures, SourceTag } from './shared';
import { useStockText, type TextKey } from './text';

type Report = Result<'reports.funding'>;
type Figures = Report['totals'];
type SourceRow = Report['items'][number];
type DonorRow = Report['donors'][number];
type DetailRow = Report['details'][number];

const figureKeys: [keyof Figures, TextKey, boolean][] = [
  ['receivedQty', 'receivedQty', false],
  ['receivedValueFen', 'receivedValue', true],
  ['redeemedQty', 'redeemedQty', false],
  ['redeemedValueFen', 'redeemedValue', true],
  ['lostQty', 'lostQty', false],
  ['lostValueFen', 'lostValue', true],
  ['onHandQty', 'onHandQty', false],
  ['onHandValueFen', 'onHandValue', true],
];

function FundingSheet({ r, village }: { r: Report; village: string }) {
  const { s } = useStockText();
  const cells = (f: Figures) =>
    figureKeys.map(([k, , money]) => (
      <td key={k} className="n">
        {money ? formatYuan(f[k]) : f[k]}
      </td>
    ));
  const head = figureKeys.map(([k, label]) => (
    <th key={k} className="n">
      {s(label)}
    </th>
  ));
  return (
    <>
      <h1>{s('fundingSheet', { village })}</h1>
      <div className="doc-meta">
        <span>{s('period', { from: r.from, to: r.to })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{s('fundingSource')}</th>
            {head}
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => (
            <tr key={i.fundingSource}>
              <td>{s(i.fundingSource as TextKey)}</td>
              {cells(i)}
            </tr>
          ))}
          <tr className="total">
            <td>{s('total')}</td>
            {cells(r.totals)}
          </tr>
        </tbody>
      </table>
      {r.donors.length > 0 && (
        <>
          <div style={{ fontWeight: 700 }}>{s('byDonor')}</div>
          <table>
            <thead>
              <tr>
                <th>{s('fundingSource')}</th>
                <th>{s('donor')}</th>
                {head}
              </tr>
            </thead>
            <tbody>
              {r.donors.map((d, i) => (
                <tr key={i}>
                  <td>{s(d.fundingSource as TextKey)}</td>
                  <td>{d.donor}</td>
                  {cells(d)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p style={{ fontSize: 12 }}>{s('fifoNote', { to: r.to })}</p>
      <Signatures keys={['signShop', 'signCheck', 'signLeader']} />
    </>
  );
}

export function FundingPage() {
  const { s } = useStockText();
  const { errorText } = useI18n();
  const { village, today } = useSignedIn();
  const [period, setPeriod] = useState(() => monthRange(today.slice(0, 7)));
  const [report, setReport] = useState<Report | null>(null);
  const [printing, setPrinting] = useState(false);

  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      setReport(await call('reports.funding', period));
    }, [period]),
  );

  async function exportXlsx() {
    try {
      const x = await call('reports.fundingExport', period);
      downloadBase64(x.xlsxBase64, x.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  function figureColumns<T extends Figures>(): TableColumnsType<T> {
    return figureKeys.map(([k, label, money]) => ({
      title: s(label),
      dataIndex: k,
      width: 100,
      align: 'right' as const,
      render: (v: number) => <span data-testid={`funding-${k}`}>{money ? formatYuan(v) : v}</span>,
    }));
  }
  const sourceColumns: TableColumnsType<SourceRow> = [
    { title: s('fundingSource'), dataIndex: 'fundingSource', width: 200, render: (v: string) => <SourceTag source={v} /> },
    ...figureColumns<SourceRow>(),
  ];
  const donorColumns: TableColumnsType<DonorRow> = [
    { title: s('fundingSource'), dataIndex: 'fundingSource', width: 200, render: (v: string) => <SourceTag source={v} /> },
    { title: s('donor'), dataIndex: 'donor', width: 180 },
    ...figureColumns<DonorRow>(),
  ];
  const detailColumns: TableColumnsType<DetailRow> = [
    { title: s('fundingSource'), dataIndex: 'fundingSource', width: 200, render: (v: string, d) => <SourceTag source={v} donor={d.donor} /> },
    { title: s('item'), dataIndex: 'itemName', width: 160 },
    ...figureColumns<DetailRow>(),
  ];

  return (
    <div className="page">
      <div className="page-title">{s('fundingTitle')}</div>
      <div className="toolbar">
        <PeriodPicker value={period} onChange={setPeriod} testId="funding" />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {s('refresh')}
        </Button>
        <span className="grow" />
        <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="funding-export">
          {s('exportExcel')}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!report} onClick={() => setPrinting(true)} data-testid="funding-print">
          {s('print')}
        </Button>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table<SourceRow>
        rowKey="fundingSource"
        size="middle"
        loading={loading && !report}
        columns={sourceColumns}
        dataSource={report?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ 'data-testid': 'funding-row', 'data-source': r.fundingSource }) as React.HTMLAttributes<HTMLElement>}
        summary={() =>
          report && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{s('total')}</b>
              </Table.Summary.Cell>
              {figureKeys.map(([k, , money], i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <b>{money ? formatYuan(report.totals[k]) : report.totals[k]}</b>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      <div style={{ fontSize: 13, color: '#8a7766', margin: '8px 0 16px' }}>{report && s('fifoNote', { to: report.to })}</div>
      {report && report.donors.length > 0 && (
        <>
          <h3 style={{ margin: '4px 0 8px' }}>{s('byDonor')}</h3>
          <Table<DonorRow>
            rowKey={(d) => `${d.fundingSource}/${d.donor}`}
            size="small"
            columns={donorColumns}
            dataSource={report.donors}
            pagination={false}
            scroll={{ x: 1100 }}
            onRow={() => ({ 'data-testid': 'funding-donor-row' }) as React.HTMLAttributes<HTMLElement>}
          />
        </>
      )}
      <h3 style={{ margin: '16px 0 8px' }}>{s('details')}</h3>
      <Table<DetailRow>
        rowKey={(d) => `${d.fundingSource}/${d.donor}/${d.itemId}`}
        size="small"
        columns={detailColumns}
        dataSource={report?.details ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: s('noData') }}
      />
      <PrintPreview open={printing} title={s('fundingTitle')} onClose={() => setPrinting(false)} testId="funding-sheet">
        {report && <FundingSheet r={report} village={village.name} />}
      </PrintPreview>
    </div>
  );
}
