import { App as AntApp, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { roles, type Role } from '@shared/core/roles';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageAction, usePageLoad } from '../../components/page-hooks';
import { useSignedIn } from '../../session';
import { useAdminText } from './text';

type User = Result<'users.list'>['items'][number];
interface NewUserForm {
  username: string;
  name: string;
  pin: string;
  pinAgain: string;
  roles: Role[];
}
interface EditForm {
  name: string;
  roles: Role[];
}

const pinRule = { pattern: /^\d{6,12}$/, message: '6–12' };

/** Admins create accounts, set roles, reset PINs and (de)activate; users are never deleted, so the audit log keeps its names. */
export function UsersPage() {
  const tx = useAdminText();
  const { message } = AntApp.useApp();
  const { user: me } = useSignedIn();
  const [items, setItems] = useState<User[]>([]);
  const [showInactive, setShowInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [newForm] = Form.useForm<NewUserForm>();
  const [editForm] = Form.useForm<EditForm>();
  const [pinForm] = Form.useForm<{ pin: string; pinAgain: string }>();

  const { error, setError, reload } = usePageLoad(
    useCallback(async () => {
      setItems((await call('users.list', { includeInactive: showInactive })).items);
    }, [showInactive]),
  );
  const action = usePageAction(setError, reload);
  const busy = action.busy;
  const run = (act: () => Promise<unknown>, done: string) => action.run(act, () => message.success(done));

  const roleOptions = roles.map((r) => ({ value: r, label: tx(`role_${r}`) }));
  const samePin =
    (field: string) =>
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v: string) => (v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(tx('pinMismatch')))),
    });

  return (
    <div className="page">
      <div className="page-title">{tx('usersTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          data-testid="users-new"
          onClick={() => {
            newForm.resetFields();
            setCreating(true);
          }}
        >
          {tx('usersNew')}
        </Button>
        <span>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} data-testid="users-show-inactive" /> {tx('usersShowInactive')}
        </span>
      </Space>
      <Table<User>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="users-table"
        columns={[
          { title: tx('colUsername'), dataIndex: 'username' },
          { title: tx('colName'), dataIndex: 'name' },
          { title: tx('colRoles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{tx(`role_${r}`)}</Tag>) },
          {
            title: tx('colStatus'),
            render: (_, u) => (
              <Space size={4}>
                <Tag color={u.active ? 'green' : 'default'}>{u.active ? tx('active') : tx('inactive')}</Tag>
                {u.locked && <Tag color="red">{tx('locked', { until: new Date(u.lockedUntil!).toLocaleTimeString() })}</Tag>}
              </Space>
            ),
          },
          {
            title: tx('colActions'),
            render: (_, u) => (
              <Space size={4} data-testid={`user-actions-${u.username}`}>
                <Button
                  size="small"
                  onClick={() => {
                    editForm.setFieldsValue({ name: u.name, roles: u.roles });
                    setEditing(u);
                  }}
                >
                  {tx('edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    pinForm.resetFields();
                    setResetting(u);
                  }}
                >
                  {tx('resetPin')}
                </Button>
                {u.id !== me.id &&
                  (u.active ? (
                    <Popconfirm
                      title={tx('deactivateConfirm', { name: u.name })}
                      onConfirm={() => void run(() => call('users.update', { id: u.id, active: false }), tx('savedUser'))}
                    >
                      <Button size="small" danger>
                        {tx('deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => void run(() => call('users.update', { id: u.id, active: true }), tx('savedUser'))}>
                      {tx('activate')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={tx('usersNew')}
        okText={tx('save')}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setCreating(false)}
        onOk={() => newForm.submit()}
        destroyOnHidden
      >
        <Form
          form={newForm}
          layout="vertical"
          onFinish={async (v) => {
            if (
              await run(
                () => call('users.create', { username: v.username.trim(), name: v.name.trim(), pin: v.pin, roles: v.roles }),
                tx('created', { name: v.name }),
              )
            )
              setCreating(false);
          }}
        >
          <Form.Item name="username" label={tx('fUsername')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,32}$/ }]}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item name="name" label={tx('fName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={32} data-testid="user-name-input" />
          </Form.Item>
          <Form.Item name="pin" label={tx('fPin')} rules={[{ required: true }, pinRule]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="user-pin" />
          </Form.Item>
          <Form.Item name="pinAgain" label={tx('fPinAgain')} dependencies={['pin']} rules={[{ required: true }, samePin('pin')]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="user-pin-again" />
          </Form.Item>
          <Form.Item name="roles" label={tx('fRoles')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={roleOptions} data-testid="user-roles" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!editing}
        title={`${tx('edit')} ${editing?.username ?? ''}`}
        okText={tx('save')}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setEditing(null)}
        onOk={() => editForm.submit()}
        destroyOnHidden
      >
        <Form
          form={editForm}
          layout="vertical"
          onFinish={async (v) => {
            if (editing && (await run(() => call('users.update', { id: editing.id, name: v.name.trim(), roles: v.roles }), tx('savedUser')))) setEditing(null);
          }}
        >
          <Form.Item name="name" label={tx('fName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="roles" label={tx('fRoles')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!resetting}
        title={tx('resetPinTitle', { name: resetting?.name ?? '' })}
        okText={tx('save')}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setResetting(null)}
        onOk={() => pinForm.submit()}
        destroyOnHidden
      >
        <p>{tx('resetPinHint')}</p>
        <Form
          form={pinForm}
          layout="vertical"
          onFinish={async (v) => {
            if (resetting && (await run(() => call('users.resetPin', { id: resetting.id, pin: v.pin }), tx('pinReset', { name: resetting.name }))))
              setResetting(null);
          }}
        >
          <Form.Item name="pin" label={tx('fPin')} rules={[{ required: true }, pinRule]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="reset-pin" />
          </Form.Item>
          <Form.Item name="pinAgain" label={tx('fPinAgain')} dependencies={['pin']} rules={[{ required: true }, samePin('pin')]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="reset-pin-again" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
