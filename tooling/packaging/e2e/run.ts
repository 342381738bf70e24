import { execFile } from "node:child_process";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a program without a shell; never rejects, the exit code is in the result. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        // a hang guard that fired says so (an empty "exited 1" read like a failed install)
        const killed = error?.killed
          ? `[test] killed after ${(options.timeoutMs ?? 120_000) / 1000} s (hang guard)\n`
          : "";
        resolve({ code, stdout, stderr: killed + stderr });
      },
    );
  });
}

/** Like `run`, but a non-zero exit throws with the program's output in the message. */
export async function runOk(
  file: string,
  args: readonly string[],
  options: Parameters<typeof run>[2] = {},
): Promise<RunResult> {
  const result = await run(file, args, options);
  if (result.code !== 0)
    throw new Error(
      `${file} ${args.join(" ")} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  return result;
}

/**
 * The environment for child npm/pnpm/zmgr processes: the caller's, less every `npm_*` variable
 * that `pnpm run` injects (they would point npm at the workspace's config), plus `extra`.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && !/^ZMGR_/.test(key)) env[key] = value;
  return { ...env, NO_COLOR: "1", ...extra };
}
