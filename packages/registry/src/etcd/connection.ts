import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import {
  type EndpointFailure,
  EtcdServerError,
  OutcomeUnknownError,
  RequestTooLargeError,
  UnreachableError,
} from "./errors.js";
import { serverErrorOf, verdictOf } from "./server-errors.js";
import { post, type TlsMaterial, TransportError } from "./transport.js";
import { type EtcdEndpoint, formatEndpoint } from "./url.js";

/** etcd's default `--max-request-bytes`; our JSON (base64) is larger than etcd's protobuf. */
export const MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

export interface ConnectionOptions {
  endpoints: EtcdEndpoint[];
  /** Set for `etcds://`: PEM material; the server certificate is always verified. */
  tls?: TlsMaterial;
  auth?: { user: string; password: string };
  /** Per request, per endpoint. */
  timeoutMs?: number;
}

/**
 * How a request may be retried on another endpoint: a `read` always (it changes nothing); a
 * `write` only when it was never sent — once sent, a lost reply is `OutcomeUnknownError`.
 */
export type RequestKind = "read" | "write";

/** Endpoints in turn, keep-alive sockets, auth token, and the request-size limit. */
export class EtcdConnection {
  private readonly agent: HttpAgent;
  private readonly timeoutMs: number;
  private current = 0;
  private token: string | undefined;

  constructor(private readonly options: ConnectionOptions) {
    if (options.endpoints.length === 0) throw new TypeError("an etcd connection needs an endpoint");
    const agentOptions = { keepAlive: true, maxSockets: 32 };
    this.agent = options.tls ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** POSTs `body` to `path`, trying the endpoints in turn as `kind` allows. */
  async call(operation: string, path: string, body: object, kind: RequestKind): Promise<unknown> {
    const text = JSON.stringify(body);
    const size = Buffer.byteLength(text);
    if (size > MAX_REQUEST_BYTES) {
      throw new RequestTooLargeError(operation, `${size} bytes is over ${MAX_REQUEST_BYTES}`);
    }
    const { endpoints } = this.options;
    const tried: EndpointFailure[] = [];
    const first = this.current;
    for (let n = 0; n < endpoints.length; n++) {
      const index = (first + n) % endpoints.length;
      const endpoint = endpoints[index]!;
      const shown = formatEndpoint(endpoint);
      try {
        const reply = await this.send(operation, endpoint, path, text);
        this.current = index;
        return reply;
      } catch (error) {
        if (!(error instanceof Retry)) throw error;
        this.current = (index + 1) % endpoints.length;
        if (error.sent && kind === "write")
          throw new OutcomeUnknownError(operation, shown, error.reason);
        tried.push({ endpoint: shown, reason: error.reason });
      }
    }
    throw new UnreachableError(operation, tried);
  }

  /** Closes the keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private async send(op: string, endpoint: EtcdEndpoint, path: string, text: string) {
    const auth = this.options.auth;
    if (auth !== undefined && this.token === undefined) {
      this.token = await this.authenticate(endpoint, auth);
    }
    let reply = await this.post(endpoint, path, text, this.token);
    if (reply.verdict === "invalid-token" && auth !== undefined) {
      this.token = await this.authenticate(endpoint, auth);
      reply = await this.post(endpoint, path, text, this.token);
    }
    if (reply.verdict === undefined) return reply.json;
    throw new EtcdServerError(op, formatEndpoint(endpoint), reply.message, reply.code);
  }

  private async authenticate(endpoint: EtcdEndpoint, auth: { user: string; password: string }) {
    const body = JSON.stringify({ name: auth.user, password: auth.password });
    let reply: Awaited<ReturnType<EtcdConnection["post"]>>;
    try {
      reply = await this.post(endpoint, "/v3/auth/authenticate", body, undefined);
    } catch (error) {
      // The request this token was for has not been sent: it may go to another endpoint.
      if (error instanceof Retry) throw new Retry(false, `authenticate: ${error.reason}`);
      throw error;
    }
    if (reply.verdict !== undefined) {
      throw new EtcdServerError(
        "authenticate",
        formatEndpoint(endpoint),
        reply.message,
        reply.code,
      );
    }
    const token = (reply.json as { token?: unknown }).token;
    if (typeof token !== "string" || token === "") {
      throw new EtcdServerError(
        "authenticate",
        formatEndpoint(endpoint),
        "no token in the reply (is auth enabled?)",
        undefined,
      );
    }
    return token;
  }

  /** One POST; transport failures and "try elsewhere" replies become `Retry`. */
  private async post(
    endpoint: EtcdEndpoint,
    path: string,
    body: string,
    token: string | undefined,
  ) {
    let result: Awaited<ReturnType<typeof post>>;
    try {
      result = await post({
        endpoint,
        tls: this.options.tls,
        agent: this.agent,
        path,
        body,
        token,
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      if (error instanceof TransportError) throw new Retry(error.sent, error.reason);
      throw error;
    }
    const refused = serverErrorOf(result.status, result.json);
    if (refused === undefined) return { json: result.json, verdict: undefined };
    const verdict = verdictOf(refused);
    if (verdict === "not-applied") throw new Retry(false, refused.message);
    if (verdict === "unavailable") throw new Retry(true, refused.message);
    return { json: result.json, verdict, message: refused.message, code: refused.code };
  }
}

/** Internal: this endpoint failed; `sent` says whether the request may have been applied. */
class Retry extends Error {
  constructor(
    readonly sent: boolean,
    readonly reason: string,
  ) {
    super(reason);
  }
}
