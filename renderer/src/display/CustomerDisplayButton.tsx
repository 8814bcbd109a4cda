import { DesktopOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useDisplayText } from './text';
import { openCustomerDisplay } from './useCustomerDisplay';

/** 顾客屏: opens the villager-facing screen; the mouse-down is swallowed so the scan field keeps the focus. */
export function CustomerDisplayButton() {
  const d = useDisplayText();
  return (
    <Button
      data-testid="open-customer-display"
      icon={<DesktopOutlined />}
      title={d('openDisplayHint')}
      // The scan row stretches it to the scan field's height, as it does the 新顾客 button.
      style={{ height: 'auto', fontSize: 16 }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={openCustomerDisplay}
    >
      {d('openDisplay')}
    </Button>
  );
}
