import { type Agent, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { TLSSocket } from "node:tls";
import type { EtcdEndpoint } from "./url.js";

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export interface PostRequest {
  endpoint: EtcdEndpoint;
  /** Undefined for plain `etcd://`. Certificates are always verified. */
  tls: TlsMaterial | undefined;
  agent: Agent;
  path: string;
  body: string;
  token: string | undefined;
  timeoutMs: number;
}

export interface PostReply {
  status: number;
  json: unknown;
}

/**
 * The request failed without a usable reply. `sent` is false only when no byte of it can have
 * reached the server (connection refused, TLS handshake failed, timed out before connecting):
 * such a request is safe to send again anywhere.
 */
export class TransportError extends Error {
  constructor(
    readonly sent: boolean,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * TLS failures: the handshake or the certificate was refused, by us or by the server (in TLS 1.3
 * the server's refusal of a client certificate arrives after our first write). The server's TLS
 * layer never hands such a connection to etcd, so the request was not processed.
 */
const TLS_REFUSED = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_)/;

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? e.message ?? String(error);
}

/** One POST of a JSON body to etcd's v3 gateway over `node:http(s)` with a keep-alive agent. */
export function post(r: PostRequest): Promise<PostReply> {
  return new Promise((resolve, reject) => {
    const send = r.tls ? httpsRequest : httpRequest;
    const host = r.endpoint.host;
    const req = send({
      host,
      port: r.endpoint.port,
      path: r.path,
      method: "POST",
      agent: r.agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(r.body),
        ...(r.token === undefined ? {} : { authorization: r.token }),
      },
      ...(r.tls
        ? {
            ...r.tls,
            rejectUnauthorized: true,
            ...(isIP(host) === 0 ? { servername: host } : {}),
          }
        : {}),
    });
    // Whether any byte of this request may have reached the server: it was fully written, a
    // reply began, or the socket was connected (TLS: verified) and bytes were written on it.
    let finished = false;
    let responded = false;
    let mayBeWritten = () => false;
    req.on("socket", (socket) => {
      const start = socket.bytesWritten;
      // Connected (TLS: handshake verified) at some point; `connecting` alone turns false on failure too.
      let ready = !socket.connecting && (!r.tls || (socket as TLSSocket).authorized === true);
      if (!ready) {
        // Only on a new socket: a reused keep-alive socket would collect one listener per request.
        const event = r.tls ? "secureConnect" : "connect";
        const onReady = () => {
          ready = true;
        };
        socket.once(event, onReady);
        req.once("close", () => socket.off(event, onReady));
      }
      mayBeWritten = () => ready && socket.bytesWritten > start;
    });
    req.on("finish", () => {
      finished = true;
    });
    const mayBeSent = () => finished || responded || mayBeWritten();
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const reason = error instanceof TransportError ? error.reason : reasonOf(error);
      reject(new TransportError(!TLS_REFUSED.test(reason) && mayBeSent(), reason));
    };
    const timer = setTimeout(() => {
      req.destroy(new TransportError(true, `no reply within ${r.timeoutMs} ms`));
    }, r.timeoutMs);
    req.on("error", fail);
    req.on("response", (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("aborted", () => fail(new TransportError(true, "reply cut short")));
      res.on("end", () => {
        if (settled) return;
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          if (res.statusCode === 200) {
            fail(new TransportError(true, "unreadable reply"));
            return;
          }
          json = { error: text.trim().slice(0, 200) || `HTTP ${res.statusCode}` };
        }
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.end(r.body);
  });
}
