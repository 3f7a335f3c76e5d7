import net from 'node:net';

/**
 * A TCP proxy on loopback in front of the test server that can stop forwarding without closing anything: what a
 * cut cable, a sleeping Wi-Fi link or a dropped VPN look like to both ends (no FIN, no RST, just silence).
 */
export async function startStallingProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const server = net.createServer((inbound) => {
    const outbound = net.connect(target.port, target.host);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk: Buffer) => {
        // Swallowed, never delivered: the sender's TCP still sees its bytes acknowledged (by this proxy).
        if (!stalled) to.write(chunk);
      });
      from.on('end', () => {
        if (!stalled) to.end();
      });
    };
    forward(inbound, outbound);
    forward(outbound, inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
