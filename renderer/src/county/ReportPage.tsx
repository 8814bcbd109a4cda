import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, List, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { usePageLoad } from '../components/page-hooks';
import { downloadBase64 } from '../download';
import { formatPoints } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { PrintArea } from '../pages/office/PrintArea';
import { countyCall, type CountyResult } from './client';
import { useCounty } from './CountyApp';
import { ScopeBar, villageTable, type Scope } from './ScopeBar';
import { useCountyText } from './text';
import { asOfText, currentPeriod, versus } from './view';

type Report = CountyResult<'county.report'>;
type Period = Report['period'];
type VillageRow = Report['villages'][number];

/** 进度报告: 6月底, 9月底 and 12月底 for a village, a town or the county; who has not reported and as of when; Excel and A4. */
export function ReportPage() {
  const tx = useCountyText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { user, today, areas } = useCounty();
  const [scope, setScope] = useState<Scope>({ areaCode: user.areaCode, year: Number(today.slice(0, 4)) });
  const [period, setPeriod] = useState<Period>(currentPeriod(today));
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);
  const { error, setError } = usePageLoad(
    useCallback(async () => {
      setReport(await countyCall('county.report', { ...scope, period }));
    }, [scope, period]),
  );

  async function exportXlsx() {
    setBusy(true);
    try {
      const r = await countyCall('county.reportExport', { ...scope, period });
      downloadBase64(r.base64, r.filename);
      message.success(tx('exported', { file: r.filename }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const areaName = areas.find((a) => a.code === scope.areaCode)?.name ?? scope.areaCode;
  const heading = tx('reportHeading', { area: areaName, year: scope.year, period: tx(`period_${period}`) });
  return (
    <div className="page county-page" data-testid="county-report">
      <div className="page-title">{tx('reportTitle')}</div>
      <ScopeBar scope={scope} onChange={setScope}>
        <label>
          {tx('period')}
          <select className="native-select narrow" data-testid="county-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {(['jun', 'sep', 'dec'] as const).map((p) => (
              <option key={p} value={p}>
                {tx(`period_${p}`)}
              </option>
            ))}
          </select>
        </label>
        <Space wrap>
          <Button icon={<DownloadOutlined />} data-testid="county-report-export" loading={busy} onClick={() => void exportXlsx()} disabled={!report}>
            {tx('exportXlsx')}
          </Button>
          <Button icon={<PrinterOutlined />} data-testid="county-report-print" onClick={() => setPrinting(true)} disabled={!report}>
            {tx('printA4')}
          </Button>
        </Space>
      </ScopeBar>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {report && (
        <>
          <Card size="small" className="county-block" title={`${heading}（${tx('periodEnd', { date: report.periodEnd })}）`}>
            <div data-testid="county-report-totals" className="county-totals">
              {totalsLine(tx, report)}
            </div>
            <ReportTable report={report} />
          </Card>
          <NotReported report={report} />
        </>
      )}
      <Modal
        open={printing && report !== null}
        title={tx('printA4')}
        width="min(calc(297mm + 80px), 96vw)"
        onCancel={() => setPrinting(false)}
        footer={
          <Space>
            <span className="county-muted">{tx('printHint')}</span>
            <Button onClick={() => setPrinting(false)}>{tx('close')}</Button>
            <Button type="primary" icon={<PrinterOutlined />} data-testid="county-report-print-go" onClick={() => window.print()}>
              {tx('print')}
            </Button>
          </Space>
        }
      >
        {report && (
          <>
            <div className="print-preview county-preview" data-testid="county-report-sheet">
              <ReportSheet report={report} heading={heading} />
            </div>
            {printing && (
              <PrintArea>
                <ReportSheet report={report} heading={heading} />
              </PrintArea>
            )}
          </>
        )}
      </Modal>
    </div>
  );
}

const totalsLine = (tx: ReturnType<typeof useCountyText>, r: Report) =>
  tx('reportTotals', {
    households: formatPoints(r.totals.households),
    participating: formatPoints(r.totals.participating),
    awarded: formatPoints(r.totals.awarded),
    deducted: formatPoints(r.totals.deducted),
    redeemed: formatPoints(r.totals.redeemed),
  });

