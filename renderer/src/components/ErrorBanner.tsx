import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** The one place a page shows its current error; e2e tests read its text (data-testid="error-banner"). */
export function ErrorBanner({
  text,
  action,
  onClose,
  type = 'error',
}: {
  text: string | null | undefined;
  action?: ReactNode;
  onClose?: () => void;
  type?: 'error' | 'warning';
}) {
  if (!text) return null;
  return (
    <Alert
      data-testid="error-banner"
      role="alert"
      type={type}
      showIcon
      title={<span style={{ fontSize: 16, fontWeight: 600 }}>{text}</span>}
      action={action}
      closable={onClose ? { onClose } : false}
    />
  );
}
