import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Writes one job to a device path in a child process. A stuck device (a USB printer that stopped
 * answering, a FIFO nobody reads) blocks open() or write() in the kernel; in the app's own process
 * that would hold one of libuv's four pool threads per stuck job until backups and file reads
 * starve, and a worker thread blocked in a syscall keeps the process from ever exiting. A child
 * can be left waiting (its late completion is still reported) and killed when the app quits.
 *
 * The child is a few lines of plain CommonJS given with -e, so it runs the same under node, tsx
 * and Electron (ELECTRON_RUN_AS_NODE) with no file to ship. It prints 'O' once the device is open
 * and 'K' once the job is written, or the error's code.
 */
const program = `
const fs = require('fs');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  try {
    const fd = fs.openSync(process.argv[1], fs.constants.O_WRONLY);
    process.stdout.write('O');
    const bytes = Buffer.concat(chunks);
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at);
    fs.closeSync(fd);
    process.stdout.write('K', () => process.exit(0));
  } catch (e) {
    process.stdout.write('E' + (e && e.code ? e.code : 'EIO'), () => process.exit(1));
  }
});`;

const live = new Set<ChildProcess>();
let exitHookSet = false;

function killAllOnExit(): void {
  if (exitHookSet) return;
  exitHookSet = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

export interface DeviceWrite {
  /** Resolves when the job is written; rejects with the error code (ENOENT, EACCES…). */
  done: Promise<void>;
  /** Stops waiting: the child is killed, so nothing more reaches the device. */
  kill(): void;
}

/** Starts writing `bytes` to `path` in a child process; `done` settles when the child finishes. */
export function writeDevice(path: string, bytes: Buffer): DeviceWrite {
  killAllOnExit();
  const child = spawn(process.execPath, ['-e', program, path], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'ignore'],
    windowsHide: true,
  });
  live.add(child);
  let out = '';
  child.stdout!.setEncoding('latin1').on('data', (s: string) => (out += s));
  child.stdin!.on('error', () => {}); // a child that died early closes its stdin; its exit reports why
  child.stdin!.end(bytes);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => reject(Object.assign(new Error(e.message), { code: (e as { code?: string }).code ?? 'EIO' })));
    child.on('close', (code) => {
      live.delete(child);
      if (code === 0 && out.endsWith('K')) resolve();
      else reject(Object.assign(new Error(`device write failed: ${out}`), { code: /E([A-Z]+)$/.exec(out)?.[1] ?? 'EIO' }));
    });
  });
  // The stuck child must not keep the app alive on its own.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  return { done, kill: () => child.kill('SIGKILL') };
}
