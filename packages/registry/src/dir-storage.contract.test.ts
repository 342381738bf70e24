import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeStorageContract, pool, zoneText } from "../test/storage-contract.js";
import { tempDir } from "../test/tmp.js";
import { DirectoryStorage } from "./dir-storage.js";

describeStorageContract("directory", async () => {
  const root = await tempDir();
  return {
    storage: new DirectoryStorage(root),
    breakZone: (name) =>
      writeFile(join(root, "zones", `${name}.kdl`), `zone "${name}" {\n  net {{\n`),
  };
});

it("directory: an unparsable zone document makes usedAddresses fail closed with its path", async () => {
  const root = await tempDir();
  const storage = new DirectoryStorage(root);
  await storage.write("zone", "ok", zoneText("ok", ["10.1.0.10/24"]), null);
  await writeFile(join(root, "zones", "bad.kdl"), 'zone "bad" {\n');
  await expect(storage.usedAddresses([pool])).rejects.toMatchObject({
    code: "zmgr::registry::ledger_unreadable",
    files: ["zones/bad.kdl"],
  });
});
