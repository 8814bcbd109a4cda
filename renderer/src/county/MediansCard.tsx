import { Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useI18n } from '../i18n/I18nProvider';
import { countyCall, type CountyResult } from './client';
import { useCounty } from './CountyApp';
import { useCountyText } from './text';
import { currentPeriod, versus } from './view';

type Report = CountyResult<'county.report'>;
const measures = ['participationPct', 'awardedPerHousehold', 'redeemedPerHousehold'] as const;

/** One village beside its town's and the county's medians, for the period now running (county.report of that village). */
export function MediansCard({ villages, year }: { villages: { code: string; name: string }[]; year: number }) {
  const tx = useCountyText();
  const { errorText } = useI18n();
  const { today } = useCounty();
  const period = currentPeriod(today);
  const [code, setCode] = useState<string>(villages[0]?.code ?? '');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = villages.some((v) => v.code === code) ? code : (villages[0]?.code ?? '');

  useEffect(() => {
    if (!pick) return;
    let live = true;
    countyCall('county.report', { areaCode: pick, period, year }).then(
      (r) => live && (setReport(r), setError(null)),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [pick, period, year, errorText]);

  const v = report?.villages[0];
  const rows = v ? measures.map((m) => ({ m, value: v[m], town: v.townMedians[m], county: report.countyMedians[m] })) : [];
  const mark = (value: number, median: number | null) => {
    const w = versus(value, median);
    return median === null ? (
      '—'
    ) : (
      <span>
        {median} {w && <Tag color={w === 'above' ? 'green' : w === 'below' ? 'orange' : 'default'}>{tx(w)}</Tag>}
      </span>
    );
  };
  return (
    <Card size="small" title={tx('mediansTitle')} className="county-block" data-testid="county-medians">
      <div className="county-toolbar">
        <span>{tx('mediansHint', { period: tx(`period_${period}`) })}</span>
        <label>
          {tx('pickVillage')}
          <select className="native-select" data-testid="county-medians-village" value={pick} onChange={(e) => setCode(e.target.value)}>
            {villages.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner text={error} />
      <Table
        rowKey="m"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: tx('colMeasure'), dataIndex: 'm', render: (m: (typeof measures)[number]) => tx(`measure_${m}`) },
          { title: tx('colThisVillage'), dataIndex: 'value', align: 'right' },
          { title: tx('colTownMedian'), key: 'town', align: 'right', render: (_, r) => mark(r.value, r.town) },
          { title: tx('colCountyMedian'), key: 'county', align: 'right', render: (_, r) => mark(r.value, r.county) },
        ]}
      />
    </Card>
  );
}
