import type { EtcdClient } from "./client.js";

export interface LeaseTimers {
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

const realTimers: LeaseTimers = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref();
    return t;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/**
 * One lease for the reservations of one process (SPEC §6: TTL 30 s, renewed every 10 s). A
 * renewal that fails or answers without TTL marks it lost for good: every create on it must stop
 * before its next host step. `users` counts the reservations on it; the last release revokes it.
 */
export class LeaseKeeper {
  private id: Promise<string> | undefined;
  private timer: unknown;
  private users = 0;
  lost: string | undefined;

  constructor(
    private readonly client: EtcdClient,
    private readonly ttlSeconds: number,
    private readonly renewMs: number,
    private readonly timers: LeaseTimers = realTimers,
  ) {}

  /** The lease id, granted on first use; one more reservation counts on it. */
  async acquire(): Promise<string> {
    if (this.lost !== undefined) {
      // a lost lease never comes back: start over with a fresh one for new reservations
      this.stop();
      this.id = undefined;
      this.lost = undefined;
    }
    this.id ??= this.client.leaseGrant(this.ttlSeconds).then((lease) => {
      this.timer = this.timers.setInterval(() => void this.renew(lease.id), this.renewMs);
      return lease.id;
    });
    try {
      const id = await this.id;
      this.users++;
      return id;
    } catch (err) {
      this.id = undefined;
      throw err;
    }
  }

  /** The current lease id, if one was granted. */
  current(): Promise<string> | undefined {
    return this.id;
  }

  /** Renews once now (also what the timer does). */
  async renew(id: string): Promise<void> {
    if (this.lost !== undefined) return;
    try {
      const state = await this.client.leaseKeepAlive(id);
      if (!state.alive) this.markLost("its lease expired (the keepalive answered without TTL)");
    } catch (err) {
      this.markLost(`renewing its lease failed (${(err as Error).message})`);
    }
  }

  /** One reservation less; the last one revokes the lease (its keys go with it). */
  async release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0 || this.id === undefined) return;
    const pending = this.id;
    this.id = undefined;
    this.stop();
    const id = await pending.catch(() => undefined);
    if (id !== undefined && this.lost === undefined) await this.client.leaseRevoke(id);
    this.lost = undefined;
  }

  private markLost(why: string): void {
    this.lost = why;
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
  }
}
