import type { Entry, Node, Primitive } from "@bgotink/kdl";
import {
  checkNoChildren,
  checkProps,
  type Fields,
  fmt,
  type Path,
  type Reader,
  typed,
} from "./reader.js";

type TypeName = "string" | "number" | "boolean";
type TypeOf<T extends TypeName> = T extends "string"
  ? string
  : T extends "number"
    ? number
    : boolean;

export interface ScalarOptions {
  required?: boolean;
  /** Property names the node may carry (read by the caller). */
  props?: readonly string[];
  /** Value check: returns a problem message, or undefined. */
  check?: (v: string) => string | undefined;
  help?: string;
  /** Severity of a failed `check` (default error). */
  severity?: "error" | "warning";
}

/** A single-valued field: exactly one node with exactly one argument. */
export function scalar<T extends TypeName>(
  r: Reader,
  f: Fields,
  name: string,
  type: T,
  path: Path,
  opts: ScalarOptions = {},
): TypeOf<T> | undefined {
  const p = [...path, name];
  const nodes = f.get(name) ?? [];
  if (nodes.length === 0) {
    if (opts.required) {
      r.unusable = true;
      r.error(
        "missing_field",
        `${path[0]} has no \`${name}\``,
        opts.help ?? `add \`${name} …\``,
        p,
      );
    }
    return undefined;
  }
  for (const extra of nodes.slice(1)) {
    r.record?.(p, extra);
    r.error(
      "duplicate_field",
      `\`${name}\` is given ${nodes.length} times in ${path.join(" › ")}`,
      `keep one \`${name}\` node`,
      p,
    );
  }
  const node = nodes[0]!;
  const v = argument(r, node, p, opts.required ?? false);
  if (v === undefined) return undefined;
  checkProps(r, node, opts.props ?? [], p);
  checkNoChildren(r, node, p);
  const out = typed(r, v, type, p, `\`${name}\``);
  if (out === undefined) {
    if (opts.required) r.unusable = true;
    return undefined;
  }
  if (typeof out === "string" && opts.check) {
    const problem = opts.check(out);
    if (problem) {
      r.report(
        "invalid_value",
        opts.severity ?? "error",
        `\`${name}\`: ${problem}`,
        opts.help ?? problem,
        p,
      );
    }
  }
  return out as TypeOf<T>;
}

/** The single argument of a node; reports missing_value / too_many_values. */
function argument(r: Reader, node: Node, p: Path, required: boolean): Primitive | undefined {
  const args = node.getArgumentEntries();
  const first = args[0];
  r.record?.(p, first ?? node);
  if (!first) {
    if (required) r.unusable = true;
    r.error(
      "missing_value",
      `\`${node.getName()}\` has no value`,
      `write \`${node.getName()} "…"\``,
      p,
    );
    return undefined;
  }
  if (args.length > 1) {
    r.error(
      "too_many_values",
      `\`${node.getName()}\` takes one value, not ${args.length}`,
      "keep one value",
      p,
    );
  }
  return first.getValue();
}

/**
 * A list field: the arguments of every node with that name, in file order, or its children
 * (`name { - "a"; - "b" }` and `name { "a"; "b" }`).
 */
export function list(
  r: Reader,
  f: Fields,
  name: string,
  path: Path,
  check?: (v: string) => string | undefined,
  help?: string,
): string[] {
  const p = [...path, name];
  const out: string[] = [];
  const nodes = f.get(name) ?? [];
  if (nodes[0]) r.record?.(p, nodes[0]);
  let index = 0;
  const take = (v: Primitive, el: Node | Entry): void => {
    const ip = [...p, String(index++)];
    r.record?.(ip, el);
    const s = typed(r, v, "string", ip, `\`${name}\` value`);
    if (s === undefined) return;
    const problem = check?.(s);
    if (problem) r.error("invalid_value", `\`${name}\`: ${problem}`, help ?? problem, ip);
    out.push(s);
  };
  for (const node of nodes) {
    checkProps(r, node, [], p);
    for (const e of node.getArgumentEntries()) take(e.getValue(), e);
    for (const child of node.children?.nodes ?? []) {
      const childName = child.getName();
      if (childName === "-") {
        const arg = child.getArgumentEntry(0);
        if (arg) take(arg.getValue(), arg);
        else r.error("missing_value", `\`- \` in \`${name}\` has no value`, 'write `- "…"`', p);
      } else {
        take(childName, child);
      }
    }
  }
  return out;
}

export function typedArg<T extends TypeName>(
  r: Reader,
  node: Node,
  index: number,
  type: T,
  p: Path,
  what: string,
): TypeOf<T> | undefined {
  const e = node.getArgumentEntry(index);
  if (!e) {
    r.error("missing_value", `${what} is missing`, `write \`${node.getName()} …\` in full`, p);
    return undefined;
  }
  r.record?.(p, e);
  return typed(r, e.getValue(), type, p, what);
}

export function prop<T extends TypeName>(
  r: Reader,
  node: Node,
  name: string,
  type: T,
  path: Path,
): TypeOf<T> | undefined {
  const e = node.getPropertyEntry(name);
  if (!e) return undefined;
  const p = [...path, name];
  r.record?.(p, e);
  return typed(r, e.getValue(), type, p, `property \`${name}\``);
}

export { fmt };
