// Test helpers (not exported from the package): executors against real sshds from @zmgr/test-servers.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sshd } from "@zmgr/test-servers";
import { createSshExecutor, type SshExecutor, type SshExecutorOptions } from "./ssh-executor.js";

/** An executor for `server` (its host key recorded, its client key as identity). */
export function executorFor(server: Sshd, extra: Partial<SshExecutorOptions> = {}): SshExecutor {
  return createSshExecutor({
    host: `h${server.port}`,
    destination: server.destination,
    port: server.port,
    hostKeys: [server.hostKey],
    identity: server.identity,
    ...extra,
  });
}

/**
 * A Node script that prints each argument followed by a NUL byte: the argv that reached the
 * remote process, byte for byte (an empty argument shows as a lone NUL).
 */
export async function argvScript(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "zmgr-ssh-argv-"));
  const file = join(dir, "argv.cjs");
  await writeFile(
    file,
    'process.stdout.write(process.argv.slice(2).map((a) => a + "\\0").join(""));\n',
  );
  return file;
}

/** What `argvScript` prints for `args`, written independently of the quoting under test. */
export function expectedArgvOutput(args: readonly string[]): string {
  let out = "";
  for (const a of args) out += `${a}\u0000`;
  return out;
}
