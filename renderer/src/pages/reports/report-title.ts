import { presetTitle, type ReportPreset } from '@shared/core/rules/period';
import { monthName } from '../../format';
import type { Lang } from '../../i18n/messages';

/**
 * A report's heading in the language. Chinese is the server's own title (the one the Excel export
 * carries, a village document); English says the same period in its own words.
 */
export function reportTitle(p: ReportPreset, lang: Lang): string {
  if (lang === 'zh') return presetTitle(p);
  switch (p.kind) {
    case 'month':
      return `Points report, ${monthName(p.month, 'en')} ${p.year}`;
    case 'quarter':
      return `Points report, Q${p.quarter} ${p.year}`;
    case 'year':
      return `Points statistics ${p.year}`;
    case 'progress':
      return p.which === 'june'
        ? `Points progress report, first half of ${p.year} (to the end of June)`
        : p.which === 'september'
          ? `Points progress report, first three quarters of ${p.year} (to the end of September)`
          : `Points work summary ${p.year}`;
  }
}
