import type { ZonecfgInfo, ZonecfgResource } from "./types.js";
import {
  assembleZonecfgInfo,
  isListProp,
  listItems,
  putProp,
  valueToks,
  ZONECFG_RESOURCE_TYPES,
} from "./zonecfg-assemble.js";

export {
  toZonecfgNet,
  ZONECFG_INFO_ORDER,
  ZONECFG_RESOURCE_TYPES,
} from "./zonecfg-assemble.js";

/** A `key: value` or `key not specified` line, brackets (`[swap: 2G]`) and quotes removed. */
function propLine(text: string): { key: string; value: string | undefined } | undefined {
  let t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) t = t.slice(1, -1).trim();
  const notSpec = /^(\S+) not specified$/.exec(t);
  if (notSpec) return { key: notSpec[1] ?? "", value: undefined };
  const colon = t.indexOf(":");
  if (colon <= 0) return undefined;
  let value = t.slice(colon + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return { key: t.slice(0, colon).trim(), value };
}

/** `<type>:` or Solaris 11.4's indexed `<type> <n>:` at the start of a line. */
const HEADER = /^([a-z][a-z0-9-]*)( \d+)?:\s*$/;

/**
 * `zonecfg -z NAME info`. Top-level `key: value` lines (an empty value or `not specified` means
 * unset), then `<type>:` blocks whose property lines are indented by a TAB (or spaces, in pasted
 * docs). List properties (fs `options: [a,b]`, rctl `value`, net/device `property`) become
 * lists; a block of a type zmgr does not know keeps its raw text, and none of its lines ever
 * becomes a top-level property.
 */
export function parseZonecfgInfo(stdout: string): ZonecfgInfo {
  const lines = stdout.split("\n").filter((l) => l.trim() !== "");
  const top: Record<string, string> = {};
  const resources: ZonecfgResource[] = [];
  let current: ZonecfgResource | undefined;
  let rawLines: string[] | undefined;
  const close = () => {
    if (current && rawLines) current.raw = rawLines.join("\n");
    current = undefined;
    rawLines = undefined;
  };
  lines.forEach((line, i) => {
    const indented = /^[ \t]/.test(line);
    if (indented && current) {
      rawLines?.push(line);
      const p = propLine(line);
      if (p?.value === undefined || p.value === "") return;
      const list = isListProp(current.type, p.key);
      putProp(current, p.key, list ? listItems(p.value, valueToks(p.value)) : p.value);
      return;
    }
    close();
    const header = HEADER.exec(line);
    const type = header?.[1] ?? "";
    const nextIndented = /^[ \t]/.test(lines[i + 1] ?? "");
    if (header && (ZONECFG_RESOURCE_TYPES.has(type) || nextIndented || header[2])) {
      current = { type, props: {} };
      if (!ZONECFG_RESOURCE_TYPES.has(type) || header[2]) rawLines = [line];
      resources.push(current);
      return;
    }
    const p = propLine(line);
    if (p?.value !== undefined && p.value !== "") top[p.key] = p.value;
  });
  close();
  return assembleZonecfgInfo(top.zonename ?? "", top, resources);
}

/** True when zonecfg's stderr says the zone does not exist (`NAME: No such zone configured`). */
export function isNoSuchZone(stderr: string, name?: string): boolean {
  return stderr
    .split("\n")
    .some(
      (l) =>
        /: No such zone configured\s*$/.test(l) &&
        (name === undefined || l.startsWith(`${name}: `) || l.includes(`: ${name}: `)),
    );
}
