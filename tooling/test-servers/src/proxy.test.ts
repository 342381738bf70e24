import { connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startProxy, type TcpProxy } from "./proxy.js";

/** An upstream that answers every chunk with `reply:<chunk>` and records what it received. */
async function startEcho(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    socket.on("data", (chunk) => {
      received.push(chunk.toString());
      socket.write(`reply:${chunk}`);
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, received };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Sends `text` and resolves the first reply, or "closed" when the connection ends without one. */
function ask(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once("data", (chunk) => resolve(chunk.toString()));
    socket.once("close", () => resolve("closed"));
    socket.on("error", () => {});
    socket.write(text);
  });
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function setup(): Promise<{ proxy: TcpProxy; received: string[] }> {
  const echo = await startEcho();
  const proxy = await startProxy({ host: "127.0.0.1", port: echo.port });
  cleanup.push(
    () => new Promise((r) => echo.server.close(() => r())),
    () => proxy.close(),
  );
  return { proxy, received: echo.received };
}

describe("startProxy", () => {
  it("forwards requests and replies both ways", async () => {
    const { proxy } = await setup();
    const socket = await open(proxy.port);
    expect(await ask(socket, "one")).toBe("reply:one");
    expect(await ask(socket, "two")).toBe("reply:two");
    socket.destroy();
  });

  it("delivers the next request but drops its reply and cuts that connection", async () => {
    const { proxy, received } = await setup();
    const socket = await open(proxy.port);
    expect(await ask(socket, "before")).toBe("reply:before");
    const dropped = proxy.dropNextReply();
    expect(await ask(socket, "lost")).toBe("closed");
    await dropped;
    expect(received).toEqual(["before", "lost"]);
    expect(proxy.dropped).toBe(1);
    const again = await open(proxy.port);
    expect(await ask(again, "after")).toBe("reply:after");
    again.destroy();
  });

  it("cuts every open connection and still accepts new ones", async () => {
    const { proxy } = await setup();
    const a = await open(proxy.port);
    const b = await open(proxy.port);
    expect(await ask(a, "a")).toBe("reply:a");
    const closed = Promise.all([a, b].map((s) => new Promise((r) => s.once("close", r))));
    proxy.cutAll();
    await closed;
    const c = await open(proxy.port);
    expect(await ask(c, "c")).toBe("reply:c");
    c.destroy();
  });
});
