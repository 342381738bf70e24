import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { findBinary } from "./binaries.js";

export interface TestCertificates {
  /** The CA that signed both certificates below. */
  caFile: string;
  /** Server certificate with IP SAN 127.0.0.1 and DNS SAN localhost. */
  certFile: string;
  keyFile: string;
  /**
   * Client certificate (clientAuth), for etcd's `--client-cert-auth`. Its subject has no
   * CommonName: etcd 3.4 refuses gateway requests from a certificate with one once auth is on.
   */
  clientCertFile: string;
  clientKeyFile: string;
}

const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

/** A throw-away CA, server and client certificate in `dir`, made with the system's openssl. */
export async function createTestCertificates(dir: string): Promise<TestCertificates> {
  const openssl = findBinary("openssl");
  if (openssl === undefined) throw new Error("openssl is not installed (Debian package openssl)");
  const at = (name: string) => join(dir, name);
  const run = (args: string[]) => execa(openssl, args, { cwd: dir });
  const CA = [
    "-keyout",
    at("ca.key"),
    "-out",
    at("ca.pem"),
    "-days",
    "2",
    "-subj",
    "/CN=zmgr-test-ca",
  ];
  await run(["req", "-x509", ...EC, ...CA]);
  const sign = async (name: string, subject: string, extensions: string) => {
    await writeFile(at(`${name}.ext`), extensions);
    await run([
      "req",
      ...EC,
      "-keyout",
      at(`${name}.key`),
      "-out",
      at(`${name}.csr`),
      "-subj",
      subject,
    ]);
    await run(
      ["x509", "-req", "-in", at(`${name}.csr`), "-CA", at("ca.pem"), "-CAkey", at("ca.key")]
        .concat(["-CAcreateserial", "-days", "2", "-out", at(`${name}.pem`)])
        .concat(["-extfile", at(`${name}.ext`)]),
    );
  };
  await sign(
    "server",
    "/CN=zmgr-test-server",
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n",
  );
  await sign("client", "/O=zmgr-test-client", "extendedKeyUsage=clientAuth\n");
  return {
    caFile: at("ca.pem"),
    certFile: at("server.pem"),
    keyFile: at("server.key"),
    clientCertFile: at("client.pem"),
    clientKeyFile: at("client.key"),
  };
}
