import type { ButtonProps } from 'antd';
import { App as AntApp, Button, Form, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';
import { useOfficeText } from './text';
import { formatPoints } from '../../format';

interface SettingsForm {
  villageName: string;
  timeZone: string;
  noticeDays: number;
  cardPrefix: string;
}

/** The admin's village settings: name, time zone (the year's boundary), 公示期, card prefix. */
export function OfficeSettingsPage() {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const { message, modal } = AntApp.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<SettingsForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedNotice, setSavedNotice] = useState<number | null>(null);

  useEffect(() => {
    call('office.settings.get', {}).then(
      (s) => {
        form.setFieldsValue(s);
        setSavedNotice(s.noticeDays);
      },
      (e) => setError(errorText(e)),
    );
  }, [form, errorText]);

  /** A new notice period first says what it moves (office.settings.noticePreview) and asks. */
  async function confirmThenSave(v: SettingsForm) {
    if (savedNotice === null || v.noticeDays === savedNotice) return save(v);
    setBusy(true);
    let p;
    try {
      p = await call('office.settings.noticePreview', { noticeDays: v.noticeDays });
    } catch (e) {
      setError(errorText(e));
      return;
    } finally {
      setBusy(false);
    }
    const figures = { households: p.households, points: formatPoints(p.points), entries: p.entries };
    modal.confirm({
      title: tx('noticeConfirmTitle', { to: p.to }),
      content: (
        <div data-testid="notice-preview" data-direction={p.direction}>
          <p>
            {p.direction === 'into_notice' ? tx('noticeIntoNotice', figures) : p.direction === 'released' ? tx('noticeReleased', figures) : tx('noticeNone')}
          </p>
          {p.owingAfter > 0 && <p style={{ color: '#c0392b' }}>{tx('noticeOwing', { n: p.owingAfter })}</p>}
        </div>
      ),
      okText: tx('noticeConfirmOk'),
      cancelText: tx('cancel'),
      okButtonProps: { 'data-testid': 'notice-confirm-ok' } as ButtonProps,
      cancelButtonProps: { 'data-testid': 'notice-confirm-cancel' } as ButtonProps,
      onOk: () => save(v),
    });
  }

  async function save(v: SettingsForm) {
    setBusy(true);
    try {
      const saved = await call('office.settings.set', {
        villageName: v.villageName.trim(),
        timeZone: v.timeZone.trim(),
        noticeDays: v.noticeDays,
        cardPrefix: v.cardPrefix.trim(),
      });
      form.setFieldsValue(saved);
      setSavedNotice(saved.noticeDays);
      message.success(tx('saved'));
      setError(null);
      void refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page" style={{ maxWidth: 560 }}>
      <div className="page-title">{tx('settingsTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => void confirmThenSave(v)}>
        <Form.Item name="villageName" label={tx('fVillageName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} data-testid="settings-village" />
        </Form.Item>
        <Form.Item name="timeZone" label={tx('fTimeZone')} rules={[{ required: true }]}>
          <Input data-testid="settings-tz" />
        </Form.Item>
        <Form.Item name="noticeDays" label={tx('fNoticeDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={90} precision={0} data-testid="settings-notice" />
        </Form.Item>
        <Form.Item name="cardPrefix" label={tx('fCardPrefix')}>
          <Input maxLength={8} data-testid="settings-prefix" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
          {tx('save')}
        </Button>
      </Form>
    </div>
  );
}
