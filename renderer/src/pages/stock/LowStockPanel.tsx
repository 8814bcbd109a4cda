import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { hashFor } from '../../nav';
import { hasRole, useSignedIn } from '../../session';
import { useStockText } from './text';

type Low = Result<'stock.low'>['items'][number];

/** Goods at or below their low-stock threshold, for the office home; nothing at all when none are. */
export function LowStockPanel() {
  const { s } = useStockText();
  const { user } = useSignedIn();
  const [items, setItems] = useState<Low[]>([]);
  useEffect(() => {
    call('stock.low', {}).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  if (items.length === 0) return null;
  return (
    <div className="panel" style={{ marginBottom: 12 }} data-testid="low-stock-panel">
      <div className="panel-head">
        <span>
          <WarningOutlined style={{ color: '#c0392b' }} /> {s('lowStockTitle', { n: items.length })}
        </span>
        {hasRole(user, 'shopkeeper') && (
          <Button
            size="small"
            onClick={() => {
              window.location.hash = hashFor('receiving');
            }}
          >
            {s('receivingTitle')}
          </Button>
        )}
      </div>
      <div className="panel-body" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {items.map((i) => (
          <Tag key={i.id} color={i.stock === 0 ? 'red' : 'orange'} data-testid="low-stock-item" style={{ fontSize: 14, padding: '2px 8px' }}>
            {i.name}：{s('stock')} {i.stock}
            {i.unit}（≤ {i.lowStockThreshold}）
          </Tag>
        ))}
      </div>
    </div>
  );
}
