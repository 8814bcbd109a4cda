import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { Item } from './types';

export interface Provider {
  id: number;
  name: string;
}

/**
 * A service with several providers: who delivered it, so the village settles with the right one.
 * Keyboard-first: digits 1–9 pick, Esc cancels.
 */
export function ProviderDialog({
  item,
  providers,
  onPick,
  onCancel,
  afterClose,
}: {
  item: Item | null;
  providers: readonly Provider[];
  onPick(p: Provider): void;
  onCancel(): void;
  afterClose(): void;
}) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  const open = item !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (/^[1-9]$/.test(e.key)) {
        const p = providers[Number(e.key) - 1];
        if (p) {
          e.preventDefault();
          onPick(p);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    const focus = window.setTimeout(() => first.current?.focus(), 50);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearTimeout(focus);
    };
  }, [open, providers, onPick]);
  return (
    <Modal
      open={open}
      title={item ? t('providerTitle', { name: item.name }) : ''}
      footer={<Button onClick={onCancel}>{t('cancel')}</Button>}
      onCancel={onCancel}
      afterClose={afterClose}
      destroyOnHidden
      width={420}
    >
      <div data-testid="provider-dialog" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {providers.map((p, i) => (
          <Button
            key={p.id}
            ref={i === 0 ? first : undefined}
            size="large"
            data-testid="provider-option"
            data-provider-id={p.id}
            style={{ justifyContent: 'flex-start' }}
            onClick={() => onPick(p)}
          >
            <kbd style={{ marginRight: 10 }}>{i + 1}</kbd>
            {p.name}
          </Button>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('providerHint')}
      </Typography.Text>
    </Modal>
  );
}
