import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { format } from '../../i18n/messages';

/** The 关于 page's words. Chinese first; English mirrors it key for key. */
const zh = {
  aboutTitle: '关于积分超市',
  aboutLead: '乡村治理积分制 · 积分超市兑换与台账',
  version: '版本',
  role: '本机用途',
  role_all: '单机（一台电脑全部功能）',
  role_office: '村委会',
  role_counter: '收银台',
  database: '数据库大小',
  dataDir: '数据文件夹',
  backupsDir: '备份文件夹',
  logsDir: '日志文件夹',
  updatesDir: '更新文件夹',
  updatesDirHint: '把新版本的安装包和 latest*.yml 放在这里，已配对的收银台即可从本机更新。',
  pathsAdminOnly: '文件夹位置仅管理员可见。',
  runtime: '运行环境',
  runtimeBrowser: '浏览器访问（服务端 Node.js {node}）',
  updatesTitle: '软件更新',
  updatesFeed: '更新来源',
  noFeed_not_counter: '本机不是收银台：请在村委会电脑上直接运行新版本安装包。',
  noFeed_not_paired: '收银台尚未与村委会配对，配对后可从村委会更新。',
  updatesBrowser: '浏览器中不能更新，请在收银台电脑的桌面版中检查更新。',
  check: '检查更新',
  install: '下载并安装 {version}',
  installConfirmTitle: '安装 {version}？',
  installConfirm: '下载完成后程序会自动关闭并安装新版本，请确认此刻没有正在进行的兑换。',
  installOk: '下载并安装',
  cancel: '取消',
  state_idle: '尚未检查',
  state_checking: '正在检查…',
  state_none: '已是最新版本',
  state_available: '有新版本：{version}',
  state_downloading: '正在下载 {percent}%',
  state_ready: '下载完成，正在重启安装…',
  state_error: '检查或下载失败：{error}',
  checkedAt: '上次检查：{at}',
  adminOnlyUpdates: '检查和安装更新需要管理员登录。',
} as const;

export type AboutKey = keyof typeof zh;

const en: Record<AboutKey, string> = {
  aboutTitle: 'About Points Supermarket',
  aboutLead: 'Rural-governance points · points supermarket counter and ledger',
  version: 'Version',
  role: 'This PC is',
  role_all: 'Standalone (one PC does it all)',
  role_office: 'Village office',
  role_counter: 'Counter',
  database: 'Database size',
  dataDir: 'Data folder',
  backupsDir: 'Backups folder',
  logsDir: 'Log folder',
  updatesDir: 'Updates folder',
  updatesDirHint: "Put a new version's installers and latest*.yml here; paired counters then update from this PC.",
  pathsAdminOnly: 'Folder locations are shown to administrators only.',
  runtime: 'Runtime',
  runtimeBrowser: 'In a browser (server on Node.js {node})',
  updatesTitle: 'Updates',
  updatesFeed: 'Update source',
  noFeed_not_counter: "This PC is not a counter: run the new version's installer on the office PC itself.",
  noFeed_not_paired: 'This counter is not paired yet; once paired it updates from the village office.',
  updatesBrowser: 'Updates cannot be installed from a browser; check for updates in the desktop app on the counter PC.',
  check: 'Check for updates',
  install: 'Download and install {version}',
  installConfirmTitle: 'Install {version}?',
  installConfirm: 'When the download is done the app closes and installs the new version. Make sure no redemption is in progress.',
  installOk: 'Download and install',
  cancel: 'Cancel',
  state_idle: 'Not checked yet',
  state_checking: 'Checking…',
  state_none: 'Up to date',
  state_available: 'New version available: {version}',
  state_downloading: 'Downloading {percent}%',
  state_ready: 'Downloaded; restarting to install…',
  state_error: 'Check or download failed: {error}',
  checkedAt: 'Last checked: {at}',
  adminOnlyUpdates: 'Checking for and installing updates needs an administrator.',
};

export const aboutMessages = { zh, en } as const;

export function useAboutText() {
  const { lang } = useI18n();
  return useCallback((key: AboutKey, vars?: Record<string, string | number>) => format(aboutMessages[lang][key] ?? zh[key], vars), [lang]);
}
