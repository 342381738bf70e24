// "Refused or quoted, never interpreted", as properties over arbitrary strings (in-process):
// a zone name is refused (host untouched) or becomes exactly that zone; a template value is
// refused before anything runs or lands in the zone's configuration byte for byte.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkZoneName } from "@zmgr/illumos-exec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE } from "./hostile.js";
import { type InProcess, inProcess, kdlString } from "./in-process.js";
import { testSeed } from "./seed.js";

const RUNS = Number(process.env.RELIABILITY_QUOTING_RUNS ?? 100);

/** No lone surrogate (ES2024's isWellFormed). */
function wellFormed(s: string): boolean {
  return !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));
}

/** Strings a user might type, plus the hostile list; well-formed UTF-16 only (files are UTF-8). */
const anyString = fc.oneof(
  fc.constantFrom(...HOSTILE.filter((h) => wellFormed(h))),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 24 }).filter(wellFormed),
  fc
    .array(
      fc.constantFrom(
        "a",
        "Z",
        "0",
        "-",
        "_",
        ".",
        " ",
        ";",
        "$",
        "(",
        ")",
        "`",
        "\\",
        "'",
        "é",
        "日",
      ),
      {
        maxLength: 16,
      },
    )
    .map((cs) => cs.join("")),
);

/** Names illumos accepts, so the accepted branch is exercised on every run, not by luck. */
const zoneName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,20}$/);

let env: InProcess;

beforeAll(async () => {
  env = await inProcess();
  // A pool with room for every run.
  await writeFile(
    join(env.root, "pools/internal.kdl"),
    'pool "internal" {\n  network "10.1.0.0/16"\n  gateway "10.1.0.1"\n  stub "oinetint0"\n  range-start "10.1.0.10"\n  range-end "10.1.250.250"\n}\n',
  );
});
afterAll(() => env.cleanup());

describe("refused or quoted, never interpreted (in-process)", () => {
  it("a zone name is refused with a coded error before anything runs, or is exactly the zone's name", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyString, zoneName), async (name) => {
        const before = env.hostState();
        const known = env.host.toJSON().zones.some((z) => z.name === name);
        // After `--`, even "--help" is a name.
        const r = await env.cli(["--json", "create", "--no-boot", "--", name]);
        if (r.code === 0) {
          accepted++;
          expect(checkZoneName(name)).toBeUndefined();
          expect(env.host.toJSON().zones.map((z) => z.name)).toContain(name);
        } else {
          expect(r.stderr).not.toContain("zmgr::internal");
          if (!known) expect(env.hostState(), JSON.stringify(name)).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: testSeed().seed, examples: [["web1"]] },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 600_000);

  it("a template attr value is refused before anything runs, or reaches zonecfg unchanged", async () => {
    let n = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(anyString, async (value) => {
        n++;
        const tmpl = `q${n}`;
        await writeFile(
          join(env.root, `templates/${tmpl}.kdl`),
          `template "${tmpl}" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  attr "note" ${kdlString(value)}\n}\n`,
        );
        const before = env.hostState();
        const zone = `qz${n}`;
        const r = await env.cli(["--json", "create", zone, "-t", tmpl]);
        if (r.code === 0) {
          accepted++;
          const z = env.host.toJSON().zones.find((x) => x.name === zone);
          const attr = z?.resources.find((x) => x.type === "attr");
          expect(attr?.props.value, JSON.stringify(value)).toBe(value);
        } else {
          expect(r.stderr).not.toContain("zmgr::internal");
          expect(r.stderr).toMatch(/"code":"zmgr::/);
          expect(env.hostState(), JSON.stringify(value)).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: testSeed().seed, examples: [["9.9.9.9,149.112.112.112"]] },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 600_000);
});
