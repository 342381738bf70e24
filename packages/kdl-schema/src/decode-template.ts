import type { Node } from "@bgotink/kdl";
import { checks, help } from "./checks.js";
import { decodeTemplateNets } from "./decode-template-net.js";
import { topName } from "./decode-top.js";
import { list, prop, scalar, typedArg } from "./read-fields.js";
import {
  checkNoChildren,
  checkProps,
  type Fields,
  fields,
  type Path,
  type Reader,
} from "./reader.js";
import type { FsMount, Template, ZoneAttr } from "./types.js";

export const TEMPLATE_FIELDS = [
  "brand",
  "autoboot",
  "ip-type",
  "net",
  "pool",
  "publisher",
  "capped-memory",
  "cpu-shares",
  "fs",
  "dataset",
  "attr",
  "install-args",
  "clone",
] as const;

const REFUSED_BRANDS = ["bhyve", "kvm"];

export function decodeTemplate(r: Reader, node: Node): Template | undefined {
  const name = topName(r, node, "template", true);
  const path = ["template"];
  const f = fields(r, node.children, TEMPLATE_FIELDS, path);
  const brand = scalar(r, f, "brand", "string", path, {
    required: true,
    check: (v) =>
      REFUSED_BRANDS.includes(v)
        ? `brand "${v}" is not managed by zmgr (bhyve/kvm zones belong to another tool)`
        : checks.nonEmpty(v),
    help: 'write the zone brand, e.g. `brand "ipkg"`',
  });
  const autoboot = scalar(r, f, "autoboot", "boolean", path) ?? false;
  const ipType = scalar(r, f, "ip-type", "string", path, {
    check: (v) =>
      v === "exclusive" || v === "shared" ? undefined : `"${v}" is not "exclusive" or "shared"`,
    help: 'write `ip-type "exclusive"` or `ip-type "shared"`',
  });
  const nets = decodeTemplateNets(r, f, path);
  const publishers = list(r, f, "publisher", path, checks.name, help.name);
  const cappedMemory = scalar(r, f, "capped-memory", "string", path, {
    check: checks.memory,
    help: 'write a size like `capped-memory "2G"`',
  });
  const cpuShares = scalar(r, f, "cpu-shares", "number", path);
  if (
    cpuShares !== undefined &&
    (!Number.isInteger(cpuShares) || cpuShares < 1 || cpuShares > 65535)
  ) {
    r.error(
      "invalid_value",
      `\`cpu-shares\` ${cpuShares} is not a whole number from 1 to 65535`,
      "write e.g. `cpu-shares 20`",
      [...path, "cpu-shares"],
    );
  }
  const t: Template = {
    name: name ?? "",
    brand: brand ?? "",
    autoboot,
    ipType: ipType === "shared" ? "shared" : "exclusive",
    nets,
    publishers,
    fs: decodeFs(r, f, path),
    datasets: list(r, f, "dataset", path, checks.nonEmpty),
    attrs: decodeAttrs(r, f, path),
    installArgs: list(r, f, "install-args", path),
  };
  if (cappedMemory !== undefined) t.cappedMemory = cappedMemory;
  if (cpuShares !== undefined) t.cpuShares = cpuShares;
  const clone = scalar(r, f, "clone", "string", path, {
    check: (v) =>
      /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(v) ? undefined : `"${v}" is not a zone name`,
    help: 'name the zone to clone, e.g. `clone "golden"`',
  });
  if (clone !== undefined) t.clone = clone;
  return name === undefined || brand === undefined ? undefined : t;
}

function decodeFs(r: Reader, f: Fields, path: Path): FsMount[] {
  return (f.get("fs") ?? []).flatMap((node, i) => {
    const p = [...path, "fs", String(i)];
    r.record?.(p, node);
    checkProps(r, node, ["readonly"], p);
    checkNoChildren(r, node, p);
    const special = typedArg(
      r,
      node,
      0,
      "string",
      [...p, "special"],
      "the fs special (source directory)",
    );
    const dir = typedArg(
      r,
      node,
      1,
      "string",
      [...p, "dir"],
      "the fs dir (mount point in the zone)",
    );
    if (node.getArgumentEntries().length > 2) {
      r.error(
        "too_many_values",
        "`fs` takes two values: special and dir",
        'write `fs "/export/data" "/data"`',
        p,
      );
    }
    const readonly = prop(r, node, "readonly", "boolean", p) ?? false;
    if (dir !== undefined && checks.absolutePath(dir)) {
      r.error(
        "invalid_value",
        `\`fs\` dir ${checks.absolutePath(dir)}`,
        "the mount point must be an absolute path",
        [...p, "dir"],
      );
    }
    return special === undefined || dir === undefined ? [] : [{ dir, special, readonly }];
  });
}

function decodeAttrs(r: Reader, f: Fields, path: Path): ZoneAttr[] {
  return (f.get("attr") ?? []).flatMap((node, i) => {
    const p = [...path, "attr", String(i)];
    r.record?.(p, node);
    checkProps(r, node, [], p);
    checkNoChildren(r, node, p);
    const name = typedArg(r, node, 0, "string", [...p, "name"], "the attr name");
    const value = typedArg(r, node, 1, "string", [...p, "value"], "the attr value");
    if (node.getArgumentEntries().length > 2) {
      r.error(
        "too_many_values",
        "`attr` takes two values: name and value",
        'write `attr "name" "value"`',
        p,
      );
    }
    return name === undefined || value === undefined ? [] : [{ name, value }];
  });
}
