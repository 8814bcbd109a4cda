import { AppstoreOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { matchGoods } from './goods-match';
import { useGoodsText } from './goods-text';
import type { Item } from './types';

interface Props {
  goods: readonly Item[];
  services: readonly Item[];
  query: string;
  searchRef: Ref<InputRef>;
  onQuery(q: string): void;
  /** Enter in the search box: the page decides (one hit adds it; a barcode is a scan). */
  onSearchEnter(q: string, hits: Item[]): void;
  onSearchEscape(): void;
  onPick(item: Item): void;
}

const keep = (e: React.MouseEvent) => e.preventDefault();

export function ItemPicker({ goods, services, query, searchRef, onQuery, onSearchEnter, onSearchEscape, onPick }: Props) {
  const { t } = useI18n();
  const g = useGoodsText();
  const shownGoods = matchGoods(goods, query);
  const shownServices = matchGoods(services, query);
  const nothing = query.trim() !== '' && shownGoods.length === 0 && shownServices.length === 0;
  return (
    <div className="panel picker">
      <div className="panel-head">
        <span>
          <AppstoreOutlined /> {t('goods')} / {t('services')}
        </span>
        <span style={{ fontWeight: 400, fontSize: 12, color: '#a89684' }}>F2</span>
      </div>
      <div style={{ padding: '10px 12px 0' }}>
        <Input
          ref={searchRef}
          data-testid="goods-search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={g('goodsSearchHint')}
          title={g('goodsSearchHelp')}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              onSearchEnter(query, [...shownServices, ...shownGoods]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onSearchEscape();
            }
          }}
        />
      </div>
      <div className="picker-body">
        {shownServices.length > 0 && (
          <>
            <div className="section-title">{t('services')}</div>
            <div className="service-grid">
              {shownServices.map((s) => (
                <div key={s.id} className="service-cell">
                  <Button data-testid="service-button" data-item-id={s.id} onMouseDown={keep} onClick={() => onPick(s)}>
                    <span data-user-text>{s.name}</span>
                  </Button>
                  <span className="price">{s.openPrice ? `${t('openPrice')} ${s.minPoints ?? 1}–${s.maxPoints ?? '∞'}` : `${s.points} ${t('points')}`}</span>
                </div>
              ))}
            </div>
          </>
        )}
        <div className="section-title">{t('goods')}</div>
        {nothing && (
          <div className="picker-empty" role="status" data-testid="goods-no-match">
            {g('noMatchingGoodsFor', { q: query.trim() })}
          </div>
        )}
        <div className="goods-grid">
          {shownGoods.map((g) => (
            <button
              key={g.id}
              type="button"
              data-testid="goods-button"
              data-item-id={g.id}
              className={`goods-card${(g.stock ?? 0) <= 0 ? ' soldout' : ''}${g.low ? ' low' : ''}`}
              data-low={g.low ? 'true' : undefined}
              onMouseDown={keep}
              onClick={() => onPick(g)}
              title={g.barcode ?? undefined}
            >
              <div className="g-name" data-user-text>
                {g.name}
              </div>
              <div className="g-meta">
                <span className="g-pts">
                  {g.points} {t('points')}
                </span>
                <span>
                  {g.low && (g.stock ?? 0) > 0 && (
                    <span className="low-tag" data-testid="low-stock-tag">
                      {t('lowStockTag')}
                    </span>
                  )}
                  {(g.stock ?? 0) > 0 ? `${t('stock')} ${g.stock}` : t('soldOut')}
                </span>
              </div>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
