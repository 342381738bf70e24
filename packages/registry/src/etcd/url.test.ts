import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatEndpoint, isEtcdUrl, parseEtcdUrl } from "./url.js";

function refusal(url: string): { code: string; message: string } {
  try {
    parseEtcdUrl(url);
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error(`accepted ${url}`);
}

describe("parseEtcdUrl accepts", () => {
  it("one endpoint and a prefix", () => {
    expect(parseEtcdUrl("etcd://10.0.0.5:2379/zmgr")).toEqual({
      tls: false,
      endpoints: [{ host: "10.0.0.5", port: 2379 }],
      prefix: "/zmgr",
      text: "etcd://10.0.0.5:2379/zmgr",
    });
  });

  it("several endpoints, TLS, host names and bracketed IPv6", () => {
    const url = parseEtcdUrl("etcds://etcd-1.example.org:2379,[fd00::1]:2379,10.0.0.7:12379/a/b");
    expect(url.tls).toBe(true);
    expect(url.endpoints).toEqual([
      { host: "etcd-1.example.org", port: 2379 },
      { host: "fd00::1", port: 2379 },
      { host: "10.0.0.7", port: 12379 },
    ]);
    expect(url.prefix).toBe("/a/b");
    expect(url.text).toBe("etcds://etcd-1.example.org:2379,[fd00::1]:2379,10.0.0.7:12379/a/b");
  });

  it("drops one trailing slash of the prefix", () => {
    expect(parseEtcdUrl("etcd://h:1/zmgr/").prefix).toBe("/zmgr");
    expect(parseEtcdUrl("etcd://[::1]:2379/zmgr/x/").prefix).toBe("/zmgr/x");
  });

  it("the scheme in any case", () => {
    expect(parseEtcdUrl("ETCDS://h:1/p").text).toBe("etcds://h:1/p");
  });
});

describe("parseEtcdUrl refuses with zmgr::registry::invalid_url", () => {
  const cases: [string, string, RegExp][] = [
    ["a missing port", "etcd://10.0.0.5/zmgr", /has no port/],
    ["an empty port", "etcd://10.0.0.5:/zmgr", /no valid port/],
    ["port 0", "etcd://h:0/zmgr", /outside 1–65535/],
    ["port 65536", "etcd://h:65536/zmgr", /outside 1–65535/],
    ["a missing prefix", "etcd://h:2379", /prefix is missing/],
    ["a bare slash as prefix", "etcd://h:2379/", /prefix is missing/],
    ["a query", "etcd://h:2379/zmgr?x=1", /query/],
    ["a fragment", "etcd://h:2379/zmgr#top", /fragment/],
    ["userinfo", "etcd://root@h:2379/zmgr", /user and password/],
    ["an unbracketed IPv6 address", "etcd://fd00::1:2379/zmgr", /brackets/],
    ["brackets around a non-IPv6", "etcd://[10.0.0.1]:2379/zmgr", /not an IPv6/],
    ["an unclosed bracket", "etcd://[fd00::1:2379/zmgr", /without closing/],
    ["an empty endpoint", "etcd://h:1,,h:2/zmgr", /empty entry/],
    ["no endpoint at all", "etcd:///zmgr", /names no endpoint/],
    ["a bad IPv4 address", "etcd://10.0.0.256:2379/zmgr", /not a host name/],
    ["a host with an underscore", "etcd://bad_host:2379/zmgr", /not a host name/],
    ["another scheme", "http://h:2379/zmgr", /must start with etcd/],
    ["a space", "etcd://h:2379/zm gr", /space/],
  ];
  for (const [what, url, reason] of cases) {
    it(what, () => {
      const r = refusal(url);
      expect(r.code).toBe("zmgr::registry::invalid_url");
      expect(r.message).toMatch(reason);
    });
  }

  it("never echoes the password of a URL with userinfo", () => {
    const r = refusal("etcds://root:s3cret@h:2379/zmgr");
    expect(r.message).not.toContain("s3cret");
    expect(r.message).toContain("h:2379/zmgr");
  });
});

describe("formatEndpoint", () => {
  it("brackets IPv6 hosts only", () => {
    expect(formatEndpoint({ host: "::1", port: 2379 })).toBe("[::1]:2379");
    expect(formatEndpoint({ host: "10.0.0.1", port: 2379 })).toBe("10.0.0.1:2379");
  });
});

describe("isEtcdUrl", () => {
  it("tells etcd URLs from directory paths", () => {
    expect(isEtcdUrl("etcd://h:1/p")).toBe(true);
    expect(isEtcdUrl("etcds://h:1/p")).toBe(true);
    expect(isEtcdUrl("/etc/zmgr")).toBe(false);
    expect(isEtcdUrl("./etcd://x")).toBe(false);
  });
});

// Generators write URLs from parts; the oracle is the parts themselves.
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc
    .array(label, { minLength: 1, maxLength: 3 })
    .map((l) => l.join("."))
    .filter((h) => !/^[0-9.]+$/.test(h)),
);
const endpoint = fc.record({ host, port: fc.integer({ min: 1, max: 65535 }) });
const segment = fc.stringMatching(/^[A-Za-z0-9._~:-]{1,10}$/);
const parts = fc.record({
  tls: fc.boolean(),
  endpoints: fc.array(endpoint, { minLength: 1, maxLength: 4 }),
  segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
  trailingSlash: fc.boolean(),
});
type Parts = typeof parts extends fc.Arbitrary<infer T> ? T : never;
const hostPort = (e: { host: string; port: number }) =>
  e.host.includes(":") ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`;
const write = (p: Parts) =>
  `${p.tls ? "etcds" : "etcd"}://${p.endpoints.map(hostPort).join(",")}/${p.segments.join("/")}${p.trailingSlash ? "/" : ""}`;

describe("parseEtcdUrl (properties)", () => {
  it("reads back the endpoints, TLS flag and prefix a URL was written from", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const url = parseEtcdUrl(write(p));
        expect(url.tls).toBe(p.tls);
        expect(url.endpoints).toEqual(p.endpoints);
        expect(url.prefix).toBe(`/${p.segments.join("/")}`);
        expect(parseEtcdUrl(url.text)).toEqual(url);
      }),
    );
  });

  it("refuses every such URL once an endpoint loses its port", () => {
    fc.assert(
      fc.property(parts, fc.nat(), (p, n) => {
        const i = n % p.endpoints.length;
        const text = write(p).replace(
          hostPort(p.endpoints[i]!),
          hostPort(p.endpoints[i]!).replace(/:\d+$/, ""),
        );
        expect(refusal(text).code).toBe("zmgr::registry::invalid_url");
      }),
    );
  });

  it("refuses every such URL with userinfo, a query or a fragment added", () => {
    fc.assert(
      fc.property(
        parts,
        fc.constantFrom("user@", "u:p@"),
        fc.constantFrom("?a=1", "#f", "?"),
        (p, user, tail) => {
          const text = write(p);
          const withUser = text.replace("://", `://${user}`);
          expect(refusal(withUser).code).toBe("zmgr::registry::invalid_url");
          expect(refusal(text + tail).code).toBe("zmgr::registry::invalid_url");
        },
      ),
    );
  });
});
