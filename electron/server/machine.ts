import type { Server } from 'node:http';
import type { CoreDeps, LanSettings, MachineRole, MachineRuntime } from '../core/context.js';
import { lanSettings } from '../core/domains/machine/lan.js';
import { CounterAgent, agentOptionsFromEnv, type AgentOptions } from '../sync/counter.js';
import { unpairCounter } from '../sync/unpair.js';
import { LanListener, ipv4Interfaces } from './lan-listener.js';

/**
 * The host's side of a role: a counter runs the sync agent, an office or a one-PC village may listen
 * on the LAN. Changing the role at run time (wizard, settings screen) starts or stops them here; the
 * process and the database stay as they are.
 */
export class HostMachine implements MachineRuntime {
  private agent: CounterAgent | undefined;
  private started = false;
  readonly lan: LanListener;

  constructor(
    private readonly deps: CoreDeps,
    readonly fixedRole: MachineRole | null,
    private readonly syncOptions: Partial<AgentOptions>,
    makeServer: () => Server,
  ) {
    this.lan = new LanListener(makeServer);
  }

  /** Starts what the current role runs: the agent's timer, the stored LAN listener. */
  async start(): Promise<void> {
    this.started = true;
    this.agent?.start();
    await this.applyStoredLan();
  }

  useRole(role: MachineRole): void {
    this.deps.role = role;
    if (role === 'counter' && !this.agent) {
      this.agent = new CounterAgent(this.deps, { ...agentOptionsFromEnv(), ...this.syncOptions });
      this.deps.sync = this.agent;
      if (this.started) this.agent.start();
    } else if (role !== 'counter' && this.agent) {
      this.agent.stop();
      this.agent = undefined;
      this.deps.sync = undefined;
    }
    if (this.started) void this.applyStoredLan();
  }

  unpair() {
    return unpairCounter(this.deps.db);
  }

  applyLan(lan: LanSettings) {
    return this.lan.apply(this.deps.role === 'counter' ? { ...lan, enabled: false } : lan);
  }

  lanStatus() {
    return this.lan.status();
  }

  interfaces() {
    return ipv4Interfaces();
  }

  /** A stored address that cannot be bound now (the PC's IP changed) is shown on the settings screen, not fatal. */
  private async applyStoredLan(): Promise<void> {
    try {
      await this.applyLan(lanSettings(this.deps.db));
    } catch (e) {
      console.error('[lan]', (e as Error).message);
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    this.agent?.stop();
    await this.lan.close();
  }
}
