import {
  defaultBrand,
  defaultIpType,
  inKernel,
  type SimResource,
  type SimZone,
  type SimZoneConfig,
  stateRank,
} from "./sim-model.js";
import { nextUuid, type SimCtx } from "./sim-util.js";

export function cloneConfig(c: SimZoneConfig): SimZoneConfig {
  return {
    zonepath: c.zonepath,
    brand: c.brand,
    autoboot: c.autoboot,
    ipType: c.ipType,
    props: { ...c.props },
    resources: c.resources.map(cloneResource),
  };
}

export function cloneResource(r: SimResource): SimResource {
  const copy: SimResource = { type: r.type, props: { ...r.props } };
  if (r.lists)
    copy.lists = Object.fromEntries(Object.entries(r.lists).map(([k, v]) => [k, [...v]]));
  return copy;
}

// zonecfg_strerror texts of the codes verify reports (LZ).
const Z_REQD_RESOURCE_MISSING = "Required resource missing";
const Z_REQD_PROPERTY_MISSING = "Required property missing";
const Z_INVAL = "Invalid argument";
const Z_INSUFFICIENT_SPEC = "Insufficient specification";

/** One zonecfg run: the handle being edited, the scope, error bookkeeping (ZC globals). */
export class ZonecfgSession {
  handle: SimZoneConfig | undefined;
  isNew = false;
  dirty = false;
  /** Resource scope: the resource in progress and, for `select`, the one it replaces. */
  scope: { res: SimResource; original?: SimResource } | undefined;
  sawError = false;
  /** `time_to_exit`: stop reading, then clean up (commit). */
  stop = false;
  /** zonecfg called `exit(Z_ERR)` at once: no clean-up, nothing committed. */
  exitNow = false;
  line = 0;
  private headerLine = -1;

  constructor(
    readonly ctx: SimCtx,
    readonly zone: string,
    /** `-f FILE`: the file name for `On line N of FILE:` headers (`-` → `On line N:`). */
    readonly file: string | undefined,
  ) {}

  get flavour() {
    return this.ctx.state.flavour;
  }

  existing(): SimZone | undefined {
    return this.ctx.state.zones.find((z) => z.name === this.zone);
  }

  /** `zerr()`: in file mode, a header before the first message of an input line. */
  zerr(msg: string): void {
    if (this.file !== undefined && this.headerLine !== this.line) {
      this.headerLine = this.line;
      this.ctx.out.err(
        this.file === "-" ? `On line ${this.line}:` : `On line ${this.line} of ${this.file}:`,
      );
    }
    this.ctx.out.err(msg);
    this.sawError = true;
  }

  /** A grammar error (ZCG `yyerror`): no `On line` header, the line number is in the text. */
  syntax(tok: string): void {
    this.ctx.out.err(
      this.file !== undefined
        ? `syntax error on line ${this.line} at '${tok}'`
        : `syntax error at '${tok}'`,
    );
    this.sawError = true;
  }

  /** `initialize(B_TRUE)`: load the zone's configuration, or report that it does not exist. */
  initialize(): boolean {
    if (this.handle) return true;
    if (this.zone === "global") {
      this.handle = {
        zonepath: "/",
        brand: "ipkg",
        autoboot: true,
        ipType: "shared",
        props: {},
        resources: [],
      };
      return true;
    }
    const z = this.existing();
    if (!z) {
      this.zerr(`${this.zone}: No such zone configured`);
      return false;
    }
    this.handle = cloneConfig(z);
    return true;
  }

  blank(): SimZoneConfig {
    return {
      zonepath: "",
      brand: defaultBrand(this.flavour),
      autoboot: false,
      ipType: defaultIpType(this.flavour),
      props: {},
      resources: [],
    };
  }

  installed(): boolean {
    const z = this.existing();
    return z !== undefined && stateRank(z.state) >= stateRank("installed");
  }

  running(): boolean {
    const z = this.existing();
    return z !== undefined && inKernel(z.state);
  }

