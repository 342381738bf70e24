import { formatAddress, isLinkLocalV6, parseAddress } from "./address.js";
import { type Network, parseNetwork } from "./network.js";
import type { PoolField, PoolProblem, PoolSpec } from "./pool-spec.js";

type Draft = Omit<PoolProblem, "severity" | "index"> & {
  severity?: "warning";
  index?: number | undefined;
};

/** The per-value checks of validatePool: syntax, family, inside the network, gateway rules. */
export class PoolChecker {
  readonly problems: PoolProblem[] = [];
  readonly net: Network | undefined;

  constructor(readonly spec: PoolSpec) {
    this.net = parseNetwork(spec.network);
    const net = this.net;
    if (net === undefined) {
      this.emit({
        code: "zmgr::pool::invalid_network",
        field: "network",
        value: spec.network,
        message: `network "${spec.network}" is not an address with a prefix length`,
        help: 'write the network in CIDR form, e.g. "10.1.0.0/24" or "2001:db8:1::/64"',
      });
    } else if (net.hostBitsSet) {
      const cidr = `${formatAddress(net.family, net.base)}/${net.prefix}`;
      this.emit({
        code: "zmgr::pool::network_host_bits",
        severity: "warning",
        field: "network",
        value: spec.network,
        message: `network "${spec.network}" has host bits set; it is read as ${cidr}`,
        help: `write the network as "${cidr}"`,
      });
    }
  }

  emit(p: Draft): void {
    const { index, severity, ...rest } = p;
    this.problems.push({
      ...rest,
      severity: severity ?? "error",
      ...(index === undefined ? {} : { index }),
    });
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }

  /** A bare address of the pool's family, or undefined (with a problem). */
  address(field: PoolField, text: string, index?: number): bigint | undefined {
    const what = label(field, index);
    const p = parseAddress(text);
    if (p === undefined || p.prefix !== undefined) {
      this.emit({
        code: "zmgr::pool::invalid_address",
        field,
        index,
        value: text,
        message: `${what} "${text}" is not an address`,
        help: 'write a single address without a prefix length, e.g. "10.1.0.10" or "2001:db8::10"',
      });
      return undefined;
    }
    if (this.net !== undefined && p.family !== this.net.family) {
      this.emit({
        code: "zmgr::pool::mixed_family",
        field,
        index,
        value: text,
        message: `${what} ${text} is IPv${p.family} but network ${this.spec.network} is IPv${this.net.family}`,
        help: "every pool is one family: make an IPv4 pool and an IPv6 pool and list both in the template net",
      });
      return undefined;
    }
    return p.value;
  }

  outside(v: bigint | undefined): boolean {
    const net = this.net;
    return net !== undefined && v !== undefined && (v < net.base || v > net.last);
  }

  /** address() plus "inside the network" (problem `code` when not). */
  inside(field: PoolField, code: string, text: string, index?: number): bigint | undefined {
    const v = this.address(field, text, index);
    if (this.outside(v)) {
      this.emit({
        code,
        field,
        index,
        value: text,
        message: `${label(field, index)} ${text} is outside network ${this.spec.network}`,
        help: `use addresses inside ${this.spec.network}, or widen the network`,
      });
    }
    return v;
  }

  /** Inside the network (IPv6: or link-local), and for IPv4 not the network or broadcast address. */
  gateway(text: string): bigint | undefined {
    const v = this.address("gateway", text);
    const net = this.net;
    if (net === undefined || v === undefined) return v;
    const at = { field: "gateway" as const, value: text };
    if (this.outside(v) && !(net.family === 6 && isLinkLocalV6(text))) {
      const ll = net.family === 6 ? " or a link-local one (fe80::/10)" : "";
      this.emit({
        ...at,
        code: "zmgr::pool::gateway_outside_network",
        message: `gateway ${text} is outside network ${this.spec.network}`,
        help: `use a gateway inside ${this.spec.network}${ll}`,
      });
    } else if (net.family === 4 && net.prefix < 31 && (v === net.base || v === net.broadcast)) {
      const which = v === net.base ? "network" : "broadcast";
      this.emit({
        ...at,
        code: "zmgr::pool::gateway_not_host",
        message: `gateway ${text} is the ${which} address of ${this.spec.network}`,
        help: "use a host address of the network as the gateway",
      });
    }
    return v;
  }
}

function label(field: PoolField, index: number | undefined): string {
  if (field === "range") return index === 1 ? "range-end" : "range-start";
  if (field === "addresses") return "address";
  return field;
}
