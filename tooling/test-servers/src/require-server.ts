import { describe, it } from "vitest";
import { type ServerName, serverStatus } from "./binaries.js";

export interface ServerGate {
  /** True when every server is installed; the tests then run. */
  readonly available: boolean;
  /** Paths of the installed binaries, by server name. */
  readonly binaries: Readonly<Record<string, string>>;
  /**
   * `describe` that registers its body only when the servers are installed. Otherwise it
   * registers one test that skips with a message naming the Debian package, or fails under
   * `CI=true`. Hooks inside the body (starting the server) never run without the binary.
   */
  describe(title: string, body: () => void): void;
}

/** The gate for tests needing real servers (ARCHITECTURE.md, "Real servers in tests and CI"). */
export function requireServer(...names: ServerName[]): ServerGate {
  const status = serverStatus(names);
  if (status.kind === "ready") {
    return { available: true, binaries: status.binaries, describe: (t, body) => describe(t, body) };
  }
  return {
    available: false,
    binaries: {},
    describe: (title) =>
      describe(title, () => {
        it(`needs ${names.join(", ")}`, (ctx) => {
          if (status.kind === "fail") throw new Error(status.message);
          console.warn(`${title}: ${status.message}`);
          ctx.skip(status.message);
        });
      }),
  };
}
