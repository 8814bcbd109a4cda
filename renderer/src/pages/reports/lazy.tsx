import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

// ECharts is most of the reports' weight: it loads only when someone opens the reports.
const Reports = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));

export function LazyReportsPage() {
  return (
    <Suspense
      fallback={
        <div style={{ padding: 60, textAlign: 'center' }}>
          <Spin size="large" />
        </div>
      }
    >
      <Reports />
    </Suspense>
  );
}