  /**
   * `verify_func`: print every problem, then `Zone NAME failed to verify` when saving, then
   * `NAME: <strerror of the first problem's code>`. Returns true when the configuration is valid.
   */
  verify(save = false): boolean {
    const h = this.handle;
    if (!h) return false;
    let code: string | undefined;
    const bad = (m: string, err: string) => {
      this.zerr(m);
      code ??= err;
    };
    const global = this.zone === "global";
    if (!h.zonepath && !global) {
      this.zerr("zonepath cannot be empty.");
      code = Z_REQD_RESOURCE_MISSING;
    }
    const req = (v: string | undefined, rt: string, pt: string) => {
      if (!v) bad(`${rt}: ${pt} not specified`, Z_REQD_PROPERTY_MISSING);
    };
    for (const r of h.resources.filter((x) => x.type === "fs")) {
      req(r.props.dir, "fs", "dir");
      req(r.props.special, "fs", "special");
      req(r.props.type, "fs", "type");
    }
    const nets = h.resources.filter((r) => r.type === "net");
    for (const n of nets) {
      const p = n.props;
      req(p.physical, "net", "physical");
      if (h.ipType === "shared") {
        req(p.address, "net", "address");
        if (p["allowed-address"])
          bad("net: allowed-address cannot be specified for a shared IP type", Z_INVAL);
      } else {
        if (p.address) bad("net: address cannot be specified for an exclusive IP type", Z_INVAL);
        const withAllowed = nets.some(
          (o) => o.props.physical === p.physical && o.props["allowed-address"],
        );
        if (p.defrouter && !withAllowed)
          bad(
            `net: defrouter for ${p.physical} cannot be specified without allowed-address for an exclusive IP type`,
            Z_INVAL,
          );
      }
    }
    for (const r of h.resources.filter((x) => x.type === "rctl")) {
      req(r.props.name, "rctl", "name");
      if (!r.lists?.value?.length) bad("rctl: no value specified", Z_REQD_PROPERTY_MISSING);
    }
    for (const r of h.resources.filter((x) => x.type === "attr")) {
      req(r.props.name, "attr", "name");
      req(r.props.type, "attr", "type");
      req(r.props.value, "attr", "value");
    }
    for (const r of h.resources.filter((x) => x.type === "dataset"))
      req(r.props.name, "dataset", "name");
    if (this.scope) bad("resource specification incomplete", Z_INSUFFICIENT_SPEC);
    if (code === undefined) return true;
    if (save) this.zerr(`Zone ${this.zone} failed to verify`);
    this.zerr(`${this.zone}: ${code}`);
    return false;
  }

  /** `commit` (verify with save): a new zone becomes `configured`. */
  commit(): boolean {
    if (!this.handle) return true;
    if (!this.verify(true)) return false;
    if (this.zone === "global") {
      this.dirty = false;
      return true;
    }
    const state = this.ctx.state;
    // zonecfg rewrites <zone>.xml on commit: a hand edit of it is gone
    if (state.zoneFiles) delete state.zoneFiles[`${this.zone}.xml`];
    const z = this.existing();
    if (z) Object.assign(z, cloneConfig(this.handle));
    else {
      const zone: SimZone = {
        name: this.zone,
        state: "configured",
        uuid: nextUuid(state, this.zone),
        debugId: state.nextDebugId,
        publishers: [],
        ...cloneConfig(this.handle),
      };
      state.nextDebugId += 1;
      state.zones.push(zone);
    }
    this.isNew = false;
    this.dirty = false;
    return true;
  }

  /**
   * `cleanup()` at the end of input: an open resource is an error (or dropped after `exit`/a
   * bail-out), then pending changes are committed. Returns the exit code.
   */
  finish(): number {
    if (this.scope) {
      if (!this.stop) {
        this.zerr("Resource incomplete.");
        return 1;
      }
      this.sawError = true;
      this.scope = undefined;
    }
    if (this.dirty && this.handle && !this.commit()) this.zerr("Configuration not saved.");
    return this.dirty || this.sawError ? 1 : 0;
  }
}
