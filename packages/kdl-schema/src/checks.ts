import { isAddress, isCidr } from "@zmgr/ipam";
import { checkEntityName, isHttpUrl } from "./names.js";
import { isAbsolutePath, isIsoDate, isMemorySize } from "./values.js";

/** Value checks used by the decoders: each returns a problem message or undefined. */
export const checks = {
  name: (v: string) => checkEntityName(v),
  address: (v: string) =>
    isAddress(v) ? undefined : `${JSON.stringify(v)} is not an IPv4 or IPv6 address`,
  cidr: (v: string) =>
    isCidr(v)
      ? undefined
      : `${JSON.stringify(v)} is not an address with a prefix length (like "10.1.0.0/24")`,
  absolutePath: (v: string) =>
    isAbsolutePath(v) ? undefined : `${JSON.stringify(v)} is not an absolute path`,
  /** A directory on the host (SPEC §5): absolute, no `..` segment. */
  hostDir: (v: string) =>
    !isAbsolutePath(v)
      ? `${JSON.stringify(v)} is not an absolute path`
      : v.split("/").includes("..")
        ? `${JSON.stringify(v)} contains ".."`
        : undefined,
  url: (v: string) => (isHttpUrl(v) ? undefined : `${JSON.stringify(v)} is not an http(s) URL`),
  memory: (v: string) =>
    isMemorySize(v) ? undefined : `${JSON.stringify(v)} is not a size like "512M" or "2G"`,
  date: (v: string) =>
    isIsoDate(v)
      ? undefined
      : `${JSON.stringify(v)} is not a date like "2026-03-22" or an ISO time`,
  nonEmpty: (v: string) => (v.length > 0 ? undefined : "the value is empty"),
} as const;

export const help = {
  address: 'write an IPv4 or IPv6 address in double quotes, e.g. "10.1.0.1" or "2001:db8::1"',
  cidr: 'write address/prefix-length, e.g. "10.1.0.0/24" or "2001:db8:1::/64"',
  name: "names use letters, digits, _ . - (first a letter or digit), at most 64 characters",
} as const;
