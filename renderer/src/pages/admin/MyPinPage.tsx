import { App as AntApp, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useAdminText } from './text';

interface PinForm {
  oldPin: string;
  newPin: string;
  newPinAgain: string;
}

/** Any signed-in user changes their own PIN with the old one; other sessions of theirs end. */
export function MyPinPage() {
  const tx = useAdminText();
  const { errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PinForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(v: PinForm) {
    setBusy(true);
    try {
      await call('auth.changePin', { oldPin: v.oldPin, newPin: v.newPin });
      message.success(tx('pinChanged'));
      form.resetFields();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page" style={{ maxWidth: 420 }}>
      <div className="page-title">{tx('myPinTitle')}</div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="oldPin" label={tx('fOldPin')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" inputMode="numeric" data-testid="pin-old" />
        </Form.Item>
        <Form.Item name="newPin" label={tx('fNewPin')} rules={[{ required: true, pattern: /^\d{6,12}$/, message: '6–12' }]}>
          <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="pin-new" />
        </Form.Item>
        <Form.Item
          name="newPinAgain"
          label={tx('fPinAgain')}
          dependencies={['newPin']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue('newPin') ? Promise.resolve() : Promise.reject(new Error(tx('pinMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" inputMode="numeric" data-testid="pin-new-again" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="pin-save">
          {tx('changePin')}
        </Button>
      </Form>
    </div>
  );
}
