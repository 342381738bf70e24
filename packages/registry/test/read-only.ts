import { execFileSync } from "node:child_process";
import { chmod, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeRemoval } from "./tmp.js";

/**
 * Makes a directory really unwritable: mode 0555 for a normal user; for root (who ignores
 * modes) the immutable attribute (`chattr +i`, EPERM). Returns false when neither works here
 * (e.g. no chattr), after probing with a real write, so a caller can skip honestly.
 */
export async function makeReadOnly(dir: string): Promise<boolean> {
  if (process.getuid?.() === 0) {
    try {
      execFileSync("chattr", ["+i", dir], { stdio: "ignore" });
      beforeRemoval(() => execFileSync("chattr", ["-i", dir], { stdio: "ignore" }));
    } catch {
      return false;
    }
  } else {
    await chmod(dir, 0o555);
    beforeRemoval(() => execFileSync("chmod", ["755", dir]));
  }
  const probe = join(dir, ".probe");
  try {
    await writeFile(probe, "");
    await rm(probe);
    return false;
  } catch {
    return true;
  }
}
