import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';

/** The app's one date format, typed or picked: a native date field would follow the browser's locale instead. */
export const dateFormat = 'YYYY-MM-DD';
const monthFormat = 'YYYY-MM';

interface FieldProps {
  /** "YYYY-MM-DD" (a day) or "YYYY-MM" (a month); "" for none. */
  value: string;
  onChange(value: string): void;
  /** The last day (or month) that may be chosen, such as today. */
  max?: string;
  allowClear?: boolean;
  testId?: string;
  style?: CSSProperties;
}

function Field({ value, onChange, max, allowClear = false, testId, style, picker }: FieldProps & { picker: 'date' | 'month' }) {
  const format = picker === 'month' ? monthFormat : dateFormat;
  const parsed = value ? dayjs(value) : null;
  const last = max ? dayjs(max) : null;
  return (
    <DatePicker
      picker={picker}
      format={format}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d: Dayjs | null) => {
        if (d || allowClear) onChange(d ? d.format(format) : '');
      }}
      disabledDate={last ? (d: Dayjs) => d.isAfter(last, picker === 'month' ? 'month' : 'day') : undefined}
      allowClear={allowClear}
      style={{ width: picker === 'month' ? 130 : 150, ...style }}
      data-testid={testId}
    />
  );
}

/** A day, as "YYYY-MM-DD", in both languages; the calendar's words follow the app's language (ConfigProvider). */
export const DateField = (props: FieldProps) => <Field {...props} picker="date" />;

/** A month, as "YYYY-MM". */
export const MonthField = (props: FieldProps) => <Field {...props} picker="month" />;
