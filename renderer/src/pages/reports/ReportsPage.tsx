import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Select, Statistic, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { presetPeriod, presetTitle, type Quarter, type ReportPreset } from '@shared/core/rules/period';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { PrintPreview, Signatures } from '../stock/shared';
import { yearOptions } from '../boards/shared';
import { monthName, villageDateTime, yearName } from '../../format';
import { userDataCell } from '../../i18n/quoted';
import { reportTitle } from './report-title';
import { useStockText, type TextKey as StockTextKey } from '../stock/text';
import { downloadBase64 } from '../../download';
import { quarterOfDate } from '../boards/slides';
import { quarterKey, useBoardText } from '../boards/text';
import { categoryChart, fundingChart, monthChart, participationPercent, redemptionChart, type Summary } from './charts';
import { EChart, PrintChart } from './EChart';
import '../boards/boards.css';

type Kind = 'month' | 'quarter' | 'year' | 'june' | 'september' | 'annual';
const yuan = (fen: number) => (fen / 100).toFixed(2);

function toPreset(kind: Kind, year: number, month: number, quarter: Quarter): ReportPreset {
  switch (kind) {
    case 'month':
      return { kind: 'month', year, month };
    case 'quarter':
      return { kind: 'quarter', year, quarter };
    case 'year':
      return { kind: 'year', year };
    default:
      return { kind: 'progress', year, which: kind };
  }
}

