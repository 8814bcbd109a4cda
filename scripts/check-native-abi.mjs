// `npm run dist` runs this before electron-builder: it refuses to go on when better-sqlite3's addon
// was not built for the Electron that will be packaged (see scripts/native-abi.mjs).
//   node scripts/check-native-abi.mjs [--app-dir <dir>] [--electron <version>]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { abiReport, checkModuleFile, installedElectronVersion, sqliteModulePath } from './native-abi.mjs';

const { values } = parseArgs({
  options: { 'app-dir': { type: 'string', default: '.' }, electron: { type: 'string' } },
  strict: true,
});
const appDir = resolve(values['app-dir']);
const result = checkModuleFile(join(appDir, sqliteModulePath), values.electron ?? installedElectronVersion(appDir));
const report = abiReport(result, { nodedir: process.env.npm_config_nodedir });
if (result.verdict.ok) {
  console.log(report);
} else {
  console.error(report);
  process.exit(1);
}
