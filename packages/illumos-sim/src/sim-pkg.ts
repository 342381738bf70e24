import { type SimPublisher, stateRank } from "./sim-model.js";
import type { SimCtx } from "./sim-util.js";

/** The image at `root` (undefined = the global zone), or undefined when there is none. */
function image(ctx: SimCtx, root: string | undefined): SimPublisher[] | undefined {
  if (root === undefined || root === "/") return ctx.state.publishers;
  const r = root.replace(/\/+$/, "");
  const zone = ctx.state.zones.find(
    (z) =>
      `${z.zonepath}/root` === r &&
      stateRank(z.state) >= stateRank("installed") &&
      z.state !== "incomplete",
  );
  return zone?.publishers;
}

function validOrigin(o: string): boolean {
  try {
    const u = new URL(o);
    return ["http:", "https:", "file:"].includes(u.protocol);
  } catch {
    return false;
  }
}

/** `pkg [-R root] set-publisher [-g origin]… [-G origin]… [-P] NAME` and `pkg [-R root] publisher [-H]`. */
export function pkg(ctx: SimCtx, args: string[]): void {
  const { out } = ctx;
  let i = 0;
  let root: string | undefined;
  while (args[i] === "-R") {
    root = args[i + 1];
    i += 2;
  }
  const sub = args[i];
  const rest = args.slice(i + 1);
  if (sub !== "set-publisher" && sub !== "publisher") {
    out.fail(
      sub === undefined ? "pkg: no subcommand specified" : `pkg: unknown subcommand '${sub}'`,
      2,
    );
    return;
  }
  const pubs = image(ctx, root);
  if (!pubs) {
    out.fail(`pkg: No image rooted at '${root}'`);
    return;
  }
  if (sub === "publisher") {
    if (!rest.includes("-H")) out.out("PUBLISHER                   TYPE     STATUS P LOCATION");
    for (const p of pubs)
      for (const o of p.origins) out.out(`${p.name.padEnd(27)} origin   online F ${o}`);
    return;
  }
  const add: string[] = [];
  const remove: string[] = [];
  let first = false;
  const names: string[] = [];
  for (let j = 0; j < rest.length; j++) {
    const a = rest[j] ?? "";
    if (a === "-g" || a === "--add-origin" || a === "-O" || a === "--origin-uri")
      add.push(rest[++j] ?? "");
    else if (a === "-G" || a === "--remove-origin") remove.push(rest[++j] ?? "");
    else if (a === "-P" || a === "--search-first") first = true;
    else if (a.startsWith("-")) {
      out.fail(`pkg: set-publisher: illegal option -- ${a.replace(/^-+/, "")}`, 2);
      return;
    } else names.push(a);
  }
  if (names.length !== 1) {
    out.fail(
      `pkg: set-publisher: ${names.length === 0 ? "requires a publisher name" : "only one publisher name may be specified"}`,
      2,
    );
    return;
  }
  const bad = add.find((o) => !validOrigin(o));
  if (bad !== undefined) {
    out.fail(`pkg: Invalid repository origin URI '${bad}'.`);
    return;
  }
  const name = names[0] ?? "";
  let p = pubs.find((x) => x.name === name);
  if (!p) {
    if (add.length === 0) {
      out.fail(
        `pkg: set-publisher: publisher '${name}' does not exist; an origin (-g) is required to add it`,
      );
      return;
    }
    p = { name, origins: [] };
    pubs.push(p);
  }
  for (const o of add) if (!p.origins.includes(o)) p.origins.push(o);
  p.origins = p.origins.filter((o) => !remove.includes(o));
  if (first) pubs.splice(0, pubs.length, p, ...pubs.filter((x) => x !== p));
}
