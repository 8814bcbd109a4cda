import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Drawer, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useOfficeText } from './text';

type Household = Result<'households.get'>['household'];
type Member = Household['members'][number];
interface HouseholdForm {
  headName: string;
  cardNo?: string;
  group?: string;
  phone?: string;
}
interface MemberForm {
  name: string;
  relation?: string;
  idNo?: string;
  partyMember?: boolean;
  active?: boolean;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Create or edit one household and its members. ID numbers are only ever typed in, never shown whole. */
export function HouseholdDrawer({
  id,
  canEdit,
  onClose,
  onSaved,
}: {
  id: number | 'new' | null;
  canEdit: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const [form] = Form.useForm<HouseholdForm>();
  const [memberForm] = Form.useForm<MemberForm>();
  const [household, setHousehold] = useState<Household | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [member, setMember] = useState<Member | 'new' | null>(null);
  const [memberError, setMemberError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    setHousehold(null);
    form.resetFields();
    if (typeof id !== 'number') return;
    call('households.get', { id }).then(
      (r) => {
        setHousehold(r.household);
        form.setFieldsValue({ headName: r.household.headName, cardNo: r.household.cardNo, group: r.household.group, phone: r.household.phone });
      },
      (e) => setError(errorText(e)),
    );
  }, [id, form, errorText]);

  async function save(v: HouseholdForm) {
    setBusy(true);
    try {
      if (id === 'new') {
        const r = await call('households.create', { headName: v.headName.trim(), cardNo: blank(v.cardNo), group: blank(v.group), phone: blank(v.phone) });
        onSaved(r.id);
      } else if (typeof id === 'number') {
        const r = await call('households.update', {
          id,
          headName: v.headName.trim(),
          cardNo: blank(v.cardNo),
          group: v.group?.trim() ?? '',
          phone: v.phone?.trim() ?? '',
        });
        setHousehold(r.household);
        onSaved(id);
      }
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function openMember(m: Member | 'new') {
    setMemberError(null);
    memberForm.resetFields();
    if (m !== 'new') memberForm.setFieldsValue({ name: m.name, relation: m.relation, partyMember: m.partyMember, active: m.active !== false });
    else memberForm.setFieldsValue({ active: true, partyMember: false });
    setMember(m);
  }

  async function saveMember(v: MemberForm) {
    if (typeof id !== 'number' || member === null) return;
    try {
      const r = await call('households.saveMember', {
        householdId: id,
        ...(member === 'new' ? {} : { id: member.id }),
        name: v.name.trim(),
        relation: v.relation?.trim() ?? '',
        idNo: blank(v.idNo),
        partyMember: !!v.partyMember,
        active: v.active !== false,
      });
      setHousehold(r.household);
      setMember(null);
    } catch (e) {
      setMemberError(errorText(e));
    }
  }

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={id === 'new' ? tx('hhNewTitle') : tx('hhEditTitle', { card: household?.cardNo ?? '' })}
      destroyOnHidden
    >
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!canEdit} style={{ marginTop: 8 }}>
        <Space wrap size={12} align="start">
          <Form.Item name="headName" label={tx('fHeadName')} rules={[{ required: true, whitespace: true }]} style={{ width: 200 }}>
            <Input data-testid="hh-head-name" maxLength={32} />
          </Form.Item>
          <Form.Item name="cardNo" label={id === 'new' ? tx('fCardNo') : tx('fCardNoEdit')} style={{ width: 220 }}>
            <Input data-testid="hh-card-no" maxLength={32} />
          </Form.Item>
          <Form.Item name="group" label={tx('fGroup')} style={{ width: 180 }}>
            <Input data-testid="hh-group" maxLength={32} />
          </Form.Item>
          <Form.Item name="phone" label={tx('fPhone')} style={{ width: 180 }}>
            <Input data-testid="hh-phone" maxLength={20} />
          </Form.Item>
        </Space>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="hh-save">
            {tx('save')}
          </Button>
        )}
      </Form>

      {household && (
        <div style={{ marginTop: 24 }}>
          <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
            <b style={{ flex: 1 }}>{tx('membersTitle')}</b>
            {canEdit && (
              <Button size="small" icon={<PlusOutlined />} data-testid="member-add" onClick={() => openMember('new')}>
                {tx('addMember')}
              </Button>
            )}
          </div>
          <Table<Member>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={household.members}
            onRow={(m) => ({ 'data-testid': 'member-row', style: { opacity: m.active === false ? 0.55 : 1 } }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: tx('fName'),
                dataIndex: 'name',
                render: (v: string, m) => (
                  <>
                    {v} {m.active === false && <Tag>{tx('memberLeft')}</Tag>}
                  </>
                ),
              },
              { title: tx('fRelation'), dataIndex: 'relation' },
              { title: tx('fIdNo'), dataIndex: 'idNoMasked', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
              { title: tx('fParty'), dataIndex: 'partyMember', render: (v: boolean) => (v ? <Tag color="red">{tx('fParty')}</Tag> : null) },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'a',
                      width: 70,
                      render: (_: unknown, m: Member) => (
                        <Button size="small" onClick={() => openMember(m)}>
                          {tx('edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}

      <Modal
        open={member !== null}
        title={member === 'new' ? tx('addMember') : tx('edit')}
        onCancel={() => setMember(null)}
        onOk={() => memberForm.submit()}
        okText={tx('save')}
        cancelText={tx('cancel')}
        okButtonProps={{ 'data-testid': 'member-save' }}
        destroyOnHidden
      >
        <ErrorBanner text={memberError} />
        <Form form={memberForm} layout="vertical" onFinish={(v) => void saveMember(v)}>
          <Form.Item name="name" label={tx('fName')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="member-name" maxLength={32} />
          </Form.Item>
          <Form.Item name="relation" label={tx('fRelation')}>
            <Input data-testid="member-relation" maxLength={16} />
          </Form.Item>
          <Form.Item
            name="idNo"
            label={tx('fIdNo')}
            extra={member !== 'new' && member?.idNoMasked ? tx('fIdNoKeep', { masked: member.idNoMasked }) : undefined}
          >
            <Input data-testid="member-id-no" maxLength={18} autoComplete="off" />
          </Form.Item>
          <Space>
            <Form.Item name="partyMember" valuePropName="checked">
              <Checkbox data-testid="member-party">{tx('fParty')}</Checkbox>
            </Form.Item>
            <Form.Item name="active" valuePropName="checked">
              <Checkbox>{tx('fActive')}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Drawer>
  );
}
