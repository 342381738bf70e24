import { ZmgrError } from "@zmgr/errors";
import { failureOf, UnexpectedOutputError } from "./errors.js";
import {
  commandArgs,
  controlArgs,
  masterArgs,
  remoteArgv,
  remoteFile,
  remoteLine,
  type SshPaths,
} from "./ssh-args.js";
import { classifySsh255 } from "./ssh-classify.js";
import { checkHostConfig, knownHostsText, type SshHostConfig } from "./ssh-config.js";
import {
  HostClosedError,
  type HostErrorContext,
  HostKeyChangedError,
  HostKeyUnknownError,
  HostLostError,
  HostSessionRefusedError,
  HostUnreachableError,
} from "./ssh-errors.js";
import { createSemaphore } from "./ssh-semaphore.js";
import {
  defaultSshDeps,
  type SshDeps,
  type SshOutcome,
  type SshSpawnOptions,
} from "./ssh-spawn.js";
import type { Command, ExecResult, Executor, TerminalIo } from "./types.js";

export interface SshExecutorOptions extends SshHostConfig {
  /** Private key file; default `ZMGR_SSH_IDENTITY`, else the ssh configuration and agent. */
  identity?: string;
  /** Share one master connection (default true); false opens a connection per command. */
  shareConnection?: boolean;
  /** The master's `ControlPersist` in seconds (default 30). */
  controlPersistSeconds?: number;
  /** Attempts when sshd refuses to open a session (default 5). */
  sessionAttempts?: number;
  /** Called when `withFile` could not remove its remote directory (the error itself is kept). */
  onCleanupFailure?: (dir: string, error: unknown) => void;
  deps?: Partial<SshDeps>;
}

export interface SshExecutor extends Executor {
  readonly host: string;
  withFile<T>(content: string, use: (path: string) => Promise<T>): Promise<T>;
  interactive(command: Command, io: TerminalIo): Promise<number>;
  /** Stops the master connection (`ssh -O exit`) and removes the private directory. */
  close(): Promise<void>;
}

const TEMP_DIR = /^\/tmp\/zmgr\.[A-Za-z0-9]+$/;

/**
 * When the master cannot open another session (sshd's MaxSessions), ssh says so and falls back to
 * a connection of its own, which runs the command: its line is ssh's, not the command's stderr.
 */
const MUX_FALLBACK = /^mux_client_request_session: session request failed: [^\n]*\n/gm;

function withoutMuxFallback(out: SshOutcome): SshOutcome {
  return MUX_FALLBACK.test(out.stderr)
    ? { ...out, stderr: out.stderr.replace(MUX_FALLBACK, "") }
    : out;
}

/**
 * The Executor for a remote illumos host over the system's OpenSSH client (SPEC §5): a private
 * known_hosts from the recorded host keys, one master connection, every argument quoted for the
 * remote POSIX shell and every program named by absolute path, at most `max-sessions` commands in
 * flight, and ssh's exit 255 classified into typed host errors.
 */
