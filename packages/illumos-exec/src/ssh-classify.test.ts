import { describe, expect, it } from "vitest";
import { classifySsh255 } from "./ssh-classify.js";

// stderr captured from OpenSSH 9.2p1 (Debian) against a loopback sshd.
const CHANGED = `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
Host key for [127.0.0.1]:45222 has changed and you have requested strict checking.
Host key verification failed.
`;
const UNKNOWN = `No ED25519 host key is known for [127.0.0.1]:45222 and you have requested strict checking.
Host key verification failed.
`;

describe("classifySsh255", () => {
  it.each([
    [CHANGED, "key_changed"],
    [UNKNOWN, "key_unknown"],
    ["ssh: connect to host 127.0.0.1 port 45299: Connection refused\n", "unreachable"],
    ["ssh: Could not resolve hostname h9.example.net: Name or service not known\n", "unreachable"],
    ["ssh: connect to host 10.0.0.9 port 22: Connection timed out\n", "unreachable"],
    ["kex_exchange_identification: read: Connection reset by peer\n", "unreachable"],
    ["root@127.0.0.1: Permission denied (publickey).\n", "unreachable"],
    [
      "mux_client_request_session: session request failed: Session open refused by peer\n",
      "session_refused",
    ],
    ["channel 0: open failed: administratively prohibited: open failed\n", "session_refused"],
    ["Connection to 127.0.0.1 closed by remote host.\n", "lost"],
    ["client_loop: send disconnect: Broken pipe\n", "lost"],
    ["Connection reset by 127.0.0.1 port 22\n", "lost"],
    ["Connection closed by 127.0.0.1 port 22\n", "lost"],
    ["Timeout, server 127.0.0.1 not responding.\n", "lost"],
    ["", "command"],
    ["zoneadm: zone 'web7': no such zone configured\n", "command"],
    ["my own message mentioning ssh: connect to host\n", "command"],
  ])("classifies %j as %s", (stderr, kind) => {
    expect(classifySsh255(stderr)).toBe(kind);
  });
});
