import type { SimCtx } from "./sim-util.js";
import { SIM_ZONES_DIR, simZoneFiles } from "./sim-zone-files.js";

const BLOCK = 512;
const RECORD = 20 * BLOCK;

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, "0")}\0`;
}

/** One POSIX ustar header at `at` (uid 0, gid 3 `sys`, as /etc/zones is owned). */
function header(
  out: Buffer,
  at: number,
  name: string,
  size: number,
  type: "0" | "5",
  mode: number,
) {
  out.write(name, at, 100, "utf8");
  out.write(octal(mode, 8), at + 100, "latin1");
  out.write(octal(0, 8), at + 108, "latin1");
  out.write(octal(3, 8), at + 116, "latin1");
  out.write(octal(size, 12), at + 124, "latin1");
  out.write(octal(0, 12), at + 136, "latin1");
  out.write("        ", at + 148, "latin1");
  out.write(type, at + 156, "latin1");
  out.write("ustar\u000000", at + 257, "latin1");
  out.write("root", at + 265, "latin1");
  out.write("sys", at + 297, "latin1");
  let sum = 0;
  for (let i = at; i < at + BLOCK; i++) sum += out[i] ?? 0;
  out.write(`${sum.toString(8).padStart(6, "0")}\0 `, at + 148, "latin1");
}

const padded = (n: number) => Math.ceil(n / BLOCK) * BLOCK;

/** A ustar stream of `./` and the files, padded to whole 10 KiB records as tar writes it. */
export function writeTar(files: Map<string, string>): Uint8Array {
  const data = [...files].map(([name, text]) => ({ name, bytes: Buffer.from(text, "utf8") }));
  const length = BLOCK * (3 + data.length) + data.reduce((n, f) => n + padded(f.bytes.length), 0);
  const out = Buffer.alloc(Math.ceil(length / RECORD) * RECORD);
  header(out, 0, "./", 0, "5", 0o755);
  let at = BLOCK;
  for (const f of data) {
    header(out, at, `./${f.name}`, f.bytes.length, "0", 0o644);
    f.bytes.copy(out, at + BLOCK);
    at += BLOCK + padded(f.bytes.length);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * `tar -cf - -C <dir> .` over the simulated zone configuration directory: the only form zmgr
 * runs. Another directory does not exist on the simulated host; other arguments are refused
 * with a usage line (our wording).
 */
export function tar(ctx: SimCtx, args: string[]): void {
  const dir = ctx.state.zonesDir ?? SIM_ZONES_DIR;
  const [c, dash, C, target, dot, ...rest] = args;
  if (
    c !== "-cf" ||
    dash !== "-" ||
    C !== "-C" ||
    target === undefined ||
    dot !== "." ||
    rest.length
  ) {
    ctx.out.fail("Usage: tar -cf - -C <directory> . (the only form the simulator knows)");
    return;
  }
  if (target.replace(/\/+$/, "") !== dir.replace(/\/+$/, "")) {
    ctx.out.fail(`tar: ${target}: No such file or directory`);
    return;
  }
  ctx.out.bytes = writeTar(simZoneFiles(ctx.state));
}
