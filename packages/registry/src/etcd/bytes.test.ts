import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, encode, int64, keyAfter, prefixEnd } from "./bytes.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("prefixEnd", () => {
  it("increments the last byte", () => {
    expect(Buffer.from(prefixEnd("/zmgr/")).toString()).toBe("/zmgr0");
    expect(Buffer.from(prefixEnd("a")).toString()).toBe("b");
  });

  it("drops trailing 0xff bytes before incrementing", () => {
    expect(hex(prefixEnd(Uint8Array.of(0x61, 0xff, 0xff)))).toBe("62");
  });

  it("means 'to the last key' when no byte can be incremented", () => {
    expect(hex(prefixEnd(Uint8Array.of(0xff, 0xff)))).toBe("00");
    expect(hex(prefixEnd(""))).toBe("00");
  });

  it("bounds exactly the keys that start with the prefix (brute force over short keys)", () => {
    const byte = fc.constantFrom(0x00, 0x01, 0x61, 0x62, 0xfe, 0xff);
    const bytes = fc.array(byte, { maxLength: 4 }).map((a) => Uint8Array.from(a));
    fc.assert(
      fc.property(
        bytes.filter((p) => p.some((b) => b < 0xff)),
        bytes,
        (prefix, key) => {
          const end = prefixEnd(prefix);
          const inRange =
            Buffer.compare(Buffer.from(key), Buffer.from(prefix)) >= 0 &&
            Buffer.compare(Buffer.from(key), Buffer.from(end)) < 0;
          const startsWith = Buffer.from(key)
            .subarray(0, prefix.length)
            .equals(Buffer.from(prefix));
          expect(inRange).toBe(startsWith);
        },
      ),
    );
  });
});

describe("keyAfter", () => {
  it("appends a zero byte", () => {
    expect(hex(keyAfter(Buffer.from("ab")))).toBe("616200");
  });
});

describe("encode and decode", () => {
  it("use base64 of the UTF-8 bytes", () => {
    expect(encode("/zmgr/zones/wéb.kdl")).toBe("L3ptZ3Ivem9uZXMvd8OpYi5rZGw=");
    expect(decode("L3ptZ3Ivem9uZXMvd8OpYi5rZGw=")).toBe("/zmgr/zones/wéb.kdl");
    expect(decode(undefined)).toBe("");
  });
});

describe("int64", () => {
  it("keeps lease ids above 2^53 exactly, as strings", () => {
    expect(int64("7587869148367466754")).toBe("7587869148367466754");
  });

  it("reads an omitted field as zero and refuses numbers", () => {
    expect(int64(undefined)).toBe("0");
    expect(() => int64(12)).toThrow(TypeError);
  });
});
