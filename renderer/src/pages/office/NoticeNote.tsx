import { formatPoints } from '../../format';
import { useOfficeText } from './text';

export interface Notice {
  points: number;
  countsOn: string;
  batches: readonly { points: number; countsOn: string }[];
}

/** 公示中 N 分 · from which date they count: wherever the office shows a household's points. */
export function NoticeNote({ notice, compact, testId = 'notice-note' }: { notice: Notice | null | undefined; compact?: boolean; testId?: string }) {
  const tx = useOfficeText();
  if (!notice) return null;
  const when = tx(notice.batches.length > 1 ? 'noticeCountsMore' : 'noticeCounts', { date: notice.countsOn });
  const what = tx('noticeLine', { n: formatPoints(notice.points) });
  if (compact)
    return (
      <span className="notice-tag" data-testid={testId} title={`${what} · ${when}`}>
        {what}
      </span>
    );
  return (
    <div className="notice-line" data-testid={testId}>
      {what} · {when}
    </div>
  );
}
