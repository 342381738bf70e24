import type { Document, Entry, Node, Primitive } from "@bgotink/kdl";
import type { Diagnostic, Severity } from "@zmgr/errors";

export type Path = readonly string[];
/** Called for every value the decoder reads, so `locate` can map a path to a source position. */
export type Recorder = (path: Path, element: Node | Entry) => void;

/** Collects diagnostics while a document is decoded. Decoding never throws on bad input. */
export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  /** A required field is missing or unreadable: the typed value cannot be built. */
  unusable = false;

  constructor(
    readonly file: string,
    readonly record?: Recorder,
  ) {}

  report(code: string, severity: Severity, message: string, help: string, path: Path): void {
    this.diagnostics.push({
      code: `zmgr::kdl::${code}`,
      severity,
      message,
      help,
      file: this.file,
      path: [...path],
    });
  }

  error(code: string, message: string, help: string, path: Path): void {
    this.report(code, "error", message, help, path);
  }
}

export type Fields = Map<string, Node[]>;

/** Group the child nodes of a container by name; nodes not in `known` are unknown_node warnings. */
export function fields(
  r: Reader,
  container: Document | null,
  known: readonly string[],
  path: Path,
): Fields {
  const map: Fields = new Map();
  for (const node of container?.nodes ?? []) {
    const name = node.getName();
    if (!known.includes(name)) {
      r.record?.([...path, name], node);
      r.report(
        "unknown_node",
        "warning",
        `unknown node \`${name}\` in ${path.join(" › ")}; zmgr keeps it but does not use it`,
        `known nodes here: ${known.join(", ")}`,
        [...path, name],
      );
      continue;
    }
    const list = map.get(name);
    if (list) list.push(node);
    else map.set(name, [node]);
  }
  return map;
}

type TypeName = "string" | "number" | "boolean";

export function typeName(v: Primitive): string {
  return v === null ? "#null" : typeof v;
}

/** Check one value's type; report wrong_type at `path`. */
export function typed<T extends TypeName>(
  r: Reader,
  v: Primitive,
  type: T,
  path: Path,
  what: string,
): (T extends "string" ? string : T extends "number" ? number : boolean) | undefined {
  if (typeof v === type) return v as never;
  const hint =
    type === "boolean"
      ? "write #true or #false"
      : type === "number"
        ? "write a plain number, without quotes"
        : "write the value in double quotes";
  r.error("wrong_type", `${what} must be a ${type}, not ${typeName(v)} ${fmt(v)}`, hint, path);
  return undefined;
}

export function fmt(v: Primitive): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Warn about properties a node does not take (known: the allowed names). */
export function checkProps(r: Reader, node: Node, known: readonly string[], path: Path): void {
  for (const e of node.getPropertyEntries()) {
    const name = e.getName() ?? "";
    if (known.includes(name)) continue;
    r.report(
      "unknown_property",
      "warning",
      `\`${node.getName()}\` does not take a property \`${name}\``,
      known.length ? `known properties: ${known.join(", ")}` : "remove the property",
      [...path, name],
    );
  }
}

/** Warn about children under a node that takes none. */
export function checkNoChildren(r: Reader, node: Node, path: Path): void {
  if (node.children && node.children.nodes.length > 0) {
    r.report(
      "unexpected_children",
      "warning",
      `\`${node.getName()}\` does not take children; they are ignored`,
      "move the values into arguments of the node",
      path,
    );
  }
}
