import type { LexedCommand, Tok } from "@zmgr/illumos-exec";
import { clearGlobal, create, deleteZone, setGlobal } from "./sim-zonecfg-global.js";
import {
  aliasValue,
  exportText,
  infoText,
  resourceBlock,
  topLevelInfo,
} from "./sim-zonecfg-print.js";
import { aliasedRctls, resourceProps } from "./sim-zonecfg-props.js";
import {
  addResource,
  editResourceList,
  endResource,
  matches,
  removeOne,
  setResourceProp,
} from "./sim-zonecfg-res.js";
import { cloneResource, type ZonecfgSession } from "./sim-zonecfg-session.js";
import { readValue } from "./sim-zonecfg-value.js";

const GLOBAL_ONLY = new Set(["create", "commit", "delete", "export", "revert", "verify", "select"]);
const RESOURCE_ONLY = new Set(["end", "cancel"]);
const MODIFYING = new Set([
  "create",
  "set",
  "clear",
  "add",
  "remove",
  "select",
  "delete",
  "commit",
  "revert",
]);
/** ZC `gz_invalid_resource` / `gz_invalid_property`: what `-z global` cannot have. */
const GZ_INVALID_RT = new Set(["fs", "net", "device", "attr", "dataset"]);
const GZ_INVALID_PROP = new Set([
  "zonepath",
  "autoboot",
  "bootargs",
  "brand",
  "limitpriv",
  "ip-type",
  "hostid",
  "fs-allowed",
]);

/** Words and `-X` flags of a command; `prop=value` pairs when asked for. */
function pairs(toks: Tok[]): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (let i = 0; i < toks.length; i += 3) {
    const k = toks[i];
    const v = toks[i + 2];
    if (
      k?.kind !== "word" ||
      toks[i + 1]?.kind !== "=" ||
      (v?.kind !== "word" && v?.kind !== "string")
    )
      return undefined;
    out.push([k.text, v.text]);
  }
  return out;
}

/** Run one parsed command (ZCG grammar actions). */
export function runCommand(s: ZonecfgSession, c: LexedCommand) {
  s.line = c.line;
  const [head, ...rest] = c.toks;
  if (head?.kind !== "word") return s.syntax(head?.text ?? "");
  const cmd = head.text === "quit" ? "exit" : head.text;
  const flags = rest.filter((t) => t.kind === "word" && t.text.startsWith("-")).map((t) => t.text);
  const args = rest.filter((t) => !(t.kind === "word" && t.text.startsWith("-")));
  const force = flags.includes("-F");
  if (s.zone.startsWith("SUNW") && MODIFYING.has(cmd))
    return s.zerr(`${s.zone}: zones beginning with SUNW are read-only.`);
  if (s.zone === "global" && !s.scope && (cmd === "add" || cmd === "set")) {
    const what = cmd === "add" ? args[0]?.text : rest[0]?.text;
    if (cmd === "add" && GZ_INVALID_RT.has(what ?? ""))
      return s.zerr(`${what} is not a valid resource for the global zone.`);
    if (cmd === "set" && GZ_INVALID_PROP.has(what ?? ""))
      return s.zerr(`${what} is not a valid property for the global zone.`);
  }
  if (cmd === "revert" && s.scope)
    return s.zerr(
      "You can only use revert in the global scope.\nUse 'cancel' to cancel changes to a resource specification.",
    );
  if (GLOBAL_ONLY.has(cmd) && s.scope)
    return s.zerr(`The ${cmd} command only makes sense in the global scope.`);
  if (RESOURCE_ONLY.has(cmd) && !s.scope)
    return s.zerr(`The ${cmd} command only makes sense in the resource scope.`);
  switch (cmd) {
    case "create":
      return create(s, rest);
    case "set": {
      const k = rest[0];
      if (k?.kind !== "word" || rest[1]?.kind !== "=")
        return s.syntax(rest[1]?.text ?? k?.text ?? "set");
      const v = readValue(rest, 2);
      if ("bad" in v) return s.syntax(v.bad);
      if (v.next !== rest.length) return s.syntax(rest[v.next]?.text ?? "");
      if (s.scope) return setResourceProp(s, k.text, v.value);
      if (!s.initialize()) return;
      return setGlobal(s, k.text, v.value);
    }
    case "clear": {
      const k = rest[0]?.text ?? "";
      if (s.scope) {
        delete s.scope.res.props[k];
        return;
      }
      if (!s.initialize()) return;
      return clearGlobal(s, k);
    }
    case "add":
    case "remove": {
      if (s.scope) {
        const k = args[0];
        const v = readValue(args, 1);
        if (k?.kind !== "word" || "bad" in v)
          return s.syntax("bad" in v ? v.bad : (k?.text ?? cmd));
        return editResourceList(s, k.text, v.value, cmd === "add");
      }
      if (!s.initialize()) return;
      const rt = args[0]?.text ?? "";
      if (cmd === "add")
        return args.length === 1 ? addResource(s, rt) : s.syntax(args[1]?.text ?? rt);
      return removeResources(s, rt, args.slice(1), force);
    }
    case "select": {
      if (!s.initialize()) return;
      const rt = args[0]?.text ?? "";
      const f = pairs(args.slice(1));
      if (!f || !resourceProps(rt, s.flavour)) return s.syntax(args[1]?.text ?? rt);
      const found = (s.handle?.resources ?? []).filter(
        (r) => r.type === rt && matches(r, f, s.handle?.ipType === "shared"),
      );
      if (found.length === 0) return s.zerr(`${rt}: No such resource with that id`);
      if (found.length > 1) return s.zerr(`${rt}: Insufficient specification`);
      const original = found[0];
      if (original) s.scope = { res: cloneResource(original), original };
      return;
    }
    case "end":
      return endResource(s);
    case "cancel":
      s.scope = undefined;
      return;
    case "info":
      return info(s, args);
    case "export": {
      if (!s.initialize() || !s.handle) return;
      const text = exportText(s.handle, s.flavour);
      const fi = rest.findIndex((t) => t.text === "-f");
      if (fi >= 0) s.ctx.writeFile(rest[fi + 1]?.text ?? "", text);
      else s.ctx.out.stdout += text;
      return;
    }
    case "verify":
      if (s.initialize()) s.verify();
      return;
    case "commit":
      if (s.initialize()) s.commit();
      return;
    case "revert":
      if (!force) {
        s.zerr("Input not from terminal and -F not specified:\nrevert command ignored, exiting.");
        s.exitNow = true;
        return;
      }
      s.handle = undefined;
      s.dirty = false;
      s.initialize();
      return;
    case "delete":
      return deleteZone(s, force);
    case "exit":
      // exit_func: in a resource scope without -F there is no one to ask; zonecfg exits at once.
      if (s.scope && !force) {
        s.zerr(
          "Resource incomplete, input not from terminal and -F not specified:\nexit command ignored, but exiting anyway.",
        );
        s.exitNow = true;
      } else s.stop = true;
      return;
    case "help":
      s.ctx.out.stdout += `${[
        "The following commands are available:",
        "add\tcancel\tclear\tcommit\tcreate\tdelete\tend\texit\texport\thelp\tinfo\tremove\trevert\tselect\tset\tverify",
      ].join("\n")}\n`;
      return;
    default:
      return s.syntax(head.text);
  }
}

