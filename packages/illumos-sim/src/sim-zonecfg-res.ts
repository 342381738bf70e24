import type { SimResource } from "./sim-model.js";
import {
  checkNetAddress,
  checkPhysical,
  REQUIRED,
  resourceProps,
  SINGLETONS,
  sameNetAddress,
} from "./sim-zonecfg-props.js";
import { cloneResource, type ZonecfgSession } from "./sim-zonecfg-session.js";
import type { Value } from "./sim-zonecfg-value.js";

/** Does resource `r` match every `prop=value` filter (nets compare addresses the libzonecfg way)? */
export function matches(r: SimResource, filters: [string, string][], shared: boolean): boolean {
  return filters.every(([k, v]) => {
    const have = r.props[k] ?? "";
    if (r.type === "net" && ["address", "allowed-address", "defrouter"].includes(k)) {
      if (k === "address" && !shared) return true;
      if (k === "allowed-address" && shared) return true;
      return sameNetAddress(have, v);
    }
    return have === v;
  });
}

/** `add <rt>` in the global scope. */
export function addResource(s: ZonecfgSession, rt: string): void {
  if (!resourceProps(rt, s.flavour)) {
    s.zerr(`${rt}: No such resource type`);
    return;
  }
  if (SINGLETONS.has(rt) && s.handle?.resources.some((r) => r.type === rt)) {
    s.zerr(
      rt === "capped-memory"
        ? "The capped-memory resource or a related resource control already exists."
        : `The ${rt} resource already exists.`,
    );
    return;
  }
  s.scope = { res: { type: rt, props: {} } };
}

/** `set prop=value` in a resource scope, with zonecfg's syntax checks. */
export function setResourceProp(s: ZonecfgSession, prop: string, value: Value): void {
  const scope = s.scope;
  if (!scope) return;
  const spec = resourceProps(scope.res.type, s.flavour);
  if (spec?.lists.includes(prop) && value.kind === "list") {
    scope.res.lists = { ...scope.res.lists, [prop]: value.items };
    return;
  }
  if (!spec?.simple.includes(prop) || value.kind === "list") {
    s.zerr(`${prop}: No such property type`);
    return;
  }
  const v = value.text;
  if (scope.res.type === "net") {
    if (prop === "address" || prop === "allowed-address" || prop === "defrouter") {
      const c = checkNetAddress(v, prop === "defrouter");
      if (c.error) {
        s.zerr(c.error);
        return;
      }
      if (c.warning) s.ctx.out.err(c.warning);
    }
    if (prop === "physical" && s.handle?.ipType === "exclusive") {
      const e = checkPhysical(v);
      if (e) {
        s.zerr(e);
        return;
      }
    }
  }
  scope.res.props[prop] = v;
}

/** `add <list-prop> value` / `remove <list-prop> value` in a resource scope. */
export function editResourceList(
  s: ZonecfgSession,
  prop: string,
  value: Value,
  add: boolean,
): void {
  const scope = s.scope;
  if (!scope) return;
  if (!resourceProps(scope.res.type, s.flavour)?.lists.includes(prop)) {
    s.zerr(`${prop}: No such property type`);
    return;
  }
  // `add options ro` and `add options [ro,nodevices]` are both valid.
  const items = value.kind === "list" ? value.items : [value.text];
  const list = scope.res.lists?.[prop] ?? [];
  const next = add
    ? [...list, ...items.filter((i) => !list.includes(i))]
    : list.filter((x) => !items.includes(x));
  scope.res.lists = { ...scope.res.lists, [prop]: next };
}

const KEY: Record<string, string> = {
  fs: "dir",
  dataset: "name",
  attr: "name",
  device: "match",
  rctl: "name",
  admin: "user",
};

/** `end`: required properties, duplicates (`net_exists_error`), then into the handle. */
export function endResource(s: ZonecfgSession): void {
  const scope = s.scope;
  const h = s.handle;
  if (!scope || !h) return;
  const r = scope.res;
  // end_func: every problem of this resource is printed before giving up.
  let failed = false;
  const fail = (m: string) => {
    s.zerr(m);
    failed = true;
  };
  for (const p of REQUIRED[r.type] ?? []) {
    if (!r.props[p]) fail(`${p} not specified`);
    else if (r.type === "fs" && p === "dir" && !r.props.dir?.startsWith("/"))
      fail(`dir ${r.props.dir} is not an absolute path.`);
  }
  if (r.type === "fs" && r.props.raw && !r.props.raw.startsWith("/"))
    fail(`raw ${r.props.raw} is not an absolute path.`);
  if (r.type === "rctl" && !r.lists?.value?.length) fail("no value specified");
  if (r.type === "capped-memory" && !r.props.physical && !r.props.swap && !r.props.locked)
    fail("No property was specified.  One of physical, swap or locked is required.");
  if (r.type === "attr") {
    const name = r.props.name ?? "";
    if (name && !/^[A-Za-z0-9]/.test(name))
      fail(`Invalid attr name ${name}: must start with an alpha-numeric character.`);
    else if (name && !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(name))
      fail(
        `Invalid attr name ${name}: can only contain alpha-numeric characters, plus '-' and '.'.`,
      );
    const t = r.props.type ?? "";
    const v = r.props.value ?? "";
    const okValue: Record<string, boolean> = {
      boolean: v === "true" || v === "false",
      int: /^-?[0-9]+$/.test(v),
      uint: /^[0-9]+$/.test(v),
      string: v.length < 256,
    };
    if (t && okValue[t] === undefined) fail(`invalid attr type '${t}'`);
    else if (t && v && okValue[t] === false) fail(`invalid attr value for type=${t}`);
  }
  if (failed) return;
  const others = h.resources.filter((x) => x !== scope.original && x.type === r.type);
  const shared = h.ipType === "shared";
  if (r.type === "net") {
    const filters = Object.entries(r.props).filter(
      ([k, v]) => v !== "" && ["physical", "address", "allowed-address", "defrouter"].includes(k),
    );
    if (others.some((o) => matches(o, filters, shared))) {
      const which = shared ? "address" : "allowed-address";
      s.zerr(
        `A net resource with the physical '${r.props.physical}', and ${which} '${r.props[which] ?? ""}' already exists.`,
      );
      return;
    }
  } else {
    const key = KEY[r.type];
    if (key && others.some((o) => o.props[key] === r.props[key])) {
      const article = r.type === "attr" || r.type === "admin" ? "An" : "A";
      s.zerr(`${article} ${r.type} resource with the ${key} '${r.props[key]}' already exists.`);
      return;
    }
  }
  if (scope.original) removeOne(s, scope.original);
  h.resources.push(cloneResource(r));
  s.scope = undefined;
  s.dirty = true;
}

/**
 * Delete one resource. OmniOS's `zonecfg_delete_nwif_core` matches on physical alone in
 * practice (empty fields match), so it deletes the FIRST net on that physical (DUALSTACK Q3).
 */
export function removeOne(s: ZonecfgSession, r: SimResource): void {
  const h = s.handle;
  if (!h) return;
  let victim = r;
  if (r.type === "net" && s.flavour === "omnios") {
    victim =
      h.resources.find((x) => x.type === "net" && x.props.physical === r.props.physical) ?? r;
  }
  h.resources.splice(h.resources.indexOf(victim), 1);
}
