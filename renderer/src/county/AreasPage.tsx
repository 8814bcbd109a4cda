import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Form, Input, Modal, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useI18n } from '../i18n/I18nProvider';
import { countyCall, type CountyResult } from './client';
import { useCounty } from './CountyApp';
import { useCountyText, type CountyKey } from './text';
import { asOfText, codeProblem, scopeOptions, type Area, type CodeProblem } from './view';

type PairingCode = CountyResult<'county.villages.pairingCode'> & { name: string };

const problemKey = (p: CodeProblem, level: 'town' | 'village'): CountyKey => (p === 'level' ? `problem_level_${level}` : `problem_${p}`);

/** 区域与村 (county admin): register towns and villages by 统计用区划代码, issue a village's one-time pairing code. */
export function AreasPage() {
  const tx = useCountyText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { areas, user, reloadAreas } = useCounty();
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<PairingCode | null>(null);

  async function add(level: 'town' | 'village', v: { code: string; name: string }) {
    const p = codeProblem(v.code.trim(), level, areas, user.areaCode);
    if (p) return setError(tx(problemKey(p, level)));
    try {
      const r = await countyCall('county.areas.add', { code: v.code.trim(), name: v.name.trim() });
      message.success(tx('registered', { name: r.name }));
      setError(null);
      await reloadAreas();
      return true;
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function issue(a: Area) {
    try {
      setCode({ ...(await countyCall('county.villages.pairingCode', { villageCode: a.code })), name: a.name });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const columns: TableColumnsType<Area> = [
    { title: tx('colCode'), dataIndex: 'code', width: 150, render: (c: string) => <span className="county-code">{c}</span> },
    {
      title: tx('name'),
      dataIndex: 'name',
      render: (n: string, a) => <span style={{ paddingLeft: a.level === 'village' ? 24 : a.level === 'town' ? 12 : 0 }}>{n}</span>,
    },
    { title: tx('colLevel'), dataIndex: 'level', width: 90, render: (l: string) => tx(`level_${l}` as CountyKey) },
    {
      title: tx('colActions'),
      key: 'a',
      width: 160,
      render: (_, a) =>
        a.level === 'village' && (
          <Button size="small" icon={<KeyOutlined />} data-testid="county-issue-code" onClick={() => void issue(a)}>
            {tx('issueCode')}
          </Button>
        ),
    },
  ];

  return (
    <div className="page county-page" data-testid="county-areas">
      <div className="page-title">{tx('areasTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Row gutter={[12, 12]} className="county-block">
        <Col xs={24} lg={12}>
          <AddArea level="town" onAdd={(v) => add('town', v)} />
        </Col>
        <Col xs={24} lg={12}>
          <AddArea level="village" onAdd={(v) => add('village', v)} />
        </Col>
      </Row>
      <Table<Area>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={scopeOptions(areas, user.areaCode)}
        pagination={false}
        onRow={(a) => ({ 'data-testid': 'county-area-row', 'data-code': a.code }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal open={code !== null} title={code && tx('pairingCodeTitle', { name: code.name })} onCancel={() => setCode(null)} footer={null}>
        {code && (
          <div data-testid="county-pairing">
            <div className="county-pairing-code" data-testid="county-pairing-code">
              {code.code}
            </div>
            <Typography.Paragraph>{tx('pairingCodeHint', { time: asOfText(code.expiresAt) ?? code.expiresAt })}</Typography.Paragraph>
            <Typography.Paragraph>
              {tx('countyUrl')}：
              <Typography.Text copyable strong data-testid="county-pairing-url">
                {window.location.origin}
              </Typography.Text>
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </div>
  );
}

function AddArea({ level, onAdd }: { level: 'town' | 'village'; onAdd: (v: { code: string; name: string }) => Promise<true | undefined | void> }) {
  const tx = useCountyText();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Card size="small" title={tx(level === 'town' ? 'addTown' : 'addVillage')} data-testid={`county-add-${level}`}>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={async (v) => {
          setBusy(true);
          if (await onAdd(v)) form.resetFields();
          setBusy(false);
        }}
      >
        <Form.Item name="code" rules={[{ required: true, message: '' }]} extra={tx(level === 'town' ? 'townCodeHelp' : 'villageCodeHelp')}>
          <Input placeholder={tx('code')} maxLength={12} inputMode="numeric" style={{ width: 170 }} data-testid={`county-add-${level}-code`} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: '' }]}>
          <Input placeholder={tx('name')} maxLength={40} style={{ width: 130 }} data-testid={`county-add-${level}-name`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid={`county-add-${level}-submit`}>
          {tx('register')}
        </Button>
      </Form>
    </Card>
  );
}
