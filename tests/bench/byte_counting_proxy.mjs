// A TCP proxy between the browser and baeum-server that counts every byte in each direction.
//
// The DevTools protocol reports the bytes of the requests a page makes, but not those the
// service worker makes while it fills its precache, nor the service worker script itself. A
// learner pays for all of them, so the benchmark puts this proxy in front of the server and
// reads the bytes that really crossed the socket: status lines, headers and bodies, as served
// (compressed when the server sent a compressed body).
import { createServer, connect } from 'node:net';

export class ByteCountingProxy {
  /** Starts listening on a free loopback port and forwards to `upstreamPort`. */
  static async start(upstreamPort) {
    const proxy = new ByteCountingProxy(upstreamPort);
    await new Promise((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    proxy.port = proxy.server.address().port;
    proxy.url = `http://127.0.0.1:${proxy.port}`;
    return proxy;
  }

  constructor(upstreamPort) {
    this.upstreamPort = upstreamPort;
    this.sockets = new Set();
    this.reset();
    this.server = createServer((browserSide) => this.forward(browserSide));
  }

  /** Starts a new count; the sockets already open keep being counted into the new one. */
  reset() {
    this.bytesToBrowser = 0;
    this.bytesFromBrowser = 0;
    this.connectionsOpened = 0;
    this.lastActivity = Date.now();
  }

  forward(browserSide) {
    this.connectionsOpened += 1;
    const serverSide = connect(this.upstreamPort, '127.0.0.1');
    this.sockets.add(browserSide);
    this.sockets.add(serverSide);
    browserSide.on('data', (chunk) => {
      this.bytesFromBrowser += chunk.length;
      this.lastActivity = Date.now();
    });
    serverSide.on('data', (chunk) => {
      this.bytesToBrowser += chunk.length;
      this.lastActivity = Date.now();
    });
    browserSide.pipe(serverSide);
    serverSide.pipe(browserSide);
    const close = () => {
      browserSide.destroy();
      serverSide.destroy();
      this.sockets.delete(browserSide);
      this.sockets.delete(serverSide);
    };
    browserSide.on('error', close);
    serverSide.on('error', close);
    browserSide.on('close', close);
    serverSide.on('close', close);
  }

  /** Resolves once no byte has crossed the proxy for `quietMilliseconds`. */
  async waitForQuiet(quietMilliseconds = 1000, timeoutMilliseconds = 60_000) {
    const deadline = Date.now() + timeoutMilliseconds;
    while (Date.now() < deadline) {
      if (Date.now() - this.lastActivity >= quietMilliseconds) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
