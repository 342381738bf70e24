import { ZmgrError } from "@zmgr/errors";

/** Another process registered the zone between the host scan and the write. */
export class ZoneRegisteredMeanwhileError extends ZmgrError {
  constructor(zone: string) {
    super("zmgr::import::registered", `zone ${zone} was registered by another command meanwhile`, {
      help: `\`zmgr show ${zone}\` shows the entry that was written`,
      details: { zone },
    });
  }
}

/** Another process took one of the zone's addresses between the host scan and the write. */
export class AddressTakenMeanwhileError extends ZmgrError {
  constructor(zone: string, address: string, owner: string) {
    super(
      "zmgr::import::address_in_use",
      `address ${address} of zone ${zone} was taken by zone ${owner} meanwhile`,
      {
        help: `find out which zone really owns ${address}, fix the other one, then import again`,
        details: { zone, address, owner },
      },
    );
  }
}
