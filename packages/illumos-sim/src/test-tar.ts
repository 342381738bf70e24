import { execFileSync } from "node:child_process";

/**
 * Test oracle for the simulator's `tar -cf -` stream: GNU tar itself (`tar -tvf -`), not the
 * reader zmgr uses. Maps each member name (without `./`) to its type letter (`-` file, `d` dir).
 */
export function systemTarList(bytes: Uint8Array): Map<string, string> {
  const listing = execFileSync("tar", ["-tvf", "-"], { input: bytes, encoding: "utf8" });
  const members = new Map<string, string>();
  for (const line of listing.split("\n").filter((l) => l !== "")) {
    const name = line.slice(line.lastIndexOf(" ") + 1).replace(/^\.\//, "");
    members.set(name, line[0] ?? "?");
  }
  return members;
}
