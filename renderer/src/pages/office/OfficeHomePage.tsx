import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageLoad } from '../../components/page-hooks';
import { formatPoints } from '../../format';
import { hashFor } from '../../nav';
import { hasRole, useSignedIn } from '../../session';
import { useOfficeText } from './text';
import { LowStockPanel } from '../stock/LowStockPanel';
import './office.css';

type Home = Result<'office.home'>;

export function OfficeHomePage() {
  const tx = useOfficeText();
  const { user } = useSignedIn();
  const [home, setHome] = useState<Home | null>(null);

  const {
    loading,
    error,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      setHome(await call('office.home', {}));
    }, []),
  );

  const stat = (label: string, value: number | string, testId: string, alert = false) => (
    <div className={`office-stat${alert ? ' alert' : ''}`} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{typeof value === 'number' ? formatPoints(value) : value}</div>
    </div>
  );

  return (
    <div className="page">
      <div className="page-title">
        {tx('homeTitle')}{' '}
        {home && (
          <span style={{ fontSize: 15, fontWeight: 400, color: '#7c6a5c' }}>
            {home.year} · {home.today}
          </span>
        )}
        {home && home.noticeDays > 0 && <Tag color="gold">{tx('homeNoticeDays', { n: home.noticeDays })}</Tag>}
        <span style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} data-testid="office-home-refresh" />
      </div>
      <ErrorBanner text={error} />
      <LowStockPanel />
      {home && (
        <>
          <div className="office-stats">
            <div className={`office-stat${home.pending.count ? ' alert' : ''}`} data-testid="home-pending">
              <div className="label">{tx('homePending')}</div>
              <div className="value">{home.pending.count}</div>
              {home.pending.mine > 0 && <div style={{ fontSize: 12, color: '#8a7766' }}>{tx('homePendingHint', { mine: home.pending.mine })}</div>}
              {home.pending.count > 0 && hasRole(user, 'reviewer') && (
                <Button
                  size="small"
                  type="primary"
                  style={{ marginTop: 6 }}
                  onClick={() => {
                    window.location.hash = hashFor('review');
                  }}
                  data-testid="home-go-review"
                >
                  {tx('homeGoReview')}
                </Button>
              )}
            </div>
            {home.noticeDays > 0 && stat(tx('homeInNotice'), home.inNotice, 'home-in-notice')}
            {stat(tx('homeAwarded'), home.totals.awarded, 'home-awarded')}
            {stat(tx('homeDeducted'), home.totals.deducted, 'home-deducted')}
            {stat(tx('homeScore'), home.totals.score, 'home-score')}
            {stat(tx('homeRedeemed'), home.totals.redeemed, 'home-redeemed')}
            {stat(tx('homeHouseholds'), `${home.totals.scoredHouseholds} / ${home.totals.households}`, 'home-households')}
            {home.totals.owingHouseholds > 0 && stat(tx('homeOwing'), home.totals.owingHouseholds, 'home-owing', true)}
          </div>
          <div className="panel">
            <div className="panel-head">
              <span>{tx('homeNeverScored', { n: home.neverScored.count })}</span>
              {home.neverScored.count > 0 && hasRole(user, 'clerk') && (
                <Button
                  size="small"
                  onClick={() => {
                    window.location.hash = hashFor('scoring');
                  }}
                >
                  {tx('homeRecord')}
                </Button>
              )}
            </div>
            <div className="panel-body">
              {home.neverScored.count === 0 ? (
                <Empty description={tx('homeAllScored')} />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="never-scored"
                  dataSource={home.neverScored.items}
                  pagination={home.neverScored.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  columns={[
                    { title: tx('colCard'), dataIndex: 'cardNo', width: 140 },
                    { title: tx('colHead'), dataIndex: 'headName' },
                    { title: tx('colGroup'), dataIndex: 'group' },
                  ]}
                />
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
