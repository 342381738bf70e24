import { connect, createServer, type Socket } from "node:net";

export interface ProxyTarget {
  host: string;
  port: number;
}

export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** `127.0.0.1:<port>`, as an etcd URL names an endpoint. */
  readonly endpoint: string;
  /**
   * Arms the proxy: the next request (the next bytes a client sends) still reaches the target,
   * but its reply is thrown away and that client connection is cut when the reply arrives, as a
   * lost reply looks to the client. Resolves once a reply has been dropped.
   */
  dropNextReply(): Promise<void>;
  /** Cuts every open connection (both sides); new connections are still accepted. */
  cutAll(): void;
  /** How many replies were dropped so far. */
  readonly dropped: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  dropReply: boolean;
}

/** A small TCP proxy on a free loopback port in front of `target`, for outcome-unknown tests. */
export function startProxy(target: ProxyTarget): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let armed: (() => void) | undefined;
  let dropped = 0;

  const cut = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  };

  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair: Pair = { client, upstream, dropReply: false };
    let onDropped: (() => void) | undefined;
    pairs.add(pair);
    client.on("data", (chunk) => {
      if (armed !== undefined && !pair.dropReply) {
        pair.dropReply = true;
        onDropped = armed;
        armed = undefined;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (!pair.dropReply) {
        client.write(chunk);
        return;
      }
      dropped += 1;
      cut(pair);
      onDropped?.();
    });
    client.on("end", () => upstream.end());
    upstream.on("end", () => client.end());
    client.on("error", () => cut(pair));
    upstream.on("error", () => cut(pair));
    client.on("close", () => cut(pair));
    upstream.on("close", () => cut(pair));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("proxy has no port"));
        return;
      }
      const port = address.port;
      resolve({
        host: "127.0.0.1",
        port,
        endpoint: `127.0.0.1:${port}`,
        dropNextReply: () =>
          new Promise<void>((r) => {
            armed = r;
          }),
        cutAll: () => {
          for (const pair of [...pairs]) cut(pair);
        },
        get dropped() {
          return dropped;
        },
        close: () =>
          new Promise<void>((r) => {
            for (const pair of [...pairs]) cut(pair);
            server.close(() => r());
          }),
      });
    });
  });
}
