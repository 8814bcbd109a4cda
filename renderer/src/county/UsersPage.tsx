import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { usePageLoad } from '../components/page-hooks';
import { useI18n } from '../i18n/I18nProvider';
import { countyCall } from './client';
import { useCounty } from './CountyApp';
import { useCountyText, type CountyKey } from './text';

interface UserRow {
  id: number;
  username: string;
  name: string;
  role: 'county_admin' | 'county_viewer' | 'town_viewer';
  areaCode: string;
  active: boolean;
}
interface NewUser {
  username: string;
  name: string;
  pin: string;
  role: UserRow['role'];
  areaCode: string;
}

const textFields = [
  { key: 'username', label: 'username', max: 40, width: 130 },
  { key: 'name', label: 'displayName', max: 40, width: 120 },
  { key: 'pin', label: 'pin', max: 12, width: 160 },
] as const;

/** 用户 (county admin): county admins and viewers belong to the county, a town viewer to one town and reads only it. */
export function UsersPage() {
  const tx = useCountyText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const { areas, user } = useCounty();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [draft, setDraft] = useState<NewUser>({ username: '', name: '', pin: '', role: 'town_viewer', areaCode: '' });
  const towns = areas.filter((a) => a.level === 'town');
  const areaName = (code: string) => areas.find((a) => a.code === code)?.name ?? code;

  const {
    error,
    setError,
    reload: load,
  } = usePageLoad(
    useCallback(async () => {
      setUsers((await countyCall('county.users.list', {})).users as UserRow[]);
    }, []),
  );

  async function add() {
    const areaCode = draft.role === 'town_viewer' ? draft.areaCode || towns[0]?.code || '' : user.areaCode;
    if (draft.role === 'town_viewer' && !areaCode) return setError(tx('townRequired'));
    try {
      const r = await countyCall('county.users.add', { ...draft, username: draft.username.trim(), name: draft.name.trim(), areaCode });
      message.success(tx('userAdded', { username: r.username }));
      setDraft({ ...draft, username: '', name: '', pin: '' });
      setError(null);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const columns: TableColumnsType<UserRow> = [
    { title: tx('username'), dataIndex: 'username', width: 140 },
    { title: tx('displayName'), dataIndex: 'name', width: 140 },
    { title: tx('role'), dataIndex: 'role', width: 120, render: (r: UserRow['role']) => tx(`role_${r}` as CountyKey) },
    { title: tx('colArea'), dataIndex: 'areaCode', render: (c: string) => `${areaName(c)}（${c}）` },
    {
      title: tx('colActive'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? tx('active') : tx('inactive')}</Tag>,
    },
  ];

  return (
    <div className="page county-page" data-testid="county-users">
      <div className="page-title">{tx('usersTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Card size="small" title={tx('addUser')} className="county-block" data-testid="county-add-user">
        <Form layout="inline" style={{ rowGap: 8 }} onFinish={() => void add()}>
          {textFields.map((f) => (
            <Form.Item key={f.key}>
              <Input
                placeholder={tx(f.label)}
                maxLength={f.max}
                style={{ width: f.width }}
                data-testid={`county-user-${f.key}`}
                type={f.key === 'pin' ? 'password' : undefined}
                inputMode={f.key === 'pin' ? 'numeric' : undefined}
                value={draft[f.key]}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
            </Form.Item>
          ))}
          <Form.Item>
            <select
              className="native-select narrow"
              aria-label={tx('role')}
              data-testid="county-user-role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as UserRow['role'] })}
            >
              {(['town_viewer', 'county_viewer', 'county_admin'] as const).map((r) => (
                <option key={r} value={r}>
                  {tx(`role_${r}`)}
                </option>
              ))}
            </select>
          </Form.Item>
          {draft.role === 'town_viewer' && (
            <Form.Item>
              <select
                className="native-select narrow"
                aria-label={tx('colArea')}
                data-testid="county-user-town"
                value={draft.areaCode || towns[0]?.code || ''}
                onChange={(e) => setDraft({ ...draft, areaCode: e.target.value })}
              >
                {towns.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Form.Item>
          )}
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            data-testid="county-user-add"
            disabled={!draft.username.trim() || !draft.name.trim() || !draft.pin}
          >
            {tx('add')}
          </Button>
        </Form>
      </Card>
      <Table<UserRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users}
        pagination={false}
        onRow={(u) => ({ 'data-testid': 'county-user-row', 'data-username': u.username }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
