import { FontSizeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCare } from './CareProvider';
import { useCareText } from './text';

/** The 长辈模式 switch, beside the language toggle; `compact` (icon only) for the phone's slim header. */
export function CareToggle({ compact = false }: { compact?: boolean }) {
  const { on, setOn } = useCare();
  const c = useCareText();
  return (
    <Button
      size="small"
      type={on ? 'primary' : 'default'}
      icon={<FontSizeOutlined />}
      aria-pressed={on}
      aria-label={c('careMode')}
      title={c('careHint')}
      data-testid="care-toggle"
      className="care-toggle"
      // Keeps the counter's scan field focused when clicked with the mouse.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => setOn(!on)}
    >
      {compact ? null : c('careMode')}
    </Button>
  );
}
