export type ShellRole = 'all' | 'office' | 'counter';

export interface ShellArgs {
  /** --role overrides the role stored by the first-run wizard; absent, the stored one applies. */
  role?: ShellRole;
  /** Overrides app.getPath('userData'); e2e runs point it at a temp dir. */
  dataDir?: string;
  demo: boolean;
  testClock: boolean;
}

const roles: readonly ShellRole[] = ['all', 'office', 'counter'];

function valueOf(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Reads our flags out of the process argv. Unknown flags are ignored rather than refused because
 * Chromium and electron-builder's launchers add their own (--no-sandbox, --enable-logging, ...).
 */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const role = valueOf(argv, '--role');
  if (role !== undefined && !roles.includes(role as ShellRole)) {
    throw new Error(`--role 只能是 all、office 或 counter (--role must be all, office or counter), got "${role}"`);
  }
  const dataDir = valueOf(argv, '--data');
  return {
    ...(role ? { role: role as ShellRole } : {}),
    ...(dataDir ? { dataDir } : {}),
    demo: argv.includes('--demo'),
    testClock: argv.includes('--test-clock'),
  };
}
