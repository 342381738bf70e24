import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";

export interface SshKeyPair {
  /** The private key file. */
  privateKey: string;
  /** The public key as `<type> <base64>` (no comment), as a `host-key` records it. */
  publicKey: string;
}

/** A fresh ed25519 key pair without passphrase in `dir/<name>` (ssh-keygen, argv only). */
export async function generateSshKey(dir: string, name: string): Promise<SshKeyPair> {
  const privateKey = join(dir, name);
  await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", privateKey]);
  const line = await readFile(`${privateKey}.pub`, "utf8");
  const [type, key] = line.trim().split(/\s+/);
  if (type === undefined || key === undefined)
    throw new Error(`unreadable public key ${privateKey}.pub`);
  return { privateKey, publicKey: `${type} ${key}` };
}
