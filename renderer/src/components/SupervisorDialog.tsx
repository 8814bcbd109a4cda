import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, type InputRef } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBanner } from './ErrorBanner';
import { useFocusOnOpen } from './useFocusOnOpen';

export interface SupervisorInput {
  supervisorUsername: string;
  supervisorPin: string;
  reason: string;
}

interface Props {
  open: boolean;
  title: ReactNode;
  help: ReactNode;
  reasonLabel: string;
  okText: string;
  /** Error from the last attempt (a wrong supervisor PIN stays here, in the dialog). */
  error: string | null;
  busy: boolean;
  testIds: { username: string; pin: string; reason: string; ok: string };
  /** Reason first for a void (why), last for an override (the supervisor types it). */
  reasonFirst?: boolean;
  onSubmit(v: SupervisorInput): void;
  onCancel(): void;
  afterClose?(): void;
}

/** A supervisor (admin) authorizes at the counter: username, PIN and a reason. Enter submits. */
export function SupervisorDialog({ open, title, help, reasonLabel, okText, error, busy, testIds, reasonFirst, onSubmit, onCancel, afterClose }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const first = useRef<InputRef>(null);
  const pinRef = useRef<InputRef>(null);
  useFocusOnOpen(open, first);

  useEffect(() => {
    if (open) {
      setUsername('');
      setPin('');
      setReason('');
    }
  }, [open]);
  // A failed PIN is typed again, not the whole form.
  useEffect(() => {
    if (error) {
      setPin('');
      pinRef.current?.focus();
    }
  }, [error]);

  const ready = username.trim() !== '' && pin !== '' && reason.trim() !== '';
  const submit = () => {
    if (ready && !busy) onSubmit({ supervisorUsername: username.trim(), supervisorPin: pin, reason: reason.trim() });
  };
  const enter = {
    onPressEnter: (e: React.KeyboardEvent) => {
      e.preventDefault();
      submit();
    },
  };

  const reasonField = (
    <Form.Item label={reasonLabel} key="reason">
      <Input
        data-testid={testIds.reason}
        ref={reasonFirst ? first : undefined}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        {...enter}
      />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#c2410c' }} /> {title}
        </span>
      }
      okText={okText}
      cancelText={t('cancel')}
      okButtonProps={{ 'data-testid': testIds.ok, disabled: !ready, loading: busy }}
      onOk={submit}
      onCancel={onCancel}
      afterClose={afterClose}
      destroyOnHidden
      closable={false}
      maskClosable={false}
      width={460}
      // Centred, so with an error showing the buttons still fit a 614 px high (1366×768 at 125%) screen.
      centered
    >
      <Alert type="warning" showIcon title={help} style={{ marginBottom: 14 }} />
      <Form layout="vertical" requiredMark={false}>
        {reasonFirst && reasonField}
        <Form.Item label={t('supervisorUsername')}>
          <Input
            data-testid={testIds.username}
            ref={reasonFirst ? undefined : first}
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            {...enter}
          />
        </Form.Item>
        <Form.Item label={t('supervisorPin')}>
          <Input
            data-testid={testIds.pin}
            ref={pinRef}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            {...enter}
          />
        </Form.Item>
        {!reasonFirst && reasonField}
      </Form>
      <ErrorBanner text={error} />
    </Modal>
  );
}
