/**
 * Listens on a port with the app, and answers what Node's HTTP parser refuses itself
 * (a malformed request line, headers too large) with a problem too, instead of Node's
 * bare "400 Bad Request" without a body.
 */
import { Server } from 'node:http';
import { Express } from 'express';
import { problem } from './problem';

export function serve(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server)).once('error', reject);
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      const body = JSON.stringify(
        tooLarge
          ? problem(431, 'Headers too large', 'headers-too-large', 'The request headers are larger than the fake accepts (16 KiB).')
          : problem(400, 'Malformed request', 'malformed-request', 'The request is not valid HTTP/1.1.'),
      );
      socket.end(
        `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
          `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
  });
}
