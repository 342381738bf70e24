import type { SimCtx } from "./sim-util.js";
import { SIM_ZONES_DIR, simZoneFiles } from "./sim-zone-files.js";

const BLOCK = 512;
const RECORD = 20 * BLOCK;
const encoder = new TextEncoder();

function put(header: Uint8Array, at: number, length: number, text: string): void {
  header.set(encoder.encode(text).subarray(0, length), at);
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, "0")}\0`;
}

/** One POSIX ustar header (uid 0, gid 3 `sys`, as /etc/zones is owned). */
function header(name: string, size: number, type: "0" | "5", mode: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  put(h, 0, 100, name);
  put(h, 100, 8, octal(mode, 8));
  put(h, 108, 8, octal(0, 8));
  put(h, 116, 8, octal(3, 8));
  put(h, 124, 12, octal(size, 12));
  put(h, 136, 12, octal(0, 12));
  put(h, 148, 8, "        ");
  put(h, 156, 1, type);
  put(h, 257, 8, "ustar\u000000");
  put(h, 265, 32, "root");
  put(h, 297, 32, "sys");
  const sum = h.reduce((a, b) => a + b, 0);
  put(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

/** A ustar stream of `./` and the files, padded to whole 10 KiB records as tar writes it. */
export function writeTar(files: Map<string, string>): Uint8Array {
  const parts: Uint8Array[] = [header("./", 0, "5", 0o755)];
  for (const [name, text] of files) {
    const data = encoder.encode(text);
    parts.push(header(`./${name}`, data.length, "0", 0o644), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(Math.ceil(length / RECORD) * RECORD);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
