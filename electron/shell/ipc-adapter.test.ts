import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../db/connection.js';
import { systemClock } from '../core/clock.js';
import { createDispatcher } from '../core/dispatcher.js';
import { handlers } from '../app-contract.js';
import { hashPin } from '../core/domains/auth/pin-hash.js';
import { posChannel, registerPosIpc, type IpcEventLike, type IpcMainLike } from './ipc-adapter.js';

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: IpcEventLike, ...args: unknown[]): Promise<any> {
    const h = this.handlers.get(posChannel);
    if (!h) throw new Error('no handler');
    return Promise.resolve(h(event, ...args));
  }
}

class FakeWebContents {
  private onDestroyed: (() => void)[] = [];
  constructor(readonly id: number) {}
  once(_event: 'destroyed', listener: () => void) {
    this.onDestroyed.push(listener);
    return this;
  }
  destroy() {
    this.onDestroyed.splice(0).forEach((f) => f());
  }
}

const appFrame = { url: 'app://pos/index.html', parent: null };
const eventFrom = (sender: FakeWebContents, frame: IpcEventLike['senderFrame'] = appFrame): IpcEventLike => ({ sender, senderFrame: frame });

let dir: string;
let db: DB;
let ipc: FakeIpcMain;
let adapter: ReturnType<typeof registerPosIpc>;
let win: FakeWebContents;

const sessionCount = () => (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pos-ipc-'));
  db = openDatabase(path.join(dir, 'points.db'));
  db.prepare('INSERT INTO users (username, name, pin_hash, roles, created_at) VALUES (?, ?, ?, ?, ?)').run(
    'shop',
    '王店长',
    hashPin('111111'),
    JSON.stringify(['shopkeeper']),
    new Date().toISOString(),
  );
  ipc = new FakeIpcMain();
  adapter = registerPosIpc(ipc, createDispatcher({ db, clock: systemClock }, handlers));
  win = new FakeWebContents(1);
});

afterEach(() => {
  adapter.dispose();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (sender = win) => ipc.invoke(eventFrom(sender), 'auth.login', { username: 'shop', pin: '111111' });

describe('pos:call IPC adapter', () => {
  it('registers exactly the one channel', () => {
    expect([...ipc.handlers.keys()]).toEqual(['pos:call']);
  });

  it('logs in through IPC, keeps the token in main and gives the renderer none', async () => {
    const reply = await login();
    expect(reply.error).toBeUndefined();
    expect(reply.result.user).toMatchObject({ username: 'shop', name: '王店长', roles: ['shopkeeper'] });
    expect(reply.result).not.toHaveProperty('token');
    expect(JSON.stringify(reply)).not.toMatch(/token/i);
    expect(adapter.isSignedIn(win.id)).toBe(true);
    expect(sessionCount()).toBe(1);
  });

  it('authenticates later calls from the same window with the stored token', async () => {
    const before = await ipc.invoke(eventFrom(win), 'auth.me', {});
    expect(before.error.code).toBe('UNAUTHENTICATED');
    await login();
    const me = await ipc.invoke(eventFrom(win), 'auth.me', {});
    expect(me.error).toBeUndefined();
    expect(me.result.user.username).toBe('shop');
  });

  it('keeps sessions per window', async () => {
    await login();
    const other = new FakeWebContents(2);
    const reply = await ipc.invoke(eventFrom(other), 'auth.me', {});
    expect(reply.error.code).toBe('UNAUTHENTICATED');
  });

  it('does not store anything for a failed login', async () => {
    const reply = await ipc.invoke(eventFrom(win), 'auth.login', { username: 'shop', pin: '000000' });
    expect(reply.error.code).toBe('UNAUTHENTICATED');
    expect(adapter.isSignedIn(win.id)).toBe(false);
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of the app', { url: 'app://pos/frame.html', parent: {} }],
    ['a destroyed frame', null],
  ])('refuses calls from %s, even when the window is signed in', async (_what, frame) => {
    await login();
    const reply = await ipc.invoke(eventFrom(win, frame as IpcEventLike['senderFrame']), 'auth.me', {});
    expect(reply.error.code).toBe('FORBIDDEN');
    expect(reply.result).toBeUndefined();
  });

  it('refuses a login from an untrusted frame without creating a session', async () => {
    const reply = await ipc.invoke(eventFrom(win, { url: 'https://evil.example/', parent: null }), 'auth.login', { username: 'shop', pin: '111111' });
    expect(reply.error.code).toBe('FORBIDDEN');
    expect(sessionCount()).toBe(0);
  });

  it.each([[42], [null], [undefined], [{ method: 'auth.me' }], [['auth.me']], ['']])('refuses method %j', async (method) => {
    const reply = await ipc.invoke(eventFrom(win), method, {});
    expect(reply.error.code).toBe('INVALID_INPUT');
  });

  it('passes unknown method names to the dispatcher, which answers NOT_FOUND', async () => {
    const reply = await ipc.invoke(eventFrom(win), 'no.such.method', {});
    expect(reply.error.code).toBe('NOT_FOUND');
  });

  it('logs out: forgets the token and ends the session', async () => {
    await login();
    const out = await ipc.invoke(eventFrom(win), 'auth.logout', {});
    expect(out.error).toBeUndefined();
    expect(adapter.isSignedIn(win.id)).toBe(false);
    expect(sessionCount()).toBe(0);
    const me = await ipc.invoke(eventFrom(win), 'auth.me', {});
    expect(me.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers logout when not signed in', async () => {
    const out = await ipc.invoke(eventFrom(win), 'auth.logout');
    expect(out.result).toBeDefined();
  });

  it('ends the old session when the same window logs in again', async () => {
    await login();
    await login();
    expect(sessionCount()).toBe(1);
    const me = await ipc.invoke(eventFrom(win), 'auth.me', {});
    expect(me.result.user.username).toBe('shop');
  });

  it('ends the session when the window is destroyed', async () => {
    await login();
    win.destroy();
    expect(adapter.isSignedIn(win.id)).toBe(false);
    expect(sessionCount()).toBe(0);
  });
});
