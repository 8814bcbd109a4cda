import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { quotePieces } from '../i18n/quoted';

/** The one place a page shows its current error; e2e tests read its text (data-testid="error-banner"). */
export function ErrorBanner({
  text,
  action,
  onClose,
  type = 'error',
  quotes = [],
}: {
  text: string | null | undefined;
  /** The village data the text quotes (item and household names), marked so they are not taken for the app's words. */
  quotes?: readonly string[];
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
      title={
        <span style={{ fontSize: 16, fontWeight: 600 }}>
          {quotePieces(text, quotes).map((p, i) =>
            p.quoted ? (
              <span key={i} data-user-text>
                {p.text}
              </span>
            ) : (
              p.text
            ),
          )}
        </span>
      }
      action={action}
      closable={onClose ? { onClose } : false}
    />
  );
}
