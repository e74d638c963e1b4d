/**
 * Listens on a port with the app, and answers what Node's HTTP parser refuses itself
 * (a malformed request line, headers too large) with a problem too, instead of Node's
 * bare "400 Bad Request" without a body.
 */
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { Express } from 'express';
import { problem } from './problem';

/**
 * How long a client may take over its headers, and over its whole request: Node's defaults
 * (60 s and 5 min) let a client that sends a byte a second hold a connection for minutes.
 * Checked every second, not every 30 s as by default.
 */
export interface ServeTimeouts {
  headersMs: number;
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: ServeTimeouts = { headersMs: 10_000, requestMs: 30_000 };

export function serve(app: Express, port: number, host: string, timeouts: ServeTimeouts = DEFAULT_TIMEOUTS): Promise<Server> {
  return new Promise((resolve, reject) => {
    // requireHostHeader off: a request without Host reaches the guards, which answer it with a problem.
    const server = createServer(
      {
        requireHostHeader: false,
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        connectionsCheckingInterval: 1_000,
      },
      app,
    );
    const answeredBeforeItsBody = new WeakSet<object>();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      res.once('finish', () => {
        if (req.complete) return;
        answeredBeforeItsBody.add(req.socket);
        req.once('end', () => answeredBeforeItsBody.delete(req.socket));
      });
    });
    server.listen(port, host, () => resolve(server)).once('error', reject);
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      // A request answered before its body was read (a refused post), whose body then proves
      // malformed as Node drains it, gets no second, unsolicited answer: the connection is closed.
      if (!socket.writable || error.code === 'ECONNRESET' || answeredBeforeItsBody.has(socket)) {
        socket.destroy();
        return;
      }
      const [statusLine, answer] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? [
              '431 Request Header Fields Too Large',
              problem(431, 'Headers too large', 'headers-too-large', 'The request headers are larger than the fake accepts (16 KiB).'),
            ]
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [
                '408 Request Timeout',
                problem(
                  408,
                  'Request too slow',
                  'request-timeout',
                  `The request did not arrive in time (headers within ${timeouts.headersMs / 1000} s, the whole request within ${timeouts.requestMs / 1000} s).`,
                ),
              ]
            : ['400 Bad Request', problem(400, 'Malformed request', 'malformed-request', 'The request is not valid HTTP/1.1.')];
      const body = JSON.stringify(answer);
      socket.end(
        `HTTP/1.1 ${statusLine}\r\n` +
          `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
  });
}
