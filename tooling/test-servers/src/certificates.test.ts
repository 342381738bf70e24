import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestCertificates, type TestCertificates } from "./certificates.js";
import { requireServer } from "./require-server.js";

const openssl = requireServer("openssl");

openssl.describe("createTestCertificates", () => {
  let dir: string;
  let certs: TestCertificates;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "zmgr-certs-"));
    certs = await createTestCertificates(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const load = (file: string) => new X509Certificate(readFileSync(file));

  it("signs a server certificate for 127.0.0.1 and localhost with its own CA", () => {
    const ca = load(certs.caFile);
    const server = load(certs.certFile);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(server.checkHost("localhost")).toBe("localhost");
    expect(server.checkIP("127.0.0.2")).toBeUndefined();
  });

  it("signs a client certificate with the same CA, and no CommonName", () => {
    const client = load(certs.clientCertFile);
    expect(client.verify(load(certs.caFile).publicKey)).toBe(true);
    expect(client.subject).toBe("O=zmgr-test-client");
  });
});