function removeResources(s: ZonecfgSession, rt: string, rest: Tok[], force: boolean) {
  const h = s.handle;
  const f = pairs(rest);
  if (!h || !f || !resourceProps(rt, s.flavour)) return s.syntax(rest[0]?.text ?? rt);
  const found = h.resources.filter((r) => r.type === rt && matches(r, f, h.ipType === "shared"));
  if (found.length === 0) return s.zerr(`${rt}: No such resource with that id`);
  if (f.length > 0) {
    if (found.length > 1) return s.zerr(`${rt}: Insufficient specification`);
    const only = found[0];
    if (only) removeOne(s, only);
  } else {
    if (found.length > 1 && !force) {
      s.zerr("Input not from terminal and -F not specified:\nremove command ignored, exiting.");
      s.exitNow = true;
      return;
    }
    h.resources = h.resources.filter((r) => r.type !== rt);
  }
  s.dirty = true;
}

function info(s: ZonecfgSession, args: Tok[]) {
  const out = s.ctx.out;
  if (s.scope) {
    out.stdout += `${resourceBlock(s.scope.res, s.flavour).join("\n")}\n`;
    return;
  }
  if (!s.initialize() || !s.handle) return;
  const h = s.handle;
  const what = args[0]?.text;
  if (what === undefined) {
    out.stdout += infoText(s.zone, h, s.flavour);
    return;
  }
  const top = topLevelInfo(s.zone, h, s.flavour);
  const alias = aliasedRctls(s.flavour).find((a) => a.prop === what);
  if (alias) {
    if (aliasValue(h, alias.rctl) !== undefined) out.out(top.get(what) ?? "");
    return;
  }
  if (top.has(what)) return out.out(top.get(what) ?? "");
  const f = pairs(args.slice(1));
  if (!resourceProps(what, s.flavour) || !f) return s.syntax(what);
  const found = h.resources.filter((r) => r.type === what && matches(r, f, h.ipType === "shared"));
  if (found.length === 0 && f.length > 0) return out.out(`No such ${what} resource.`);
  for (const r of found) out.stdout += `${resourceBlock(r, s.flavour).join("\n")}\n`;
}
