import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Modal, Radio, Select, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { PrintPreview, Signatures } from '../stock/shared';
import { yearOptions } from '../boards/shared';
import { villageDateTime, yearName } from '../../format';
import { downloadBase64 } from '../../download';
import { useBoardText, type BoardTextKey } from '../boards/text';
import '../boards/boards.css';

const awards = ['star_party_member', 'civilized_household', 'filial_family', 'moral_model'] as const;
type Award = (typeof awards)[number];
type Candidates = Result<'awards.candidates'>;
type Candidate = Candidates['items'][number];
const isPersonAward = (a: Award) => a === 'star_party_member' || a === 'moral_model';

/** 评优候选: ranked candidates per award with the points behind each rank; the village decides, the app records. */
export function AwardsPage() {
  const { b } = useBoardText();
  const { errorText, lang } = useI18n();
  const { user, today, village } = useSignedIn();
  const { message } = AntApp.useApp();
  const [award, setAward] = useState<Award>('civilized_household');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [data, setData] = useState<Candidates | null>(null);
  const [decisions, setDecisions] = useState<Result<'awards.decisions'>['items']>([]);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Candidate | null>(null);
  const [decision, setDecision] = useState<'awarded' | 'not_awarded'>('awarded');
  const [note, setNote] = useState('');
  const [printing, setPrinting] = useState(false);
  const canDecide = hasRole(user, 'reviewer');

  const load = useCallback(async () => {
    try {
      const [c, d] = await Promise.all([call('awards.candidates', { award, year }), call('awards.decisions', { award, year })]);
      setData(c);
      setDecisions(d.items);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [award, year, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save() {
    if (!deciding) return;
    try {
      await call('awards.decide', {
        award,
        year,
        householdId: deciding.householdId,
        personId: 'personId' in deciding ? deciding.personId : undefined,
        decision,
        note: note || undefined,
      });
      message.success(b('saved'));
      setDeciding(null);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function exportExcel() {
    try {
      const x = await call('awards.export', { award, year });
      downloadBase64(x.xlsxBase64, x.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const person = isPersonAward(award);
  const decisionTag = (d: Candidate['decision']) =>
    d ? d.decision === 'awarded' ? <Tag color="green">{b('awarded')}</Tag> : <Tag>{b('notAwarded')}</Tag> : <Tag color="default">{b('pending')}</Tag>;
  const items = data?.items ?? [];
  const title = b('listTitle', { year, award: b(award) });

  return (
    <div className="standings" data-testid="awards-page">
      <div className="toolbar">
        <Select
          data-testid="awards-year"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={yearOptions(Number(today.slice(0, 4))).map((y) => ({ value: y, label: yearName(y, lang) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {b('refresh')}
        </Button>
        <span className="grow" />
        <Button icon={<PrinterOutlined />} data-testid="awards-print" onClick={() => setPrinting(true)}>
          {b('printList')}
        </Button>
        <Button icon={<FileExcelOutlined />} data-testid="awards-export" onClick={() => void exportExcel()}>
          {b('exportExcel')}
        </Button>
      </div>
      <Tabs
        activeKey={award}
        onChange={(k) => setAward(k as Award)}
        items={awards.map((a) => ({ key: a, label: <span data-testid={`award-${a}`}>{b(a)}</span> }))}
      />
      <div className="muted">
        {b(`awardHint_${award}` as BoardTextKey)}。{b('candidatesNote')}
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Table
        size="middle"
        data-testid="awards-table"
        rowKey={(c) => `${c.householdId}:${'personId' in c ? c.personId : ''}`}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: b('noData') }}
        columns={[
          { title: b('rank'), dataIndex: 'rank', width: 70, render: (r: number) => <span className={`rank-badge${r <= 3 ? ' top' : ''}`}>{r}</span> },
          ...(person ? [{ title: b('name'), render: (_: unknown, c: Candidate) => <b>{'personName' in c ? c.personName : ''}</b> }] : []),
          { title: b('headName'), dataIndex: 'headName', render: (n: string) => (person ? n : <b>{n}</b>) },
          { title: b('cardNo'), dataIndex: 'cardNo', className: 'muted' },
          { title: award === 'filial_family' ? b('filialPoints') : b('score'), dataIndex: 'score', align: 'right' as const, render: (s: number) => <b>{s}</b> },
          ...(award === 'filial_family'
            ? [{ title: b('householdScore'), align: 'right' as const, render: (_: unknown, c: Candidate) => ('householdScore' in c ? c.householdScore : '') }]
            : []),
          { title: b('decision'), render: (_: unknown, c: Candidate) => decisionTag(c.decision) },
          ...(canDecide
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, c: Candidate) => (
                    <Button
                      size="small"
                      data-testid="award-decide"
                      onClick={() => {
                        setDeciding(c);
                        setDecision(c.decision?.decision ?? 'awarded');
                        setNote('');
                      }}
                    >
                      {b('decide')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {decisions.length > 0 && (
        <div>
          <h3 style={{ margin: '8px 0' }}>{b('decisions')}</h3>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={decisions}
            columns={[
              { title: b('at'), dataIndex: 'at', render: (at: string) => villageDateTime(at, village.timeZone), width: 170 },
              {
                title: b('headName'),
                render: (_: unknown, d: (typeof decisions)[number]) => (d.personName ? `${d.personName}（${d.headName}户）` : d.headName),
              },
              {
                title: b('decision'),
                dataIndex: 'decision',
                render: (d: string) => (d === 'awarded' ? <Tag color="green">{b('awarded')}</Tag> : <Tag>{b('notAwarded')}</Tag>),
              },
              { title: b('rank'), dataIndex: 'rank', render: (r: number | null) => r ?? b('none') },
              { title: b('score'), dataIndex: 'score' },
              { title: b('note'), dataIndex: 'note' },
              { title: b('by'), dataIndex: 'userName' },
            ]}
          />
        </div>
      )}

      <Modal
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        onOk={() => void save()}
        okButtonProps={{ 'data-testid': 'decide-ok' } as never}
        title={deciding ? b('decideTitle', { name: 'personName' in deciding && deciding.personName ? deciding.personName : deciding.headName }) : ''}
      >
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio value="awarded" data-testid="decide-awarded">
            {b('awarded')}
          </Radio>
          <Radio value="not_awarded">{b('notAwarded')}</Radio>
        </Radio.Group>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={b('decideNote')} maxLength={200} />
      </Modal>

      <PrintPreview open={printing} title={title} onClose={() => setPrinting(false)} testId="awards-sheet">
        <h1>
          {village.name} {title}
        </h1>
        <div className="doc-meta">
          <span>{b(`awardHint_${award}` as BoardTextKey)}</span>
          <span>{today}</span>
        </div>
        <table>
          <thead>
            <tr>
              <th>{b('rank')}</th>
              {person && <th>{b('name')}</th>}
              <th>{b('headName')}</th>
              <th>{b('cardNo')}</th>
              <th className="n">{b('score')}</th>
              <th>{b('decision')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={`${c.householdId}:${'personId' in c ? c.personId : ''}`}>
                <td>{c.rank}</td>
                {person && <td>{'personName' in c ? c.personName : ''}</td>}
                <td>{c.headName}</td>
                <td>{c.cardNo}</td>
                <td className="n">{c.score}</td>
                <td>{c.decision ? (c.decision.decision === 'awarded' ? b('awarded') : b('notAwarded')) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>{b('candidatesNote')}</div>
        <Signatures keys={['signCheck', 'signLeader']} />
      </PrintPreview>
    </div>
  );
}
