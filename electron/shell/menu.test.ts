import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu.js';

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  it('has the Chinese top-level menus', () => {
    expect(menuTemplate({ isPackaged: true, onAbout: () => {} }).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers reload, full screen, quit and about', () => {
    const roles = flat(menuTemplate({ isPackaged: true, onAbout: () => {} })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'togglefullscreen', 'quit']));
  });

  it('shows developer tools only in an unpackaged build', () => {
    const has = (isPackaged: boolean) => flat(menuTemplate({ isPackaged, onAbout: () => {} })).some((i) => i.role === 'toggleDevTools');
    expect(has(true)).toBe(false);
    expect(has(false)).toBe(true);
  });

  it('calls back for 关于', () => {
    let called = 0;
    const about = flat(menuTemplate({ isPackaged: true, onAbout: () => called++ })).find((i) => i.label === '关于积分超市');
    (about?.click as () => void)();
    expect(called).toBe(1);
  });
});