export function createSshExecutor(options: SshExecutorOptions): SshExecutor {
  const config = checkHostConfig(options);
  const deps: SshDeps = { ...defaultSshDeps(), ...options.deps };
  const identity = options.identity ?? (deps.env.ZMGR_SSH_IDENTITY || undefined);
  const share = options.shareConnection ?? true;
  const sessions = createSemaphore(config.maxSessions);
  const attempts = options.sessionAttempts ?? 5;
  const host = config.host;
  let closed = false;
  let setup: Promise<{ dir: string; paths: SshPaths }> | undefined;
  let masterCheck: Promise<void> | undefined;
  let masterStarted = false;

  const privateDir = () => {
    setup ??= (async () => {
      const dir = await deps.makePrivateDir();
      const paths = { knownHosts: `${dir}/known_hosts`, controlPath: `${dir}/%C`, identity };
      await deps.writeFile(paths.knownHosts, knownHostsText(config));
      return { dir, paths };
    })().catch((error: unknown) => {
      setup = undefined;
      throw error;
    });
    return setup;
  };

  /** The connection-level error an ssh exit 255 stands for, or undefined for the command's own. */
  const hostError = (out: SshOutcome, remote?: string): ZmgrError | "retry" | undefined => {
    const context: HostErrorContext = {
      host,
      ...(remote ? { remote } : {}),
      exitCode: out.exitCode,
      stderr: out.stderr,
    };
    switch (classifySsh255(out.stderr)) {
      case "key_changed":
        return new HostKeyChangedError(context);
      case "key_unknown":
        return new HostKeyUnknownError(context);
      case "unreachable":
        return new HostUnreachableError(context);
      case "lost":
        return new HostLostError(context);
      case "session_refused":
        return "retry";
      case "command":
        return undefined;
    }
  };

  const startMaster = async (dir: string, paths: SshPaths) => {
    if ((await deps.list(dir)).some((name) => name !== "known_hosts")) return;
    const out = await deps.spawn(
      masterArgs(config, paths, options.controlPersistSeconds ?? 30),
      {},
    );
    if (out.exitCode === 0) {
      masterStarted = true;
      return;
    }
    const error = hostError(out);
    throw error instanceof ZmgrError
      ? error
      : new HostUnreachableError({ host, exitCode: out.exitCode, stderr: out.stderr });
  };

  const ready = async (): Promise<SshPaths> => {
    if (closed) throw new HostClosedError(host);
    const { dir, paths } = await privateDir();
    if (share) {
      masterCheck ??= startMaster(dir, paths).finally(() => {
        masterCheck = undefined;
      });
      await masterCheck;
    }
    return paths;
  };

  const masterAlive = async (paths: SshPaths) =>
    (await deps.spawn(controlArgs(config, paths, "check"), {})).exitCode === 0;

  /** Runs one remote command line; connection failures become typed errors. */
  const exec = async (
    remote: string,
    spawnOptions: SshSpawnOptions = {},
    tty = false,
  ): Promise<ExecResult> => {
    const paths = await ready();
    const args = commandArgs(config, paths, remote, tty);
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const out = withoutMuxFallback(await sessions.run(() => deps.spawn(args, spawnOptions)));
      if (out.exitCode !== 255) return out;
      const error = hostError(out, remote);
      if (error === "retry") {
        await deps.sleep(50 * attempt);
        continue;
      }
      if (error) throw error;
      // No ssh message: the remote command's own 255, unless the master it went through is gone.
      if (masterStarted && !(await masterAlive(paths))) {
        throw new HostLostError({ host, remote, exitCode: 255, stderr: out.stderr });
      }
      return out;
    }
    throw new HostSessionRefusedError({ host, remote }, attempts);
  };

  const lineOf = (command: Command, prefixed: boolean): string => {
    const file = remoteFile(config, command.file);
    if (file === undefined) {
      throw new ZmgrError(
        "zmgr::host::relative_command",
        `\`${command.file}\` is not named by an absolute path on host ${host}`,
        {
          help: "over ssh every program is named by absolute path (bin-dir, tools-dir); this is a bug in zmgr, please report it",
          details: { host, file: command.file },
        },
      );
    }
    return remoteLine(remoteArgv(config, file, command, prefixed));
  };

  const tool = (name: string, args: string[]): Command => ({
    file: `${config.toolsDir}/${name}`,
    args,
  });

  return {
    host,
    run: async (command, runOptions = {}) =>
      exec(lineOf(command, true), {
        ...(command.stdin !== undefined ? { stdin: command.stdin } : {}),
        binary: command.encoding === "buffer",
        ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      }),

    async interactive(command, io) {
      const paths = await ready();
      const args = commandArgs(config, paths, lineOf(command, true), io.isTTY);
      return sessions.run(() => deps.spawnInteractive(args, io));
    },

    async withFile(content, use) {
      const mktemp = tool("mktemp", ["-d", "/tmp/zmgr.XXXXXXXX"]);
      const made = await exec(lineOf(mktemp, false));
      if (made.exitCode !== 0) throw failureOf(mktemp, made);
      const dir = made.stdout.trim();
      if (!TEMP_DIR.test(dir)) throw new UnexpectedOutputError("mktemp -d output", made.stdout);
      const file = `${dir}/zone.cfg`;
      try {
        const tee = tool("tee", [file]);
        // tee's copy of stdin goes to /dev/null on the host: a fixed literal after the quoted argv.
        const wrote = await exec(`${lineOf(tee, false)} >/dev/null`, { stdin: content });
        if (wrote.exitCode !== 0) throw failureOf(tee, wrote);
        return await use(file);
      } finally {
        const rm = tool("rm", ["-rf", dir]);
        try {
          const removed = await exec(lineOf(rm, false));
          if (removed.exitCode !== 0) options.onCleanupFailure?.(dir, failureOf(rm, removed));
        } catch (error) {
          options.onCleanupFailure?.(dir, error);
        }
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await masterCheck?.catch(() => undefined);
      const made = await setup?.catch(() => undefined);
      if (made === undefined) return;
      if (masterStarted)
        await deps.spawn(controlArgs(config, made.paths, "exit"), {}).catch(() => undefined);
      await deps.removeDir(made.dir);
    },
  };
}
