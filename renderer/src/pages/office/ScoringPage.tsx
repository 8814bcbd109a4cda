import { DateField } from '../../components/DateField';
import { CameraOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { fileToBase64 } from './files';
import { pointsText } from './RulesPage';
import { useOfficeText } from './text';
import './office.css';

type Rule = Result<'rules.list'>['items'][number];
type Member = Result<'households.get'>['household']['members'][number];
interface Pick {
  id: number;
  cardNo: string;
  headName: string;
}

const maxPhoto = 5 * 1024 * 1024;
const label = (h: Pick) => `${h.headName}（${h.cardNo}）`;

/** 村民评分表: one rule for one household or a whole 义务劳动 day at once, with a date, note and photo. */
export function ScoringPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { today } = useSignedIn();
  const [rules, setRules] = useState<Rule[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [picked, setPicked] = useState<Pick[]>([]);
  const [options, setOptions] = useState<Pick[]>([]);
  const [ruleId, setRuleId] = useState<number | undefined>(undefined);
  const [points, setPoints] = useState<number | null>(null);
  const [date, setDate] = useState(today);
  const [members, setMembers] = useState<Member[]>([]);
  const [personId, setPersonId] = useState<number | undefined>(undefined);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);

  useEffect(() => {
    call('rules.list', {}).then(
      (r) => setRules(r.items),
      (e) => setError(errorText(e)),
    );
    call('households.list', { limit: 1 }).then(
      (r) => setGroups(r.groups.map((g) => g.group).filter(Boolean)),
      () => {},
    );
  }, [errorText]);

  // A person can be named only when one household is chosen: the person belongs to it.
  useEffect(() => {
    setPersonId(undefined);
    if (picked.length !== 1) return setMembers([]);
    call('households.get', { id: picked[0].id }).then(
      (r) => setMembers(r.household.members.filter((m) => m.active !== false)),
      () => setMembers([]),
    );
  }, [picked]);

  const rule = rules.find((r) => r.id === ruleId);
  const ruleOptions = useMemo(() => {
    const byCat = new Map<string, Rule[]>();
    for (const r of rules) byCat.set(r.category, [...(byCat.get(r.category) ?? []), r]);
    return [...byCat].map(([category, rs]) => ({
      label: category,
      options: rs.map((r) => ({ value: r.id, label: `${r.kind === 'award' ? '＋' : '－'}${pointsText(r)} ${r.name}` })),
    }));
  }, [rules]);

  const search = useCallback(async (q: string) => {
    const seq = ++searchSeq.current;
    if (!q.trim()) return setOptions([]);
    try {
      const { items } = await call('households.search', { q: q.trim(), limit: 20 });
      if (seq === searchSeq.current) setOptions(items);
    } catch {
      /* a half-typed query may be refused; the list just stays as it was */
    }
  }, []);

  async function addGroup(group: string) {
    try {
      const { items } = await call('households.list', { group, limit: 2000 });
      setPicked((cur) => [...cur, ...items.filter((h) => !cur.some((c) => c.id === h.id))]);
    } catch (e) {
      setError(errorText(e));
    }
  }

  function pickPhoto(file: File | undefined) {
    if (!file) return setPhoto(null);
    if (!['image/jpeg', 'image/png'].includes(file.type)) return setError(tx('photoType'));
    if (file.size > maxPhoto) return setError(tx('photoTooBig'));
    setError(null);
    setPhoto(file);
  }

  async function submit() {
    if (!rule || picked.length === 0) return;
    setBusy(true);
    setDone(null);
    try {
      const { entries } = await call('points.record', {
        householdIds: picked.map((p) => p.id),
        ruleId: rule.id,
        occurredOn: date,
        note: note.trim() || undefined,
        ...(rule.points === null && points !== null ? { points } : {}),
        ...(personId !== undefined ? { personId } : {}),
      });
      if (photo) {
        await call('points.attachPhoto', {
          entryIds: entries.map((e) => e.id),
          imageBase64: await fileToBase64(photo),
          mime: photo.type as 'image/jpeg' | 'image/png',
        });
      }
      const text = tx('recorded', { n: entries.length });
      setDone(text);
      message.success(text);
      setPicked([]);
      setPhoto(null);
      setNote('');
      if (photoInput.current) photoInput.current.value = '';
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const allOptions = [...picked, ...options.filter((o) => !picked.some((p) => p.id === o.id))];
  const needPoints = rule && rule.points === null;
  const canSubmit = !!rule && picked.length > 0 && !!date && (!needPoints || points !== null);

  return (
    <div className="page" style={{ maxWidth: 900 }}>
      <div className="page-title">{tx('scoringTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {done && (
        <Alert type="success" showIcon data-testid="scoring-done" title={done} closable={{ onClose: () => setDone(null) }} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={
            <span>
              {tx('fHouseholds')}{' '}
              <Tag color="orange" data-testid="scoring-selected-count">
                {tx('selectedN', { n: picked.length })}
              </Tag>
            </span>
          }
        >
          <Select<{ value: number; label: string }[]>
            mode="multiple"
            labelInValue
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            placeholder={tx('fHouseholdsHint')}
            value={picked.map((p) => ({ value: p.id, label: label(p) }))}
            data-testid="scoring-households"
            notFoundContent={null}
            onChange={(vs) => setPicked(vs.map((v) => allOptions.find((o) => o.id === v.value)!).filter(Boolean))}
            // Only what the search found: the chosen ones are already the tags above.
            options={options.map((o) => ({ value: o.id, label: label(o) }))}
            maxTagCount={30}
          />
          <Space wrap size={4} style={{ marginTop: 6 }}>
            <span style={{ color: '#7c6a5c' }}>{tx('selectGroup')}</span>
            {groups.map((g) => (
              <Button key={g} size="small" data-testid="scoring-add-group" onClick={() => void addGroup(g)}>
                {g}
              </Button>
            ))}
            {picked.length > 0 && (
              <Button size="small" type="link" onClick={() => setPicked([])}>
                {tx('clearSelection')}
              </Button>
            )}
          </Space>
        </Form.Item>
        <Form.Item
          label={tx('fRule')}
          extra={
            rule && (
              <span>
                {rule.points === null ? tx('rangeHint', { min: rule.minPoints!, max: rule.maxPoints! }) : tx('fixedHint', { points: rule.points })}
                {rule.capPerYear !== null ? `；${tx('capHint', { cap: rule.capPerYear })}` : ''}
              </span>
            )
          }
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={tx('fRulePick')}
            value={ruleId}
            onChange={(v) => {
              setRuleId(v);
              setPoints(null);
            }}
            options={ruleOptions}
            data-testid="scoring-rule"
          />
        </Form.Item>
        <Space wrap size={16} align="start">
          {needPoints && (
            <Form.Item label={tx('fPoints')}>
              <InputNumber
                min={rule.minPoints!}
                max={rule.maxPoints!}
                precision={0}
                value={points}
                onChange={(v) => setPoints(v)}
                data-testid="scoring-points"
              />
            </Form.Item>
          )}
          <Form.Item label={tx('fDate')}>
            <DateField value={date} max={today} onChange={setDate} testId="scoring-date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={tx('fPerson')}>
            <Select<number>
              allowClear
              disabled={members.length === 0}
              style={{ width: 200 }}
              value={personId}
              onChange={setPersonId}
              options={members.map((m) => ({ value: m.id, label: `${m.name}${m.relation ? `（${m.relation}）` : ''}` }))}
              data-testid="scoring-person"
            />
          </Form.Item>
        </Space>
        <Form.Item label={tx('fNote')}>
          <Input.TextArea rows={2} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} data-testid="scoring-note" />
        </Form.Item>
        <Form.Item label={tx('fPhoto')}>
          <input
            ref={photoInput}
            type="file"
            accept="image/jpeg,image/png"
            style={{ display: 'none' }}
            data-testid="scoring-photo"
            onChange={(e) => pickPhoto(e.target.files?.[0])}
          />
          <Space>
            <Button icon={<CameraOutlined />} onClick={() => photoInput.current?.click()}>
              {tx('photoPick')}
            </Button>
            {photo && (
              <Tag
                closable
                onClose={() => {
                  setPhoto(null);
                  if (photoInput.current) photoInput.current.value = '';
                }}
              >
                {photo.name}
              </Tag>
            )}
          </Space>
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" disabled={!canSubmit} loading={busy} data-testid="scoring-submit">
          {tx('submitRecord')}
        </Button>
      </Form>
    </div>
  );
}
