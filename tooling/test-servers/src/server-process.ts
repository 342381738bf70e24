import { execa } from "execa";

/** A long-running server child: its pid, its log file, and whether it has exited. */
export class ServerProcess {
  readonly pid: number;
  private exited = false;
  private readonly done: Promise<void>;

  private constructor(pid: number | undefined, file: string, child: Promise<unknown>) {
    if (pid === undefined) throw new Error(`could not spawn ${file}`);
    this.pid = pid;
    this.done = child.then(
      () => {
        this.exited = true;
      },
      () => {
        this.exited = true;
      },
    );
  }

  /** Spawns `file` with argv only (no shell); stdout and stderr go to `logFile`. */
  static spawn(file: string, args: string[], logFile: string): ServerProcess {
    const child = execa(file, args, {
      reject: false,
      stdin: "ignore",
      stdout: { file: logFile, append: true },
      stderr: { file: logFile, append: true },
      cleanup: true,
    });
    return new ServerProcess(child.pid, file, child);
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Resolves when the process has exited. */
  exit(): Promise<void> {
    return this.done;
  }

  /** SIGKILL by pid, then wait for the exit. */
  async kill(): Promise<void> {
    if (this.exited) return;
    process.kill(this.pid, "SIGKILL");
    await this.done;
  }

  /**
   * SIGTERM by pid; SIGKILL when it has not exited within `boundMs` (an etcd that lost quorum
   * can take 12 s to exit on SIGTERM).
   */
  async stop(boundMs: number): Promise<void> {
    if (this.exited) return;
    process.kill(this.pid, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), boundMs);
    });
    const outcome = await Promise.race([this.done.then(() => "exited" as const), late]);
    clearTimeout(timer);
    if (outcome === "late") await this.kill();
  }
}
