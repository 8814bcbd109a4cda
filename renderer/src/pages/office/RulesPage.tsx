import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  Form,
  InputNumber,
  Input,
  Modal,
  Radio,
  Space,
  Switch,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { useOfficeText } from './text';
import './office.css';

type Rule = Result<'rules.list'>['items'][number];
interface RuleForm {
  category: string;
  name: string;
  kind: 'award' | 'deduction';
  mode: 'fixed' | 'range';
  points?: number;
  minPoints?: number;
  maxPoints?: number;
  capPerYear?: number | null;
  active: boolean;
}

export function pointsText(r: Pick<Rule, 'points' | 'minPoints' | 'maxPoints'>): string {
  return r.points !== null ? String(r.points) : `${r.minPoints}–${r.maxPoints}`;
}

/** The village's scoring table (评分条例): edits apply to new entries only. */
export function RulesPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { user } = useSignedIn();
  // Rules are the admin's: the clerk who records points reads them but does not set them.
  const canEdit = hasRole(user);
  const [rules, setRules] = useState<Rule[]>([]);
  const [showInactive, setShowInactive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const mode = Form.useWatch('mode', form);

  const load = useCallback(async () => {
    try {
      setRules((await call('rules.list', { includeInactive: true })).items);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const categories = useMemo(() => [...new Set(rules.map((r) => r.category))], [rules]);

  function open(r: Rule | 'new') {
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      r === 'new'
        ? { kind: 'award', mode: 'fixed', active: true }
        : {
            category: r.category,
            name: r.name,
            kind: r.kind,
            mode: r.points !== null ? 'fixed' : 'range',
            points: r.points ?? undefined,
            minPoints: r.minPoints ?? undefined,
            maxPoints: r.maxPoints ?? undefined,
            capPerYear: r.capPerYear,
            active: r.active,
          },
    );
    setEditing(r);
  }

  async function save(v: RuleForm) {
    try {
      await call('rules.save', {
        ...(editing !== 'new' && editing ? { id: editing.id } : {}),
        category: v.category.trim(),
        name: v.name.trim(),
        kind: v.kind,
        active: v.active,
        ...(v.mode === 'fixed' ? { points: v.points } : { minPoints: v.minPoints, maxPoints: v.maxPoints }),
        capPerYear: v.capPerYear ?? null,
      });
      setEditing(null);
      message.success(tx('saved'));
      void load();
    } catch (e) {
      setFormError(errorText(e));
    }
  }

  const shown = rules.filter((r) => showInactive || r.active);
  const columns: TableColumnsType<Rule> = [
    {
      title: tx('colCategory'),
      dataIndex: 'category',
      width: 110,
      filters: categories.map((c) => ({ text: c, value: c })),
      onFilter: (v, r) => r.category === v,
    },
    { title: tx('colRuleName'), dataIndex: 'name' },
    {
      title: tx('colKind'),
      dataIndex: 'kind',
      width: 80,
      render: (v: string) => (v === 'award' ? <Tag color="green">{tx('award')}</Tag> : <Tag color="red">{tx('deduction')}</Tag>),
    },
    { title: tx('colPoints'), key: 'points', width: 90, align: 'right', render: (_: unknown, r) => <span className="num">{pointsText(r)}</span> },
    {
      title: tx('colCap'),
      dataIndex: 'capPerYear',
      width: 110,
      align: 'right',
      render: (v: number | null) => (v === null ? <span className="row-muted">{tx('noCap')}</span> : v),
    },
    {
      title: tx('colStatus'),
      dataIndex: 'active',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="blue">{tx('active')}</Tag> : <Tag>{tx('inactive')}</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'a',
            width: 80,
            render: (_: unknown, r: Rule) => (
              <Button size="small" data-testid="rule-edit" onClick={() => open(r)}>
                {tx('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <div className="page-title">{tx('rulesTitle')}</div>
      <div className="office-toolbar">
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {tx('rulesShowInactive')}
        </Checkbox>
        <span className="grow" />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="rule-new" onClick={() => open('new')}>
            {tx('rulesNew')}
          </Button>
        )}
      </div>
      <ErrorBanner text={error} />
      <Table<Rule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={false}
        onRow={(r) => ({ 'data-testid': 'rule-row', style: { opacity: r.active ? 1 : 0.55 } }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? tx('ruleNewTitle') : tx('ruleEditTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={tx('save')}
        cancelText={tx('cancel')}
        okButtonProps={{ 'data-testid': 'rule-save' }}
        destroyOnHidden
      >
        {editing !== 'new' && <Alert type="info" showIcon title={tx('ruleEditNote')} style={{ marginBottom: 12 }} />}
        <ErrorBanner text={formError} />
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="category" label={tx('fCategory')} rules={[{ required: true, whitespace: true }]}>
            <AutoComplete options={categories.map((c) => ({ value: c }))} data-testid="rule-category">
              <Input maxLength={32} />
            </AutoComplete>
          </Form.Item>
          <Form.Item name="name" label={tx('fRuleName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} data-testid="rule-name" />
          </Form.Item>
          <Form.Item name="kind" label={tx('fKind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'award', label: tx('award') },
                { value: 'deduction', label: tx('deduction') },
              ]}
            />
          </Form.Item>
          <Form.Item name="mode" label={tx('fPointsMode')}>
            <Radio.Group
              options={[
                { value: 'fixed', label: tx('fixed') },
                { value: 'range', label: tx('range') },
              ]}
            />
          </Form.Item>
          {mode === 'range' ? (
            <Space>
              <Form.Item name="minPoints" label={tx('fMin')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
              <Form.Item name="maxPoints" label={tx('fMax')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
            </Space>
          ) : (
            <Form.Item name="points" label={tx('fPoints')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} data-testid="rule-points" />
            </Form.Item>
          )}
          <Form.Item name="capPerYear" label={tx('fCap')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={tx('colStatus')} valuePropName="checked">
            <Switch checkedChildren={tx('active')} unCheckedChildren={tx('inactive')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
