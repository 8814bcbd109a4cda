import type { ThemeConfig } from 'antd';

/** Warm and plain: a village shop, not a bank. Large enough to read across a counter. */
export const palette = {
  primary: '#c2410c',
  primaryDark: '#9a3412',
  cream: '#fbf6ee',
  paper: '#fffdf8',
  ink: '#2b211a',
  muted: '#7c6a5c',
  line: '#eadfce',
  green: '#2f8a4c',
  red: '#c0392b',
  gold: '#b7791f',
};

// The rare-Han font (renderer/src/fonts) is named first but its unicode-range holds only CJK Ext A and
// B, so it draws nothing else. Named after the system fonts, it lost to Chromium on Linux, which
// matched a box for 𠮷 from a substitute of a missing family before reaching it.
export const fontFamily =
  '"Points Rare Han", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun-ExtB", "HanaMinA", "HanaMinB", system-ui, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: palette.primary,
    colorError: palette.red,
    colorWarning: '#d97706',
    colorInfo: palette.primary,
    colorTextBase: palette.ink,
    colorBgLayout: palette.cream,
    colorBorderSecondary: palette.line,
    borderRadius: 10,
    fontSize: 15,
    fontFamily,
    controlHeight: 38,
  },
  components: {
    Menu: { itemBg: 'transparent', itemSelectedBg: '#fde8d7', itemSelectedColor: palette.primaryDark, itemHeight: 38, itemMarginBlock: 2 },
    Layout: { siderBg: '#fffaf2', headerBg: '#fffaf2', headerHeight: 58, headerPadding: '0 20px', bodyBg: palette.cream },
    Card: { headerFontSize: 16 },
    Table: { headerBg: '#f6ede0', rowHoverBg: '#fff4e6' },
  },
};

/**
 * 长辈模式: the same look, bigger and plainer. Text near black on the cream, borders that show,
 * the darker orange so white on a primary button keeps a strong contrast, and taller targets.
 */
export const careTheme: ThemeConfig = {
  token: {
    ...theme.token,
    colorPrimary: palette.primaryDark,
    colorInfo: palette.primaryDark,
    colorTextBase: '#120c08',
    colorText: '#120c08',
    colorTextSecondary: '#33271e',
    colorTextTertiary: '#4a3b30',
    colorTextDescription: '#33271e',
    colorTextPlaceholder: '#6b5a4c',
    colorBorder: '#8a7462',
    colorBorderSecondary: '#c9b59c',
    fontSize: 19,
    fontSizeSM: 16,
    fontSizeLG: 22,
    controlHeight: 48,
    controlHeightSM: 36,
    controlHeightLG: 58,
  },
  components: {
    ...theme.components,
    Menu: { ...theme.components?.Menu, itemHeight: 50, itemSelectedColor: '#7c2d12', fontSize: 18 },
    Layout: { ...theme.components?.Layout, headerHeight: 68 },
    Card: { headerFontSize: 20 },
    Table: { ...theme.components?.Table, cellFontSize: 18 },
  },
};

export const themeFor = (care: boolean): ThemeConfig => (care ? careTheme : theme);
