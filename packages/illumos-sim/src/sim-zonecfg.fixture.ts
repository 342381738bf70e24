// Shared by the zonecfg simulator tests: script files on disk and a dual-stack zone script.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SimHost } from "./sim-host.js";

/** A scratch directory for script files and exports. */
export const dir = mkdtempSync(join(tmpdir(), "zmgr-sim-zonecfg-"));
let n = 0;

/** Writes a zonecfg command file and returns its path (for `zonecfg -z NAME -f FILE`). */
export function script(text: string): string {
  const f = join(dir, `s${n++}.zonecfg`);
  writeFileSync(f, text);
  return f;
}

export const zc = (h: SimHost, ...args: string[]) => h.run({ file: "zonecfg", args });

/** A dual-stack exclusive-IP zone as zmgr writes it: two net resources on one VNIC. */
export const WEB = [
  "create -b",
  'set zonepath="/zones/web"',
  'set brand="ipkg"',
  'set autoboot="false"',
  'set ip-type="exclusive"',
  "add net",
  'set physical="web0"',
  'set allowed-address="10.1.0.5/24"',
  'set defrouter="10.1.0.1"',
  "end",
  "add net",
  'set physical="web0"',
  'set allowed-address="2001:db8::5/64"',
  'set defrouter="2001:db8::1"',
  "end",
  "verify",
  "commit",
  "",
].join("\n");
