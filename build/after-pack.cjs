// electron-builder afterPack hook: checks the better-sqlite3 addon inside the packed app (the copy in
// resources/app.asar.unpacked that the installed program will load) against the Electron being
// packaged. electron-builder rebuilds native modules itself while packing, so the check before
// `electron-builder` in `npm run dist` is not enough: this one makes a wrong binary fail the build.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS */
const path = require('node:path');
const { pathToFileURL } = require('node:url');

module.exports = async function afterPack(context) {
  const abi = await import(pathToFileURL(path.join(__dirname, '..', 'scripts', 'native-abi.mjs')).href);
  const resources = context.packager.getResourcesDir(context.appOutDir);
  const file = path.join(resources, 'app.asar.unpacked', abi.sqliteModulePath);
  const result = abi.checkModuleFile(file, context.packager.info.framework.version);
  const report = abi.abiReport(result, { nodedir: process.env.npm_config_nodedir });
  if (!result.verdict.ok) throw new Error(`${report}\n  (afterPack: ${context.appOutDir})`);
  console.log(`  • ${report}`);
};
