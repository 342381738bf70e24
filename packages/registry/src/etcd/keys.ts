import type { DocKind } from "@zmgr/kdl-schema";
import { KIND_DIRS, relativePath } from "../storage.js";

/** SPEC §6's key layout under one prefix (`/zmgr`): documents, claims, reservations, the push marker. */
export class KeyLayout {
  constructor(readonly prefix: string) {}

  doc(kind: DocKind, name: string): string {
    return `${this.prefix}/${relativePath(kind, name)}`;
  }

  /** Where the documents of a kind live (`<prefix>/zones/`); config is the single key `config.kdl`. */
  kindDir(kind: Exclude<DocKind, "config">): string {
    return `${this.prefix}/${KIND_DIRS[kind]}/`;
  }

  claim(claimKey: string): string {
    return `${this.prefix}/claims/${claimKey}`;
  }

  claims(): string {
    return `${this.prefix}/claims/`;
  }

  reservation(zone: string): string {
    return `${this.prefix}/reservations/${zone}`;
  }

  pushMarker(): string {
    return `${this.prefix}/.push`;
  }

  /** Everything zmgr keeps under the prefix (`<prefix>/`, so `/zmgr2` is never matched). */
  all(): string {
    return `${this.prefix}/`;
  }
}
