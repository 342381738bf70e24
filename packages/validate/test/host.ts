import type { LinkInfo, VnicInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import type { HostFacts } from "../src/types.js";

export function hostZone(name: string, state: ZoneListEntry["state"] = "running"): ZoneListEntry {
  return {
    id: state === "running" ? 1 : undefined,
    name,
    state,
    zonepath: `/zones/${name}`,
    uuid: "",
    brand: "ipkg",
    ipType: "exclusive",
  };
}

export function link(name: string, cls: string, over = ""): LinkInfo {
  return { link: name, class: cls, over };
}

export function vnic(name: string, over: string): VnicInfo {
  return { link: name, over };
}

/** A host that matches the CLEAN registry exactly. */
export function cleanHost(): HostFacts {
  return {
    zones: [hostZone("global"), hostZone("router1"), hostZone("myzone", "installed")],
    links: [
      link("net0", "phys"),
      link("oinetint0", "etherstub"),
      link("pubstub0", "etherstub"),
      link("router10", "vnic", "oinetint0"),
      link("router1pub1", "vnic", "pubstub0"),
      link("myzone0", "vnic", "oinetint0"),
    ],
    vnics: [
      vnic("router10", "oinetint0"),
      vnic("router1pub1", "pubstub0"),
      vnic("myzone0", "oinetint0"),
    ],
  };
}
