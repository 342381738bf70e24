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

/** One zonecfg run: the handle being edited, the scope, error bookkeeping (ZC globals). */
export class ZonecfgSession {
  handle: SimZoneConfig | undefined;
  isNew = false;
  dirty = false;
  /** Resource scope: the resource in progress and, for `select`, the one it replaces. */
  scope: { res: SimResource; original?: SimResource } | undefined;
  sawError = false;
  stop = false;
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

  /** Verify (ZC-O `verify_func`); prints every problem. */
  verify(): boolean {
    const h = this.handle;
    if (!h) return false;
    let ok = true;
    const bad = (m: string) => {
      this.zerr(m);
      ok = false;
    };
    if (!h.zonepath) bad("zonepath not specified");
    if (!h.brand) bad("brand not specified");
    const nets = h.resources.filter((r) => r.type === "net");
    for (const n of nets) {
      const p = n.props;
      if (!p.physical) bad("net: physical not specified");
      if (h.ipType === "shared") {
        if (!p.address) bad("net: address not specified");
        if (p["allowed-address"])
          bad("net: allowed-address cannot be specified for a shared IP type");
      } else {
        if (p.address) bad("net: address cannot be specified for an exclusive IP type");
        const withAllowed = nets.some(
          (o) => o.props.physical === p.physical && o.props["allowed-address"],
        );
        if (p.defrouter && !withAllowed)
          bad(
            `net: defrouter for ${p.physical} cannot be specified without allowed-address for an exclusive IP type`,
          );
      }
    }
    return ok;
  }

  /** `commit`: verify, then write the configuration (a new zone becomes `configured`). */
  commit(auto: boolean): boolean {
    if (!this.handle) return true;
    if (this.zone === "global") {
      this.dirty = false;
      return true;
    }
    if (!this.verify()) {
      this.zerr(`Zone ${this.zone} failed to verify`);
      if (auto) this.zerr("Configuration not saved.");
      return false;
    }
    const state = this.ctx.state;
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
}
