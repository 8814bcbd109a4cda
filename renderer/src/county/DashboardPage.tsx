import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Empty, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatPoints } from '../format';
import { usePageLoad } from '../components/page-hooks';
import { EChart } from '../pages/reports/EChart';
import { fundingChart, itemChart, monthChart, villageChart } from './charts';
import { countyCall, type CountyResult } from './client';
import { useCounty } from './CountyApp';
import { MediansCard } from './MediansCard';
import { ScopeBar, type Scope } from './ScopeBar';
import { useCountyText } from './text';
import { asOfText, participationPct, yuan } from './view';
import { villageTable } from './ScopeBar';

type Dashboard = CountyResult<'county.dashboard'>;
type VillageRow = Dashboard['villages'][number];
type BoardRow = Dashboard['boards']['perVillage'][number]['red'][number] & { villageCode?: string; villageName?: string };

/** 总览: the area's participation and points by village and month, redemption by item, funding by source, the boards, medians. */
export function DashboardPage() {
  const tx = useCountyText();
  const { user, today } = useCounty();
  const [scope, setScope] = useState<Scope>({ areaCode: user.areaCode, year: Number(today.slice(0, 4)) });
  const [data, setData] = useState<Dashboard | null>(null);
  const {
    loading,
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      setData(await countyCall('county.dashboard', scope));
    }, [scope]),
  );

  const labels = useMemo(() => ({ awarded: tx('awarded'), deducted: tx('deducted'), goods: tx('redeemedGoods'), services: tx('redeemedServices') }), [tx]);
  const charts = useMemo(
    () =>
      data && {
        village: villageChart(data.villages, labels),
        month: monthChart(data.byMonth, labels, (m) => tx('month', { m })),
        item: itemChart(data.redemptionByItem),
        funding: fundingChart(data.fundingBySource, (s) => tx(`source_${s}` as 'source_fiscal')),
      },
    [data, labels, tx],
  );

  const columns: TableColumnsType<VillageRow> = [
    { title: tx('colVillage'), dataIndex: 'name', width: 110, fixed: 'left' },
    { title: tx('colTown'), dataIndex: 'townName', width: 100 },
    { title: tx('households'), dataIndex: 'households', width: 70, align: 'right' },
    {
      title: tx('participation'),
      key: 'pct',
      width: 90,
      align: 'right',
      render: (_, v) => `${participationPct(v.participating, v.households)}%`,
    },
    { title: tx('awarded'), dataIndex: 'awarded', width: 80, align: 'right', render: formatPoints },
    { title: tx('deducted'), dataIndex: 'deducted', width: 70, align: 'right', render: formatPoints },
    { title: tx('redeemedGoods'), dataIndex: 'redeemedGoods', width: 80, align: 'right', render: formatPoints },
    { title: tx('redeemedServices'), dataIndex: 'redeemedServices', width: 80, align: 'right', render: formatPoints },
    { title: tx('colAsOf'), dataIndex: 'asOf', width: 140, render: (v: string | null) => asOfText(v) ?? <Tag>{tx('neverReported')}</Tag> },
    {
      title: tx('colPaired'),
      dataIndex: 'paired',
      width: 80,
      render: (p: boolean) => <Tag color={p ? 'green' : 'default'}>{p ? tx('paired') : tx('notPaired')}</Tag>,
    },
  ];

  const boardColumns = (withVillage: boolean): TableColumnsType<BoardRow> => [
    { title: tx('colRank'), dataIndex: 'rank', width: 56 },
    { title: tx('colHousehold'), dataIndex: 'name' },
    ...(withVillage ? [{ title: tx('colVillage'), dataIndex: 'villageName' }] : [{ title: tx('colGroup'), dataIndex: 'group' }]),
    { title: tx('colScore'), dataIndex: 'score', width: 70, align: 'right' as const },
  ];

  const t = data?.totals;
  return (
    <div className="page county-page" data-testid="county-dashboard">
      <div className="page-title">{tx('dashTitle')}</div>
      <ScopeBar scope={scope} onChange={setScope}>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          {tx('refresh')}
        </Button>
      </ScopeBar>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {data && t && charts && (
        <>
          <Row gutter={[12, 12]} className="county-stats">
            {(
              [
                ['villages', t.villages],
                ['households', t.households],
                ['participating', `${formatPoints(t.participating)}（${participationPct(t.participating, t.households)}%）`],
                ['awarded', formatPoints(t.awarded)],
                ['deducted', formatPoints(t.deducted)],
                ['redeemed', formatPoints(t.redeemedGoods + t.redeemedServices)],
              ] as const
            ).map(([k, v]) => (
              <Col key={k} xs={12} md={8} xl={4}>
                <Card size="small" data-testid={`county-stat-${k}`}>
                  <Statistic title={tx(k)} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={tx('byVillage')}>
                <EChart option={charts.village} height={280} testId="county-chart-villages" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={tx('byMonth')}>
                <EChart option={charts.month} height={280} testId="county-chart-months" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={tx('byItem')}>
                {data.redemptionByItem.length ? <EChart option={charts.item} height={280} testId="county-chart-items" /> : <Empty description={tx('noData')} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={tx('funding')}
                extra={
                  <span data-testid="county-funding-total">{tx('fundingTotal', { yuan: yuan(data.fundingBySource.reduce((s, f) => s + f.fen, 0)) })}</span>
                }
              >
                {data.fundingBySource.length ? (
                  <EChart option={charts.funding} height={280} testId="county-chart-funding" />
                ) : (
                  <Empty description={tx('noData')} />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={tx('villageTable')} className="county-block">
            <Table<VillageRow> columns={columns} {...villageTable(data.villages, 'county-village-row', 20, 900)} />
          </Card>
          <MediansCard villages={data.villages} year={scope.year} />
          <Card size="small" title={tx('boardsTitle')} className="county-block" data-testid="county-boards">
            {data.boards.perVillage.length === 0 ? (
              <Empty description={tx('noBoards')} />
            ) : (
              <Row gutter={[12, 12]}>
                <Col xs={24} xl={10}>
                  <div className="county-subtitle">{tx('boardsArea')}</div>
                  <Table<BoardRow>
                    rowKey={(r) => `${r.villageCode}-${r.householdId}`}
                    size="small"
                    pagination={false}
                    columns={boardColumns(true)}
                    dataSource={data.boards.areaRed}
                  />
                </Col>
                <Col xs={24} xl={14}>
                  <div className="county-subtitle">{tx('boardsVillage')}</div>
                  <Collapse
                    size="small"
                    items={data.boards.perVillage.map((b) => ({
                      key: b.villageCode,
                      label: `${b.villageName} · ${tx('boardQuarter', { year: scope.year, q: b.quarter })}`,
                      children: (
                        <Row gutter={8}>
                          {(['red', 'black'] as const).map((k) => (
                            <Col span={12} key={k}>
                              <div className={`county-board-${k}`}>{tx(k)}</div>
                              <Table rowKey="householdId" size="small" pagination={false} columns={boardColumns(false)} dataSource={b[k]} />
                            </Col>
                          ))}
                        </Row>
                      ),
                    }))}
                  />
                </Col>
              </Row>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
