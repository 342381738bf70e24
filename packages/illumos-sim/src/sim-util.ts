import { createHash } from "node:crypto";
import { checkZoneNameSyntax } from "@zmgr/illumos-exec";
import type { SimState } from "./sim-model.js";

/** Accumulated output of one simulated command. */
export class SimOut {
  stdout = "";
  stderr = "";
  exitCode = 0;
  /** Binary stdout (`tar`), instead of `stdout`. */
  bytes?: Uint8Array;

  out(line: string): void {
    this.stdout += `${line}\n`;
  }

  err(line: string): void {
    this.stderr += `${line}\n`;
  }

  /** Write an error line and set the exit code; returns the code for `return out.fail(…)`. */
  fail(line: string, code = 1): number {
    this.err(line);
    this.exitCode = code;
    return code;
  }
}

function digest(state: SimState, salt: string): Buffer {
  state.serial += 1;
  return createHash("sha1").update(`${state.hostname}\0${state.serial}\0${salt}`).digest();
}

/** Deterministic per state (hostname + serial), unique per call. */
export function nextUuid(state: SimState, salt: string): string {
  const h = digest(state, salt).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A random-class VNIC MAC (`2:8:20:…`), printed the illumos way: no leading zeros. */
export function nextMac(state: SimState, salt: string): string {
  const b = digest(state, salt);
  return formatMac([2, 8, 0x20, b[0] ?? 0, b[1] ?? 0, b[2] ?? 0]);
}

export function formatMac(bytes: number[]): string {
  return bytes.map((x) => x.toString(16)).join(":");
}

/** Parse `0:8:20:a:b:c` / `00:08:20:0a:0b:0c`; undefined when not a unicast MAC. */
export function parseMac(text: string): number[] | undefined {
  const parts = text.split(":");
  if (parts.length !== 6) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return undefined;
    bytes.push(Number.parseInt(p, 16));
  }
  if (((bytes[0] ?? 0) & 1) === 1) return undefined;
  return bytes;
}

/** `zonecfg_validate_zonename` minus the reserved words (LZ). */
export function validZoneName(name: string): boolean {
  return checkZoneNameSyntax(name) === undefined;
}

export function baseName(path: string): string {
  const parts = path.split("/").filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? path;
}

/** What every simulated command gets. */
export interface SimCtx {
  state: import("./sim-model.js").SimState;
  out: SimOut;
  /** Reads a command file (`zonecfg -f`); throws a Node fs error when missing. */
  readFile(path: string): string;
  /** Writes a file (`zonecfg export -f`). */
  writeFile(path: string, text: string): void;
  stdin: string;
}
