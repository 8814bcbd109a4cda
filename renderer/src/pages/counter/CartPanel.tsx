import { CloseOutlined, MinusOutlined, PlusOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip } from 'antd';
import { formatPoints } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { checkCart, lineTotal, type CartLine } from './cart';
import { redeemBlock, type GuardHousehold, type RedeemBlock } from './scan-guard';
import type { MessageKey } from '../../i18n/messages';
import './counter.css';

interface Props {
  lines: readonly CartLine[];
  selected: string | null;
  available: number | null;
  /** What the guard needs of the household (null: none at the counter). */
  guard: GuardHousehold | null;
  householdActive: boolean;
  busy: boolean;
  onSelect(key: string): void;
  onQty(key: string, delta: number): void;
  onRemove(key: string): void;
  onRedeem(): void;
}

const keep = (e: React.MouseEvent) => e.preventDefault(); // buttons here never take focus from the scan field

export function CartPanel({ lines, selected, available, guard, householdActive, busy, onSelect, onQty, onRemove, onRedeem }: Props) {
  const { t } = useI18n();
  const check = checkCart(lines, householdActive ? available : null);
  const over = householdActive && check.overBy > 0;
  const block = redeemBlock(lines, householdActive ? guard : null, busy);
  const blockText = block && block.reason !== 'busy' ? blockReasonText(block, t) : null;
  return (
    <div className="panel cart" data-testid="cart">
      <div className="panel-head">
        <span>
          <ShoppingCartOutlined /> {t('cart')}
        </span>
        {lines.length > 0 && (
          <span style={{ fontWeight: 400, color: '#8a7766', fontSize: 13 }}>{t('itemsCount', { n: lines.reduce((s, l) => s + l.qty, 0) })}</span>
        )}
      </div>
      {lines.length > 0 && (
        <div className="cart-head">
          <span>{t('colItem')}</span>
          <span style={{ textAlign: 'right' }}>{t('colUnitPoints')}</span>
          <span style={{ textAlign: 'center' }}>{t('colQty')}</span>
          <span style={{ textAlign: 'right' }}>{t('colLineTotal')}</span>
          <span />
        </div>
      )}
      <div className="cart-lines">
        {lines.length === 0 && <div className="cart-empty">{householdActive ? t('cartEmpty') : t('needHousehold')}</div>}
        {lines.map((l) => {
          const short = check.shortStock.find((s) => s.itemId === l.itemId);
          return (
            <div
              key={l.key}
              data-testid="cart-line"
              data-item-id={l.itemId}
              className={`cart-line${l.key === selected ? ' selected' : ''}`}
              onMouseDown={keep}
              onClick={() => onSelect(l.key)}
            >
              <div className="name" title={l.name}>
                <div className="name-text" data-testid="cart-line-name" data-user-text>
                  {l.name}
                </div>
                {l.openPrice && <div className="sub">{t('openPrice')}</div>}
                {l.providerName && (
                  <div className="sub" data-testid="cart-line-provider" data-user-text>
                    {l.providerName}
                  </div>
                )}
                {short && (
                  <div className="sub" style={{ color: '#c0392b' }}>
                    {t('overStock', { n: short.stock, unit: l.unit })}
                  </div>
                )}
              </div>
              <div className="num" style={{ color: '#7c6a5c', fontSize: 16 }}>
                {l.unitPoints}
              </div>
              <div className="qty">
                <Button
                  size="small"
                  shape="circle"
                  icon={<MinusOutlined />}
                  aria-label="-"
                  disabled={l.qty <= 1}
                  onMouseDown={keep}
                  onClick={(e) => {
                    e.stopPropagation();
                    onQty(l.key, -1);
                  }}
                />
                <span className="n" data-testid="cart-line-qty">
                  {l.qty}
                </span>
                <Button
                  size="small"
                  shape="circle"
                  icon={<PlusOutlined />}
                  aria-label="+"
                  onMouseDown={keep}
                  onClick={(e) => {
                    e.stopPropagation();
                    onQty(l.key, 1);
                  }}
                />
              </div>
              <div className="num" style={{ fontWeight: 700 }} data-testid="cart-line-total">
                {formatPoints(lineTotal(l))}
              </div>
              <Button
                size="small"
                type="text"
                danger
                icon={<CloseOutlined />}
                aria-label={t('removeLine')}
                onMouseDown={keep}
                onClick={(e) => {
                  e.stopPropagation();
                  onRemove(l.key);
                }}
              />
            </div>
          );
        })}
      </div>
      <div className="cart-foot">
        {over && <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="cart-warning" title={t('overAvailable', { n: check.overBy })} />}
        <div className="totals" data-testid="cart-totals">
          <div>
            <div className="t-label">{t('total')}</div>
            <div className="t-total">
              <span data-testid="cart-total">{formatPoints(check.total)}</span> <span style={{ fontSize: 18 }}>{t('points')}</span>
            </div>
          </div>
          {householdActive && available !== null && (
            <div style={{ textAlign: 'right' }}>
              <div className="t-label">{t('remaining')}</div>
              <div className="t-remain" style={{ color: check.remaining < 0 ? '#c0392b' : '#2f8a4c' }}>
                <span data-testid="cart-remaining">{formatPoints(check.remaining)}</span> {t('points')}
              </div>
            </div>
          )}
        </div>
        <Tooltip title={blockText}>
          <Button
            className="redeem-btn"
            data-testid="redeem-button"
            type="primary"
            size="large"
            loading={busy}
            disabled={block !== null && block.reason !== 'busy'}
            onMouseDown={keep}
            onClick={onRedeem}
          >
            {busy ? t('redeeming') : t('redeem')}
            {!busy && <span className="key">{t('redeemKey')}</span>}
          </Button>
        </Tooltip>
        {blockText && (
          <div className="redeem-reason" data-testid="redeem-reason" data-reason={block!.reason}>
            {blockText}
          </div>
        )}
      </div>
    </div>
  );
}

function blockReasonText(b: RedeemBlock, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  switch (b.reason) {
    case 'no_household':
      return t('blockNoHousehold');
    case 'empty_cart':
      return t('blockEmpty');
    case 'busy':
      return t('blockBusy');
    case 'owed':
      return t('blockOwed', { n: b.owed });
    case 'over_available':
      return t('blockOver', { n: b.shortBy });
    case 'out_of_stock':
      return t('blockStock', b);
    case 'item_limit':
      return t('blockLimit', b);
  }
}
