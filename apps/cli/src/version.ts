import { readFileSync } from "node:fs";

declare const __ZMGR_VERSION__: string | undefined;

/** Inlined by tsdown at build time; read from package.json when running from source. */
export const VERSION: string =
  typeof __ZMGR_VERSION__ === "string"
    ? __ZMGR_VERSION__
    : (
        JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
          version: string;
        }
      ).version;
