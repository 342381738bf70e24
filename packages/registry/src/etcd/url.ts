import { isIPv4, isIPv6 } from "node:net";
import { InvalidEtcdUrlError } from "./errors.js";

export interface EtcdEndpoint {
  /** Host name or IP address, IPv6 without its brackets. */
  host: string;
  port: number;
}

export interface EtcdUrl {
  tls: boolean;
  endpoints: EtcdEndpoint[];
  /** Leading slash kept, trailing slash dropped: `/zmgr`. Keys live under `<prefix>/`. */
  prefix: string;
  /** The URL written back canonically (no credentials ever appear in one). */
  text: string;
}

/** True when `value` should be read as an etcd URL rather than a directory path. */
export function isEtcdUrl(value: string): boolean {
  return /^etcds?:\/\//i.test(value);
}

/** `host:port` as an endpoint is written in a URL and in messages (`[::1]:2379` for IPv6). */
export function formatEndpoint(endpoint: EtcdEndpoint): string {
  const host = endpoint.host.includes(":") ? `[${endpoint.host}]` : endpoint.host;
  return `${host}:${endpoint.port}`;
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parseEndpoint(text: string, fail: (reason: string) => never): EtcdEndpoint {
  let host: string;
  let portText: string;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) fail(`"${text}" opens "[" without closing it`);
    host = text.slice(1, close);
    if (!isIPv6(host)) fail(`"${host}" between brackets is not an IPv6 address`);
    const rest = text.slice(close + 1);
    if (!rest.startsWith(":")) fail(`endpoint "${text}" has no port`);
    portText = rest.slice(1);
  } else {
    const colon = text.lastIndexOf(":");
    if (colon < 0) fail(`endpoint "${text}" has no port`);
    host = text.slice(0, colon);
    portText = text.slice(colon + 1);
    if (host.includes(":")) fail(`IPv6 address "${host}" must be written in brackets: [addr]:port`);
    if (host === "") fail(`endpoint "${text}" has no host`);
    if (/^[0-9.]+$/.test(host) ? !isIPv4(host) : !HOSTNAME.test(host)) {
      fail(`"${host}" is not a host name or IPv4 address`);
    }
  }
  if (!/^[0-9]{1,5}$/.test(portText)) fail(`endpoint "${text}" has no valid port`);
  const port = Number(portText);
  if (port < 1 || port > 65535) fail(`port ${portText} is outside 1–65535`);
  return { host, port };
}

/**
 * Parses `etcd://host:port[,host:port…]/<prefix>` or `etcds://…` by hand (SPEC §6; the WHATWG
 * parser rejects the endpoint list). Refuses userinfo, query, fragment, a missing port or prefix.
 */
export function parseEtcdUrl(value: string): EtcdUrl {
  const scheme = /^(etcds?):\/\//i.exec(value)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? "" : value.slice(scheme.length + 3);
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  // Never echo a password: a URL with userinfo is shown without it.
  const shown = authority.includes("@")
    ? `"${scheme ?? "etcd"}://…@${authority.slice(authority.lastIndexOf("@") + 1)}${slash < 0 ? "" : rest.slice(slash)}"`
    : JSON.stringify(value);
  const fail = (reason: string): never => {
    throw new InvalidEtcdUrlError(shown, reason);
  };
  if (scheme === undefined) fail("it must start with etcd:// or etcds://");
  if (/[\s\u0000-\u001f\u007f]/.test(value)) fail("it contains a space or a control character");
  if (authority.includes("@")) fail("user and password are not allowed in the URL");
  if (value.includes("?")) fail("a query (?…) is not allowed");
  if (value.includes("#")) fail("a fragment (#…) is not allowed");
  if (authority === "") fail("it names no endpoint");
  if (slash < 0) fail("the key prefix is missing (add /<prefix>, e.g. /zmgr)");
  const endpoints = authority.split(",").map((part) => {
    if (part === "") fail("the endpoint list has an empty entry");
    return parseEndpoint(part, fail);
  });
  let prefix = rest.slice(slash);
  if (prefix.endsWith("/")) prefix = prefix.slice(0, -1);
  if (prefix === "") fail("the key prefix is missing (add /<prefix>, e.g. /zmgr)");
  const tls = scheme === "etcds";
  const text = `${scheme}://${endpoints.map(formatEndpoint).join(",")}${prefix}`;
  return { tls, endpoints, prefix, text };
}