function useColumns(report: Report, compact: boolean): TableColumnsType<VillageRow> {
  const tx = useCountyText();
  const vs = (value: number, median: number | null) => {
    const w = versus(value, median);
    return w === 'above' ? ' ↑' : w === 'below' ? ' ↓' : '';
  };
  return [
    ...(compact ? [] : [{ title: tx('colCode'), dataIndex: 'code', width: 120 }]),
    { title: tx('colVillage'), dataIndex: 'name', width: 100 },
    { title: tx('colTown'), dataIndex: 'townName', width: 90 },
    { title: tx('households'), dataIndex: 'households', width: 72, align: 'right' },
    { title: tx('participating'), dataIndex: 'participating', width: 80, align: 'right' },
    {
      title: tx('participation'),
      key: 'pct',
      width: 80,
      align: 'right',
      render: (_, v) => `${v.participationPct}%${vs(v.participationPct, report.countyMedians.participationPct)}`,
    },
    { title: tx('awarded'), dataIndex: 'awarded', width: 72, align: 'right', render: formatPoints },
    { title: tx('deducted'), dataIndex: 'deducted', width: 72, align: 'right', render: formatPoints },
    { title: tx('redeemed'), key: 'redeemed', width: 72, align: 'right', render: (_, v) => formatPoints(v.redeemedGoods + v.redeemedServices) },
    {
      title: tx('perHousehold'),
      key: 'aph',
      width: 80,
      align: 'right',
      render: (_, v) => `${v.awardedPerHousehold}${vs(v.awardedPerHousehold, report.countyMedians.awardedPerHousehold)}`,
    },
    { title: tx('colTownMedian'), key: 'tm', width: 80, align: 'right', render: (_, v) => v.townMedians.awardedPerHousehold ?? '—' },
    { title: tx('colCountyMedian'), key: 'cm', width: 80, align: 'right', render: () => report.countyMedians.awardedPerHousehold ?? '—' },
    { title: tx('perHouseholdRedeemed'), dataIndex: 'redeemedPerHousehold', width: 80, align: 'right' },
    {
      title: tx('colReported'),
      dataIndex: 'reported',
      width: 70,
      render: (r: boolean) => (compact ? r ? tx('yes') : tx('no') : <Tag color={r ? 'green' : 'orange'}>{r ? tx('yes') : tx('no')}</Tag>),
    },
    { title: tx('colAsOf'), dataIndex: 'asOf', width: 130, render: (v: string | null) => asOfText(v) ?? tx('neverReported') },
  ];
}

function ReportTable({ report }: { report: Report }) {
  const columns = useColumns(report, false);
  return <Table<VillageRow> columns={columns} {...villageTable(report.villages, 'county-report-row', 30, 1200)} />;
}

function NotReported({ report }: { report: Report }) {
  const tx = useCountyText();
  if (report.notReported.length === 0)
    return <Alert type="success" showIcon className="county-block" title={tx('allReported')} data-testid="county-all-reported" />;
  return (
    <Card size="small" className="county-block" title={tx('notReportedTitle', { n: report.notReported.length })} data-testid="county-not-reported">
      <List
        size="small"
        dataSource={report.notReported}
        renderItem={(v) => (
          <List.Item data-testid="county-not-reported-row" data-code={v.code}>
            <span>
              <b>{v.name}</b> <span className="county-muted">{v.code}</span>
            </span>
            <span data-testid="county-not-reported-asof">{v.asOf ? tx('notReportedAsOf', { asOf: asOfText(v.asOf)! }) : tx('neverReported')}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The A4 landscape sheet: the same figures as the screen, plain table, the villages not reported below. */
function ReportSheet({ report, heading }: { report: Report; heading: string }) {
  const tx = useCountyText();
  const columns = useColumns(report, true);
  const cell = (c: (typeof columns)[number], v: VillageRow, i: number) => {
    const col = c as { dataIndex?: keyof VillageRow; render?: (value: unknown, row: VillageRow, i: number) => unknown };
    const raw = col.dataIndex ? v[col.dataIndex] : undefined;
    const out = col.render ? col.render(raw, v, i) : raw;
    return out as React.ReactNode;
  };
  return (
    <div className="a4-landscape county-sheet">
      <h1>{heading}</h1>
      <div className="county-sheet-meta">
        <span>{tx('periodEnd', { date: report.periodEnd })}</span>
        <span>{tx('printedAt', { at: asOfText(new Date().toISOString()) ?? '' })}</span>
      </div>
      <table>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i}>{c.title as string}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.villages.map((v, r) => (
            <tr key={v.code}>
              {columns.map((c, i) => (
                <td key={i} className={(c as { align?: string }).align === 'right' ? 'n' : undefined}>
                  {cell(c, v, r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{totalsLine(tx, report)}</p>
      <h2>{report.notReported.length ? tx('notReportedTitle', { n: report.notReported.length }) : tx('allReported')}</h2>
      {report.notReported.map((v) => (
        <div key={v.code}>
          {v.name}（{v.code}）：{v.asOf ? tx('notReportedAsOf', { asOf: asOfText(v.asOf)! }) : tx('neverReported')}
        </div>
      ))}
    </div>
  );
}
