import { describe, expect, it } from "vitest";
import { InsecureCredentialsError, TlsFileError } from "./errors.js";
import { connectionOptions } from "./options.js";
import { parseEtcdUrl } from "./url.js";

const files: Record<string, string> = {
  "/pki/ca.pem": "CA",
  "/pki/c.pem": "CERT",
  "/pki/c.key": "KEY",
};
const readFile = async (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
  return Buffer.from(text);
};

describe("connectionOptions", () => {
  it("refuses user, password and client certificates over plain etcd://, naming them", async () => {
    const url = parseEtcdUrl("etcd://h:2379/zmgr");
    const env = { ZMGR_ETCD_USER: "alice", ZMGR_ETCD_PASSWORD: "pw", ZMGR_ETCD_KEY: "/pki/c.key" };
    const error = await connectionOptions(url, {}, { env, readFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsecureCredentialsError);
    expect((error as InsecureCredentialsError).code).toBe("zmgr::registry::insecure_credentials");
    expect((error as Error).message).toContain("ZMGR_ETCD_KEY, ZMGR_ETCD_USER, ZMGR_ETCD_PASSWORD");
    expect((error as Error).message).not.toContain("pw)");
  });

  it("connects plainly with no variables set", async () => {
    const url = parseEtcdUrl("etcd://h:2379,[::1]:2380/zmgr");
    expect(await connectionOptions(url, {}, { env: {}, readFile })).toEqual({
      endpoints: [
        { host: "h", port: 2379 },
        { host: "::1", port: 2380 },
      ],
    });
  });

  it("reads the PEM files and credentials for etcds://", async () => {
    const url = parseEtcdUrl("etcds://h:2379/zmgr");
    const env = {
      ZMGR_ETCD_CA: "/pki/ca.pem",
      ZMGR_ETCD_CERT: "/pki/c.pem",
      ZMGR_ETCD_KEY: "/pki/c.key",
      ZMGR_ETCD_USER: "alice",
      ZMGR_ETCD_PASSWORD: "pw",
    };
    const options = await connectionOptions(url, { timeoutMs: 900 }, { env, readFile });
    expect(options.tls).toEqual({
      ca: Buffer.from("CA"),
      cert: Buffer.from("CERT"),
      key: Buffer.from("KEY"),
    });
    expect(options.auth).toEqual({ user: "alice", password: "pw" });
    expect(options.timeoutMs).toBe(900);
  });

  it("uses the system's CAs over etcds:// when ZMGR_ETCD_CA is unset", async () => {
    const options = await connectionOptions(
      parseEtcdUrl("etcds://h:1/p"),
      {},
      { env: {}, readFile },
    );
    expect(options.tls).toEqual({});
    expect(options.auth).toBeUndefined();
  });

  it("names the variable of an unreadable PEM file", async () => {
    const url = parseEtcdUrl("etcds://h:2379/zmgr");
    const error = await connectionOptions(
      url,
      {},
      { env: { ZMGR_ETCD_CA: "/pki/gone.pem" }, readFile },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsFileError);
    expect((error as Error).message).toBe("cannot read ZMGR_ETCD_CA=/pki/gone.pem (ENOENT)");
  });
});
