import { Input, Modal, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useFocusOnOpen } from '../../components/useFocusOnOpen';
import { checkOpenPrice } from './cart';
import type { Item } from './types';

/** 缴纳医保 and other open-price services: the points are typed at the counter, within bounds. */
export function OpenPriceDialog({ item, onOk, onCancel, afterClose }: { item: Item | null; onOk(points: number): void; onCancel(): void; afterClose(): void }) {
  const { t } = useI18n();
  const [raw, setRaw] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ref = useRef<InputRef>(null);
  useFocusOnOpen(item !== null, ref);
  useEffect(() => {
    if (item) {
      setRaw('');
      setInvalid(false);
    }
  }, [item]);
  const min = item?.minPoints ?? 1;
  const max = item?.maxPoints ?? 1_000_000;
  const submit = () => {
    if (!item) return;
    const r = checkOpenPrice(item, raw);
    if (r.ok) onOk(r.points);
    else setInvalid(true);
  };
  return (
    <Modal
      open={item !== null}
      title={item ? t('openPriceTitle', { name: item.name }) : ''}
      okText={t('ok')}
      cancelText={t('cancel')}
      okButtonProps={{ 'data-testid': 'open-price-ok' }}
      onOk={submit}
      onCancel={onCancel}
      afterClose={afterClose}
      destroyOnHidden
      closable={false}
      width={380}
    >
      <Input
        ref={ref}
        data-testid="open-price-input"
        size="large"
        inputMode="numeric"
        suffix={t('points')}
        value={raw}
        status={invalid ? 'error' : undefined}
        onChange={(e) => {
          setRaw(e.target.value.replace(/[^\d]/g, ''));
          setInvalid(false);
        }}
        onPressEnter={(e) => {
          e.preventDefault();
          submit();
        }}
        style={{ fontSize: 24 }}
      />
      <Typography.Text type={invalid ? 'danger' : 'secondary'} style={{ display: 'block', marginTop: 8 }}>
        {invalid ? t('openPriceInvalid', { min, max }) : t('openPriceRange', { min, max })}
      </Typography.Text>
    </Modal>
  );
}
