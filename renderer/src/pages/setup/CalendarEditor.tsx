import { LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, InputNumber, Radio, Segmented, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Calendar } from '../../../../electron/core/rules/redemption-day';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { bulkDays, calendarParams, clickDate, dayKind, monthGrid, shiftMonth, type CalendarTool } from './calendar-edit';
import { useSetupText } from './text';
import './setup.css';

/**
 * The redemption calendar as a month view: fixed dates, a monthly day and the trial's bulk days;
 * a click on a date sets what the chosen tool says. Saved with calendar.set (admin, audited).
 */
export function CalendarEditor({ onSaved, saveLabel, extra }: { onSaved?: () => void; saveLabel?: string; extra?: ReactNode }) {
  const tx = useSetupText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [cal, setCal] = useState<Calendar | null>(null);
  const [today, setToday] = useState('');
  const [view, setView] = useState({ year: 2026, month: 1 });
  const [tool, setTool] = useState<CalendarTool>('dates');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('calendar.get', {})
      .then((c) => {
        const {
          today: t,
          todayIsRedemptionDay: _a,
          todayIsBulkDay: _b,
          bulkDays: _c,
          upcoming: _d,
          ...stored
        } = c as Calendar & { today: string; todayIsRedemptionDay: boolean; todayIsBulkDay: boolean; bulkDays: string[]; upcoming: unknown };
        setCal(stored as Calendar);
        setToday(t);
        setView({ year: Number(t.slice(0, 4)), month: Number(t.slice(5, 7)) });
      })
      .catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!cal) return <ErrorBanner text={error} />;

  function setMode(mode: Calendar['mode']) {
    setCal((c) => {
      const trial = c?.trial;
      const base: Calendar =
        mode === 'any' ? { mode } : mode === 'dates' ? { mode, dates: c?.mode === 'dates' ? c.dates : [] } : { mode, day: c?.mode === 'monthly' ? c.day : 1 };
      return trial ? { ...base, trial } : base;
    });
  }

  async function save() {
    setBusy(true);
    try {
      await call('calendar.set', calendarParams(cal!));
      setError(null);
      message.success(tx('calSaved'));
      onSaved?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const weekdays = tx('weekdays').split(',');
  const bulk = bulkDays(cal.trial);
  return (
    <div className="cal-editor" data-testid="calendar-editor">
      <Space wrap size="middle" style={{ marginBottom: 12 }}>
        <span>{tx('calMode')}</span>
        <Radio.Group value={cal.mode} onChange={(e) => setMode(e.target.value as Calendar['mode'])} optionType="button" buttonStyle="solid">
          <Radio.Button value="any">
            <span data-testid="cal-mode-any">{tx('calAny')}</span>
          </Radio.Button>
          <Radio.Button value="dates">
            <span data-testid="cal-mode-dates">{tx('calDates')}</span>
          </Radio.Button>
          <Radio.Button value="monthly">
            <span data-testid="cal-mode-monthly">{tx('calMonthly')}</span>
          </Radio.Button>
        </Radio.Group>
        {cal.mode === 'monthly' && (
          <Space>
            <span>{tx('calDay')}</span>
            <InputNumber
              data-testid="cal-monthly-day"
              min={1}
              max={31}
              value={cal.day}
              onChange={(v) => typeof v === 'number' && setCal({ ...cal, day: v })}
              style={{ width: 80 }}
            />
          </Space>
        )}
      </Space>
      <div className="cal-toolbar">
        <Space>
          <span>{tx('calTool')}</span>
          <Segmented<CalendarTool>
            value={tool}
            onChange={setTool}
            options={[
              { value: 'dates', label: <span data-testid="cal-tool-dates">{tx('calToolDates')}</span> },
              { value: 'bulk', label: <span data-testid="cal-tool-bulk">{tx('calToolBulk')}</span> },
            ]}
          />
        </Space>
        <Space className="cal-nav">
          <Button icon={<LeftOutlined />} aria-label={tx('prevMonth')} data-testid="cal-prev" onClick={() => setView(shiftMonth(view.year, view.month, -1))} />
          <span className="cal-month" data-testid="cal-month">
            {tx('monthTitle', { year: view.year, month: view.month })}
          </span>
          <Button icon={<RightOutlined />} aria-label={tx('nextMonth')} data-testid="cal-next" onClick={() => setView(shiftMonth(view.year, view.month, 1))} />
          <Button size="small" onClick={() => setView({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })}>
            {tx('calToday')}
          </Button>
        </Space>
      </div>
      {cal.mode === 'any' && tool === 'dates' && (
        <Typography.Text type="secondary" className="cal-note">
          {tx('calAnyClickHint')}
        </Typography.Text>
      )}
      <table className="cal-grid" role="grid">
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w}>{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(view.year, view.month).map((week, i) => (
            <tr key={i}>
              {week.map((d, j) => {
                if (!d) return <td key={j} />;
                const kind = dayKind(cal, d);
                return (
                  <td key={j}>
                    <button
                      type="button"
                      data-testid={`cal-day-${d}`}
                      data-kind={kind}
                      aria-pressed={kind !== 'none'}
                      className={`cal-day cal-${kind}${d === today ? ' cal-today' : ''}`}
                      onClick={() => setCal(clickDate(cal, d, tool))}
                    >
                      <span className="cal-num">{Number(d.slice(8))}</span>
                      {kind !== 'none' && <span className="cal-tag">{kind === 'bulk' ? tx('calLegendBulk') : tx('calLegendRedeem')}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cal-legend">
        <span>
          <i className="cal-swatch cal-redeem" />
          {tx('calLegendRedeem')}
        </span>
        <span>
          <i className="cal-swatch cal-bulk" />
          {tx('calLegendBulk')}
        </span>
        <span>
          <i className="cal-swatch cal-today-swatch" />
          {tx('calLegendToday')}
        </span>
      </div>
      <div className="cal-trial">
        <Typography.Text strong>{tx('calTrial')}：</Typography.Text>
        <span data-testid="cal-trial">
          {cal.trial ? `${tx('calTrialStart')} ${cal.trial.start} · ${tx('calLegendBulk')} ${bulk.join('、')}` : tx('calTrialNone')}
        </span>
        {cal.trial && (
          <Space style={{ display: 'flex', marginTop: 6 }}>
            <span>{tx('calBulkDay')}</span>
            <InputNumber
              data-testid="cal-bulk-day"
              min={1}
              max={28}
              value={cal.trial.bulkDay ?? null}
              onChange={(v) => setCal({ ...cal, trial: { start: cal.trial!.start, ...(typeof v === 'number' ? { bulkDay: v } : {}) } })}
              style={{ width: 72 }}
            />
          </Space>
        )}
        <div>
          <Typography.Text type="secondary">{tx('calTrialHint')}</Typography.Text>
        </div>
      </div>
      <div style={{ margin: '12px 0' }}>
        <ErrorBanner text={error} onClose={() => setError(null)} />
      </div>
      <div className="setup-actions">
        <Button type="primary" icon={<SaveOutlined />} data-testid="cal-save" loading={busy} onClick={() => void save()}>
          {saveLabel ?? tx('save')}
        </Button>
        {extra}
      </div>
    </div>
  );
}
