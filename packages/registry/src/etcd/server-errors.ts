/** What an error reply from etcd means for the request that got it. */
export type ServerVerdict =
  /** Refused before anything was proposed: safe to send again, on another member. */
  | "not-applied"
  /** A write may have been applied (timeout inside etcd, leader lost mid-proposal). */
  | "unavailable"
  | "invalid-token"
  | "final";

export interface ServerErrorReply {
  message: string;
  code: number | undefined;
}

/** The `{"error": …, "code": …}` body of a refused gateway request, or undefined when it is none. */
export function serverErrorOf(status: number, json: unknown): ServerErrorReply | undefined {
  const body = (json ?? {}) as { error?: unknown; message?: unknown; code?: unknown };
  if (status === 200 && body.error === undefined) return undefined;
  const message = String(body.message ?? body.error ?? `HTTP ${status}`);
  return { message, code: typeof body.code === "number" ? body.code : undefined };
}

// gRPC codes as etcd 3.4's v3rpc maps its errors.
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const RESOURCE_EXHAUSTED = 8;
const UNAUTHENTICATED = 16;

/** Messages etcd returns before proposing anything (ErrNoLeader, ErrNotCapable, ErrTooManyRequests, ErrStopped). */
const BEFORE_PROPOSAL = ["no leader", "not capable", "too many requests", "server stopped"];

export function verdictOf(reply: ServerErrorReply): ServerVerdict {
  const text = reply.message.toLowerCase();
  if (reply.code === UNAUTHENTICATED && text.includes("invalid auth token")) return "invalid-token";
  if (BEFORE_PROPOSAL.some((m) => text.includes(m))) return "not-applied";
  if (reply.code === RESOURCE_EXHAUSTED && text.includes("too many requests")) return "not-applied";
  if (reply.code === UNAVAILABLE || reply.code === DEADLINE_EXCEEDED) return "unavailable";
  return "final";
}
