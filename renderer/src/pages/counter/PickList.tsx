import { useI18n } from '../../i18n/I18nProvider';
import type { HouseholdSearchHit } from './types';

/** Several households matched: the shopkeeper picks with ↑↓ + Enter, a digit, or the mouse. */
export function PickList({ items, index, onPick }: { items: readonly HouseholdSearchHit[]; index: number; onPick(i: number): void }) {
  const { t } = useI18n();
  return (
    <div className="panel pick-list" data-testid="pick-list" role="listbox" aria-label={t('pickTitle', { n: items.length })}>
      <div className="panel-head">{t('pickTitle', { n: items.length })}</div>
      <div style={{ padding: 6, maxHeight: 300, overflow: 'auto' }}>
        {items.map((h, i) => (
          <div
            key={h.id}
            data-testid="pick-item"
            data-household-id={h.id}
            role="option"
            aria-selected={i === index}
            className={`pick-item${i === index ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(i)}
            ref={i === index ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
          >
            <span className="num">{i < 9 ? i + 1 : ''}</span>
            <b style={{ minWidth: 80 }} data-user-text>
              {h.headName}
            </b>
            <span className="muted">{h.cardNo}</span>
            <span className="muted" data-user-text>
              {h.group}
            </span>
            <span style={{ marginLeft: 'auto', color: h.available < 0 ? '#c0392b' : '#2f8a4c', fontWeight: 700 }}>
              {t('available')} {h.available}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
