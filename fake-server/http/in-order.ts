/**
 * Requests pipelined on one connection are handled one after the other, each once the answer
 * before it has gone out. Node answers them in order anyway, but runs their handlers at once:
 * a GET sent right behind a PUT ran before the PUT's body had arrived, and answered the state
 * from before the PUT (and with --db, before its write was on disk).
 */
import { RequestHandler } from 'express';
import { Socket } from 'node:net';

/** Per connection, when the answer to its latest request has gone out. */
const lastOnSocket = new WeakMap<Socket, Promise<void>>();

export const inConnectionOrder: RequestHandler = (req, res, next) => {
  const before = lastOnSocket.get(req.socket);
  // A response's 'close' comes once it has gone out, or once the connection dropped before it could.
  lastOnSocket.set(req.socket, new Promise<void>((resolve) => res.once('close', () => resolve())));
  if (before === undefined) return next();
  void before.then(() => next());
};
