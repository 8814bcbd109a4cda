import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Tag } from 'antd';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { HouseholdView } from './types';

export interface TodayStats {
  count: number;
  points: number;
  capped: boolean;
}

export function HouseholdPanel({ view, stats }: { view: HouseholdView | null; stats?: TodayStats | null }) {
  const { t } = useI18n();
  if (!view) {
    return (
      <div className="panel hh-idle" data-testid="household-panel" data-empty="true">
        <div className="hh-empty">
          <div className="big">
            <IdcardOutlined />
          </div>
          <div style={{ fontSize: 18, fontWeight: 600, color: '#5b4a3c', margin: '6px 0' }}>{t('noHousehold')}</div>
          <div style={{ fontSize: 13 }}>{t('noHouseholdHint')}</div>
        </div>
        {stats && (
          <div className="today-stats" data-testid="today-stats">
            <div className="label">{t('todayTally')}</div>
            <div className="row">
              <div>
                <span className="n">
                  {stats.count}
                  {stats.capped ? '+' : ''}
                </span>{' '}
                {t('tallyCount')}
              </div>
              <div>
                <span className="n">{formatPoints(stats.points)}</span> {t('points')}
              </div>
            </div>
          </div>
        )}
      </div>
    );
  }
  const { household: h, account: a } = view;
  const owed = a.available < 0 ? -a.available : 0;
  return (
    <div className="panel" data-testid="household-panel" data-household-id={h.id}>
      <div className="panel-body">
        <div className="hh-name" data-testid="household-name" data-user-text>
          {h.headName}
        </div>
        <div className="hh-meta">
          <span>
            {t('cardNo')} <b data-testid="household-card">{h.cardNo}</b>
          </span>
          {h.group && <span data-user-text>{h.group}</span>}
        </div>
        {h.members.length > 0 && (
          <div className="hh-members" aria-label={t('members')}>
            {h.members.map((m) => (
              <Tag key={m.id} color={m.relation === '户主' ? 'orange' : undefined} style={{ marginInlineEnd: 0 }} data-user-text>
                {m.name}
                {m.partyMember ? ' ☆' : ''}
              </Tag>
            ))}
          </div>
        )}
        <div className="acct">
          <div className="acct-box">
            <div className="label">
              {t('score')} · {a.year}
            </div>
            <div className="value" data-testid="account-score">
              {formatPoints(a.score)}
            </div>
          </div>
          <div className="acct-box">
            <div className="label">{t('redeemed')}</div>
            <div className="value" data-testid="account-redeemed">
              {formatPoints(a.redeemed)}
            </div>
          </div>
          <div className={`acct-box acct-available${a.available < 0 ? ' neg' : ''}`}>
            <div className="label">{t('available')}</div>
            <div className="value" data-testid="account-available">
              {formatPoints(a.available)}
            </div>
          </div>
        </div>
        {view.notice && (
          <div className="notice-line" data-testid="account-notice">
            {t('noticeLine', { n: formatPoints(view.notice.points) })
              .split(/(\S*\d\S*)/)
              .map((part, i) => (/\d/.test(part) ? <b key={i}>{part}</b> : part))}{' '}
            ·{' '}
            <span data-testid="account-notice-date">
              {t(view.notice.batches.length > 1 ? 'noticeCountsMore' : 'noticeCounts', { date: view.notice.countsOn })}
            </span>
          </div>
        )}
        {owed > 0 && (
          <Alert
            style={{ marginTop: 10 }}
            type="error"
            showIcon
            title={
              <span>
                {t('owed')}{' '}
                <b data-testid="account-owed" style={{ fontSize: 20 }}>
                  {formatPoints(owed)}
                </b>{' '}
                {t('points')}
              </span>
            }
            description={t('owedBlocked', { n: owed })}
          />
        )}
      </div>
    </div>
  );
}
