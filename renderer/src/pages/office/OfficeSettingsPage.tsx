import { App as AntApp, Button, Form, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';
import { useOfficeText } from './text';

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
  const { message } = AntApp.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<SettingsForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('office.settings.get', {}).then(
      (s) => form.setFieldsValue(s),
      (e) => setError(errorText(e)),
    );
  }, [form, errorText]);

  async function save(v: SettingsForm) {
    setBusy(true);
    try {
      form.setFieldsValue(
        await call('office.settings.set', {
          villageName: v.villageName.trim(),
          timeZone: v.timeZone.trim(),
          noticeDays: v.noticeDays,
          cardPrefix: v.cardPrefix.trim(),
        }),
      );
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
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
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
