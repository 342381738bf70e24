/**
 * What an ssh exit status 255 means, read from ssh's stderr (SPEC §5):
 * - `key_changed` / `key_unknown`: host key verification failed, nothing ran;
 * - `session_refused`: sshd would not open another channel (MaxSessions), nothing ran: retry;
 * - `unreachable`: the connection was never set up (connect, resolve, key exchange, auth);
 * - `lost`: the connection broke after it was set up: the command may have run;
 * - `command`: none of those; 255 is the remote command's own exit status.
 */
export type SshFailure =
  | "key_changed"
  | "key_unknown"
  | "session_refused"
  | "unreachable"
  | "lost"
  | "command";

const KEY_CHANGED = /REMOTE HOST IDENTIFICATION HAS CHANGED|^Host key for .* has changed/m;
const KEY_UNKNOWN = /^No \S+ host key is known for |^Host key verification failed\./m;
const SESSION_REFUSED = /Session open refused by peer|administratively prohibited/;
// Messages ssh prints only before a session exists.
const UNREACHABLE = new RegExp(
  [
    "^ssh: connect to host ",
    "^ssh: Could not resolve hostname ",
    "^kex_exchange_identification: ",
    "^banner exchange: ",
    "^Unable to negotiate with ",
    "^[^\\n]*: Permission denied \\(",
    "^Received disconnect from [^\\n]*Too many authentication failures",
    "^ssh: connect to host [^\\n]*(?:refused|timed out|unreachable)",
  ].join("|"),
  "m",
);
// Messages of a connection that broke (possibly after the command started). "Connection closed
// by"/"reset by" can come before or after the session opened: counted as lost (fail closed).
const LOST = new RegExp(
  [
    "closed by remote host",
    "^Connection (?:closed|reset) by ",
    "^client_loop: ",
    "Broken pipe",
    "^Timeout, server [^\\n]* not responding",
    "^packet_write_wait: ",
    "^mux_client_",
    "^ssh_dispatch_run_fatal: ",
  ].join("|"),
  "m",
);

/** Classifies an ssh run that exited 255 by its stderr (see {@link SshFailure}). */
export function classifySsh255(stderr: string): SshFailure {
  if (KEY_CHANGED.test(stderr)) return "key_changed";
  if (KEY_UNKNOWN.test(stderr)) return "key_unknown";
  if (SESSION_REFUSED.test(stderr)) return "session_refused";
  if (UNREACHABLE.test(stderr)) return "unreachable";
  if (LOST.test(stderr)) return "lost";
  return "command";
}
