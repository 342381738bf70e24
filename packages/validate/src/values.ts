import type { Diagnostic } from "@zmgr/errors";
import { at, diag } from "./diagnostic.js";
import type { TemplateSubject, ZoneSubject } from "./types.js";

/** Every zonecfg value is written in double quotes: `"` and newlines can never be quoted safely. */
const UNSAFE = /["\n\r]/;
/** Address fields are comma lists to zonecfg: a comma inside one value would split it. */
const UNSAFE_ADDRESS = /["\n\r,]/;

/** `path` is a thunk: building 60,000 path arrays for a clean registry would cost more than the check. */
type Check = (value: string, path: () => string[]) => void;

/** A checker that appends a diagnostic to `out` for each unsafe value it is shown. */
function checker(
  out: Diagnostic[],
  owner: string,
  file: string | undefined,
  address: boolean,
): Check {
  const re = address ? UNSAFE_ADDRESS : UNSAFE;
  return (value, path) => {
    const m = re.exec(value);
    if (!m) return;
    const what = m[0] === "," ? "a comma" : m[0] === '"' ? "a double quote" : "a line break";
    out.push(
      diag(
        "zmgr::value::unsafe",
        "error",
        `${owner}: value ${JSON.stringify(value)} contains ${what}, which cannot be written to zonecfg safely`,
        address
          ? "write one address per value, without quotes or line breaks"
          : "remove the double quotes and line breaks from the value",
        file,
        path(),
      ),
    );
  };
}

/** The zone net values that end up in a zonecfg script (address fields: no commas either). */
export function checkZoneValues(z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = checker(out, `zone "${z.name}"`, z.file, true);
  z.zone.nets.forEach((net, n) => {
    net.addresses.forEach((a, i) => {
      check(a, () => at("zone", "net", n, "address", i));
    });
    net.gateways.forEach((g, i) => {
      check(g, () => at("zone", "net", n, "gateway", i));
    });
    if (net.vnic !== undefined) check(net.vnic, () => at("zone", "net", n, "vnic"));
    if (net.stub !== undefined) check(net.stub, () => at("zone", "net", n, "stub"));
  });
  return out;
}

/** The template values that end up in a zonecfg script. */
export function checkTemplateValues(t: TemplateSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = checker(out, `template "${t.name}"`, t.file, false);
  const tp = t.template;
  check(tp.brand, () => ["template", "brand"]);
  if (tp.cappedMemory !== undefined) check(tp.cappedMemory, () => ["template", "capped-memory"]);
  tp.fs.forEach((f, i) => {
    check(f.dir, () => at("template", "fs", i));
    check(f.special, () => at("template", "fs", i));
  });
  tp.datasets.forEach((d, i) => {
    check(d, () => at("template", "dataset", i));
  });
  tp.attrs.forEach((a, i) => {
    check(a.name, () => at("template", "attr", i));
    check(a.value, () => at("template", "attr", i));
    const problem = attrProblem(a.name, a.value);
    if (problem) {
      out.push(
        diag(
          "zmgr::template::invalid_attr",
          "error",
          `template "${t.name}": attr "${a.name}" ${problem}`,
          "attr names start with a letter or digit and hold only letters, digits, '-' and '.'; string values are shorter than 256 characters",
          t.file,
          at("template", "attr", i),
        ),
      );
    }
  });
  return out;
}

/** zonecfg's own attr checks (zonecfg.c `validate_attr`): refused there, so refused here first. */
function attrProblem(name: string, value: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(name)) return "has a name zonecfg refuses";
  if (value.length >= 256)
    return `has a value of ${value.length} characters (zonecfg takes at most 255)`;
  return undefined;
}
