import type { Diagnostic } from "@zmgr/errors";
import { at, diag } from "./diagnostic.js";
import type { TemplateSubject, ZoneSubject } from "./types.js";

/** Every zonecfg value is written in double quotes: `"` and newlines can never be quoted safely. */
const UNSAFE = /["\n\r]/;
/** Address fields are comma lists to zonecfg: a comma inside one value would split it. */
const UNSAFE_ADDRESS = /["\n\r,]/;

function problem(value: string, address: boolean): string | undefined {
  const m = (address ? UNSAFE_ADDRESS : UNSAFE).exec(value);
  if (!m) return undefined;
  return m[0] === "," ? "a comma" : m[0] === '"' ? "a double quote" : "a line break";
}

function unsafe(
  owner: string,
  file: string | undefined,
  path: string[],
  value: string,
  address: boolean,
): Diagnostic[] {
  const what = problem(value, address);
  if (what === undefined) return [];
  return [
    diag(
      "zmgr::value::unsafe",
      "error",
      `${owner}: value ${JSON.stringify(value)} contains ${what}, which cannot be written to zonecfg safely`,
      address
        ? "write one address per value, without quotes or line breaks"
        : "remove the double quotes and line breaks from the value",
      file,
      path,
    ),
  ];
}

/** The zone net values that end up in a zonecfg script (address fields: no commas either). */
export function checkZoneValues(z: ZoneSubject): Diagnostic[] {
  const owner = `zone "${z.name}"`;
  return z.zone.nets.flatMap((net, n) => [
    ...net.addresses.flatMap((a, i) =>
      unsafe(owner, z.file, at("zone", "net", n, "address", i), a, true),
    ),
    ...net.gateways.flatMap((g, i) =>
      unsafe(owner, z.file, at("zone", "net", n, "gateway", i), g, true),
    ),
    ...(net.vnic === undefined
      ? []
      : unsafe(owner, z.file, at("zone", "net", n, "vnic"), net.vnic, true)),
    ...(net.stub === undefined
      ? []
      : unsafe(owner, z.file, at("zone", "net", n, "stub"), net.stub, true)),
  ]);
}

/** The template values that end up in a zonecfg script. */
export function checkTemplateValues(t: TemplateSubject): Diagnostic[] {
  const owner = `template "${t.name}"`;
  const tp = t.template;
  const one = (path: string[], v: string) => unsafe(owner, t.file, path, v, false);
  return [
    ...one(["template", "brand"], tp.brand),
    ...(tp.cappedMemory === undefined ? [] : one(["template", "capped-memory"], tp.cappedMemory)),
    ...tp.fs.flatMap((f, i) => [
      ...one(at("template", "fs", i), f.dir),
      ...one(at("template", "fs", i), f.special),
    ]),
    ...tp.datasets.flatMap((d, i) => one(at("template", "dataset", i), d)),
    ...tp.attrs.flatMap((a, i) => [
      ...one(at("template", "attr", i), a.name),
      ...one(at("template", "attr", i), a.value),
    ]),
  ];
}
