import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  onAbout: () => void;
}

/** The application menu, in Chinese. Developer tools are left out of installed builds. */
export function menuTemplate({ isPackaged, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '重新载入', role: 'reload' },
    ...(isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  return [
    { label: '文件', submenu: [{ label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于积分超市', click: () => onAbout() }] },
  ];
}