/** 统计报表: month, quarter and year summaries and the three progress reports, with charts, Excel and A4 print. */
export function ReportsPage() {
  const { b } = useBoardText();
  const { s } = useStockText();
  const { errorText, lang } = useI18n();
  const { today, village } = useSignedIn();
  const [kind, setKind] = useState<Kind>('year');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [quarter, setQuarter] = useState<Quarter>(quarterOfDate(today));
  const [data, setData] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  const preset = toPreset(kind, year, month, quarter);
  const period = presetPeriod(preset);
  const heading = reportTitle(preset, lang);
  const title = (
    <>
      <span data-user-text>{village.name}</span> {heading}
    </>
  );
  // The Excel file is a village document, titled in Chinese whatever the screen's language.
  const fileTitle = `${village.name} ${presetTitle(preset)}`;

  const load = useCallback(async () => {
    try {
      setData(await call('reports.summary', { year, from: period.from, to: period.to }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [year, period.from, period.to, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  async function exportExcel() {
    try {
      const x = await call('reports.export', { year, from: period.from, to: period.to, title: fileTitle });
      downloadBase64(x.xlsxBase64, x.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const labels = useMemo(
    () => ({ awarded: b('awardedCol'), deducted: b('deductedCol'), redeemed: b('redeemedCol'), other: b('other'), month: (m: string) => monthName(m, lang) }),
    [b, lang],
  );
  const charts = useMemo(
    () =>
      data
        ? {
            category: categoryChart(data, labels),
            month: monthChart(data, labels),
            redemption: redemptionChart(data, labels),
            funding: fundingChart(data, (source) => s(source as StockTextKey)),
          }
        : null,
    [data, labels, s],
  );

  const items = data ? [...data.redemptions.byItem, ...data.redemptions.byService] : [];
  const tables = data && (
    <>
      <h3>{b('byCategory')}</h3>
      <table data-testid="report-categories">
        <thead>
          <tr>
            <th>{b('category')}</th>
            <th className="n">{b('awardedCol')}</th>
            <th className="n">{b('deductedCol')}</th>
            <th className="n">{b('netCol')}</th>
            <th className="n">{b('entries')}</th>
            <th className="n">{b('hhCol')}</th>
          </tr>
        </thead>
        <tbody>
          {data.points.byCategory.map((c) => (
            <tr key={c.category}>
              <td data-user-text>{c.category}</td>
              <td className="n">{c.awarded}</td>
              <td className="n">{c.deducted}</td>
              <td className="n">{c.net}</td>
              <td className="n">{c.entries}</td>
              <td className="n">{c.households}</td>
            </tr>
          ))}
          <tr className="total">
            <td>{b('total')}</td>
            <td className="n">{data.points.awarded}</td>
            <td className="n">{data.points.deducted}</td>
            <td className="n">{data.points.net}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      <h3>
        {b('redemptionsByItem')} / {b('redemptionsByService')}
      </h3>
      <table>
        <thead>
          <tr>
            <th>{b('itemCol')}</th>
            <th className="n">{b('qty')}</th>
            <th>{b('unit')}</th>
            <th className="n">{b('pointsCol')}</th>
            <th className="n">{b('countCol')}</th>
            <th className="n">{b('hhCol')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.itemId}>
              <td data-user-text>{i.name}</td>
              <td className="n">{i.qty}</td>
              <td data-user-text>{i.unit}</td>
              <td className="n">{i.points}</td>
              <td className="n">{i.redemptions}</td>
              <td className="n">{i.households}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{b('fundingTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th>{b('fundingSource')}</th>
            <th className="n">{b('receivedQty')}</th>
            <th className="n">{b('receivedValue')}</th>
            <th className="n">{b('redeemedQty')}</th>
            <th className="n">{b('redeemedValue')}</th>
            <th className="n">{b('onHandValue')}</th>
          </tr>
        </thead>
        <tbody>
          {data.stock.funding.items.map((f) => (
            <tr key={f.fundingSource}>
              <td>{s(f.fundingSource as StockTextKey)}</td>
              <td className="n">{f.receivedQty}</td>
              <td className="n">{yuan(f.receivedValueFen)}</td>
              <td className="n">{f.redeemedQty}</td>
              <td className="n">{yuan(f.redeemedValueFen)}</td>
              <td className="n">{yuan(f.onHandValueFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{b('stockTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th>{b('itemCol')}</th>
            <th>{b('unit')}</th>
            <th className="n">{b('received')}</th>
            <th className="n">{b('redeemedQty')}</th>
            <th className="n">{b('returned')}</th>
            <th className="n">{b('adjusted')}</th>
            <th className="n">{b('onHand')}</th>
          </tr>
        </thead>
        <tbody>
          {data.stock.items.map((i) => (
            <tr key={i.itemId}>
              <td data-user-text>{i.name}</td>
              <td data-user-text>{i.unit}</td>
              <td className="n">{i.received}</td>
              <td className="n">{i.redeemed}</td>
              <td className="n">{i.returned}</td>
              <td className="n">{i.adjusted}</td>
              <td className="n">{i.onHand}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{b('providersTitle')}</h3>
      <table>
        <thead>
          <tr>
            <th>{b('provider')}</th>
            <th className="n">{b('countCol')}</th>
            <th className="n">{b('pointsCol')}</th>
            <th className="n">{b('valueYuan')}</th>
          </tr>
        </thead>
        <tbody>
          {data.providers.items.map((p) => (
            <tr key={String(p.providerId)}>
              <td data-user-text>{p.providerName}</td>
              <td className="n">{p.count}</td>
              <td className="n">{p.points}</td>
              <td className="n">{p.valueFen === null ? '' : yuan(p.valueFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );

  return (
    <div className="standings reports" data-testid="reports-page">
      <div className="toolbar">
        <Select
          data-testid="report-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={yearOptions(Number(today.slice(0, 4))).map((y) => ({ value: y, label: yearName(y, lang) }))}
        />
        <Segmented
          data-testid="report-preset"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={[
            { value: 'month', label: b('presetMonth') },
            { value: 'quarter', label: b('presetQuarter') },
            { value: 'year', label: b('presetYear') },
            { value: 'june', label: b('presetJune') },
            { value: 'september', label: b('presetSeptember') },
            { value: 'annual', label: b('presetAnnual') },
          ]}
        />
        {kind === 'month' && (
          <Select
            data-testid="report-month"
            value={month}
            onChange={setMonth}
            style={{ width: 90 }}
            options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1, lang) }))}
          />
        )}
        {kind === 'quarter' && (
          <Select
            data-testid="report-quarter"
            value={quarter}
            onChange={(v) => setQuarter(v)}
            style={{ width: 120 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q as Quarter, label: b(quarterKey(q)) }))}
          />
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {b('refresh')}
        </Button>
        <span className="grow" />
        <Button icon={<PrinterOutlined />} data-testid="report-print" disabled={!data} onClick={() => setPrinting(true)}>
          {b('print')}
        </Button>
        <Button icon={<FileExcelOutlined />} data-testid="report-export" disabled={!data} onClick={() => void exportExcel()}>
          {b('exportExcel')}
        </Button>
      </div>
      <h2 style={{ margin: 0 }} data-testid="report-title">
        {title}
      </h2>
      <div className="muted">{b('period', { from: period.from, to: period.to })}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {data && charts && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={b('kpiAwarded')} value={data.points.awarded} valueStyle={{ color: '#2f8a4c' }} data-testid="kpi-awarded" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={b('kpiDeducted')} value={data.points.deducted} valueStyle={{ color: '#c0392b' }} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={b('kpiParticipation')} value={participationPercent(data.participation)} data-testid="kpi-participation" />
                <div className="muted">{b('kpiParticipationSub', { n: data.participation.withPoints, m: data.participation.households })}</div>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={b('kpiRedeemed')} value={data.redemptions.points} valueStyle={{ color: '#d97706' }} />
                <div className="muted">{b('kpiRedeemedSub', { n: data.redemptions.count, m: data.redemptions.households })}</div>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card title={b('byCategory')}>
                <EChart option={charts.category} testId="chart-category" userData />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={b('trend')}>
                <EChart option={charts.month} testId="chart-month" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`${b('redemptionsByItem')} / ${b('redemptionsByService')}`}>
                <EChart option={charts.redemption} testId="chart-redemptions" userData />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={b('fundingTitle')}>
                <EChart option={charts.funding} testId="chart-funding" />
              </Card>
            </Col>
          </Row>
          <Card title={b('byCategory')}>
            <Table
              size="small"
              rowKey="category"
              pagination={false}
              dataSource={data.points.byCategory}
              columns={[
                { title: b('category'), dataIndex: 'category', onCell: userDataCell },
                { title: b('awardedCol'), dataIndex: 'awarded', align: 'right' as const },
                { title: b('deductedCol'), dataIndex: 'deducted', align: 'right' as const },
                { title: b('netCol'), dataIndex: 'net', align: 'right' as const },
                { title: b('entries'), dataIndex: 'entries', align: 'right' as const },
                { title: b('hhCol'), dataIndex: 'households', align: 'right' as const },
              ]}
            />
          </Card>
          <Card title={`${b('redemptionsByItem')} / ${b('redemptionsByService')}`}>
            <Table
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={items}
              columns={[
                { title: b('itemCol'), dataIndex: 'name', onCell: userDataCell },
                { title: b('qty'), dataIndex: 'qty', align: 'right' as const },
                { title: b('unit'), dataIndex: 'unit', onCell: userDataCell },
                { title: b('pointsCol'), dataIndex: 'points', align: 'right' as const },
                { title: b('countCol'), dataIndex: 'redemptions', align: 'right' as const },
                { title: b('hhCol'), dataIndex: 'households', align: 'right' as const },
              ]}
            />
          </Card>
          <Row gutter={[12, 12]}>
            {/* Side by side only on a wide screen: at 1024 px a half-width funding table stood its titles on end. */}
            <Col xs={24} xl={12}>
              <Card title={b('fundingTitle')}>
                <Table
                  size="small"
                  rowKey="fundingSource"
                  pagination={false}
                  dataSource={data.stock.funding.items}
                  columns={[
                    { title: b('fundingSource'), dataIndex: 'fundingSource', render: (source: string) => s(source as StockTextKey) },
                    { title: b('receivedQty'), dataIndex: 'receivedQty', align: 'right' as const },
                    { title: b('receivedValue'), dataIndex: 'receivedValueFen', align: 'right' as const, render: yuan },
                    { title: b('redeemedValue'), dataIndex: 'redeemedValueFen', align: 'right' as const, render: yuan },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={b('providersTitle')}>
                <Table
                  size="small"
                  rowKey={(p) => String(p.providerId)}
                  pagination={false}
                  dataSource={data.providers.items}
                  columns={[
                    { title: b('provider'), dataIndex: 'providerName', onCell: userDataCell },
                    { title: b('countCol'), dataIndex: 'count', align: 'right' as const },
                    { title: b('pointsCol'), dataIndex: 'points', align: 'right' as const },
                    { title: b('valueYuan'), dataIndex: 'valueFen', align: 'right' as const, render: (v: number | null) => (v === null ? '' : yuan(v)) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title={b('stockTitle')}>
            <Table
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={data.stock.items}
              columns={[
                { title: b('itemCol'), dataIndex: 'name', onCell: userDataCell },
                { title: b('unit'), dataIndex: 'unit', onCell: userDataCell },
                { title: b('received'), dataIndex: 'received', align: 'right' as const },
                { title: b('redeemedQty'), dataIndex: 'redeemed', align: 'right' as const },
                { title: b('returned'), dataIndex: 'returned', align: 'right' as const },
                { title: b('adjusted'), dataIndex: 'adjusted', align: 'right' as const },
                { title: b('onHand'), dataIndex: 'onHand', align: 'right' as const },
              ]}
            />
          </Card>
        </>
      )}

      <PrintPreview open={printing && data !== null} title={title} onClose={() => setPrinting(false)} testId="report-sheet">
        {data && charts && (
          <>
            <h1>{title}</h1>
            <div className="doc-meta">
              <span>{b('period', { from: period.from, to: period.to })}</span>
              <span>{b('generatedAt', { at: villageDateTime(data.generatedAt, village.timeZone) })}</span>
            </div>
            <table>
              <tbody>
                <tr>
                  <th>{b('kpiAwarded')}</th>
                  <td className="n">{data.points.awarded}</td>
                  <th>{b('kpiDeducted')}</th>
                  <td className="n">{data.points.deducted}</td>
                  <th>{b('kpiNet')}</th>
                  <td className="n">{data.points.net}</td>
                </tr>
                <tr>
                  <th>{b('kpiParticipation')}</th>
                  <td className="n">{participationPercent(data.participation)}</td>
                  <td colSpan={2}>{b('kpiParticipationSub', { n: data.participation.withPoints, m: data.participation.households })}</td>
                  <th>{b('kpiRedeemed')}</th>
                  <td className="n">{data.redemptions.points}</td>
                </tr>
              </tbody>
            </table>
            <PrintChart option={charts.category} />
            <PrintChart option={charts.month} />
            {tables}
            <Signatures keys={['signCheck', 'signLeader']} />
          </>
        )}
      </PrintPreview>
    </div>
  );
}
