import { readdirSync, readFileSync } from "node:fs";

// Test-only helper: the captures copied byte-identical from shared/illumos/captures.
const dir = new URL("../fixtures/captures/", import.meta.url);

export function readCapture(name: string): string {
  return readFileSync(new URL(name, dir), "utf8");
}

export function captureNames(): string[] {
  return readdirSync(dir).sort();
}
