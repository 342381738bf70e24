import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.js";
import type { Zone } from "./types.js";
import { updateDocument } from "./update.js";

const base = `// web server
zone "web1" {
  template "oi" // the default
  net "internal" { address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "web1_0"; stub "oinetint0"; pool "internal"; }
  created "2026-03-22"
}
`;

const parsed = (text: string) => {
  const p = parseDocument("zone", text, "zones/web1.kdl");
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p as typeof p & { value: Zone };
};

describe("net status (net add in progress)", () => {
  it("writes a new net with its adding status in place, comments kept, and drops it again", () => {
    const p = parsed(base);
    const adding: Zone = {
      ...p.value,
      nets: [
        ...p.value.nets,
        {
          name: "public",
          addresses: ["203.0.113.10/24"],
          gateways: ["203.0.113.1"],
          vnic: "web1_1",
          stub: "pubstub0",
          pools: ["public"],
          status: {
            state: "adding",
            txn: "t-1",
            pid: 42,
            host: "h",
            started: "2026-03-22T10:00:00Z",
          },
        },
      ],
    };
    const { text } = updateDocument(p, adding);
    expect(text).toBe(`// web server
zone "web1" {
  template "oi" // the default
  net "internal" { address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "web1_0"; stub "oinetint0"; pool "internal"; }
  net "public" { address "203.0.113.10/24"; gateway "203.0.113.1"; vnic "web1_1"; stub "pubstub0"; pool "public"; status "adding" txn="t-1" pid=42 host="h" started="2026-03-22T10:00:00Z"; }
  created "2026-03-22"
}
`);
    const again = parsed(text);
    expect(again.diagnostics).toEqual([]);
    expect(again.value.nets[1]?.status).toEqual({
      state: "adding",
      txn: "t-1",
      pid: 42,
      host: "h",
      started: "2026-03-22T10:00:00Z",
    });
    const { status: _s, ...done } = again.value.nets[1] as NonNullable<Zone["nets"][1]>;
    const finished = updateDocument(again, { ...again.value, nets: [again.value.nets[0]!, done] });
    expect(finished.text).toBe(
      text.replace(
        ` status "adding" txn="t-1" pid=42 host="h" started="2026-03-22T10:00:00Z";`,
        "",
      ),
    );
  });

  it("reads and writes the adding machine's host id and the process start time", () => {
    const line =
      'status "adding" txn="t-2" pid=42 host="gz1" host-id="m1" pid-start="linux:b:100" started="2026-03-22T10:00:00Z";';
    const text = base.replace('pool "internal"; }', `pool "internal"; ${line} }`);
    const p = parsed(text);
    expect(p.diagnostics).toEqual([]);
    expect(p.value.nets[0]?.status).toEqual({
      state: "adding",
      txn: "t-2",
      pid: 42,
      host: "gz1",
      hostId: "m1",
      pidStart: "linux:b:100",
      started: "2026-03-22T10:00:00Z",
    });
    const { status: _s, ...plain } = p.value.nets[0] as NonNullable<Zone["nets"][0]>;
    const written = updateDocument(parsed(base), {
      ...p.value,
      nets: [{ ...plain, status: p.value.nets[0]!.status! }],
    });
    expect(written.text).toBe(text);
  });

  it("refuses a net status other than adding, or one without a txn", () => {
    const bad = parseDocument(
      "zone",
      base.replace('pool "internal"; }', 'pool "internal"; status "gone" txn="x"; }'),
      "zones/web1.kdl",
    );
    expect(bad.diagnostics.map((d) => d.message).join("\n")).toContain('"gone" is not "adding"');
    const noTxn = parseDocument(
      "zone",
      base.replace('pool "internal"; }', 'pool "internal"; status "adding"; }'),
      "zones/web1.kdl",
    );
    expect(noTxn.diagnostics.map((d) => d.message).join("\n")).toContain("has no txn");
  });
});

describe("template clone", () => {
  it('reads and writes `clone "<zone>"`', async () => {
    const { printDocument } = await import("./print.js");
    const p = parseDocument(
      "template",
      'template "web" {\n  brand "ipkg"\n  clone "golden"\n}\n',
      "templates/web.kdl",
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.value?.clone).toBe("golden");
    expect(printDocument("template", p.value!)).toContain('clone "golden"');
    const bad = parseDocument(
      "template",
      'template "web" {\n  brand "ipkg"\n  clone "-x"\n}\n',
      "templates/web.kdl",
    );
    expect(bad.diagnostics.map((d) => d.message).join()).toContain("is not a zone name");
  });
});
