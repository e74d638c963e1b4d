/**
 * Requests pipelined on one connection are handled one after the other, each once the answer
 * before it has gone out. Node answers them in order anyway, but runs their handlers at once:
 * a GET sent right behind a PUT ran before the PUT's body had arrived, and answered the state
 * from before the PUT (and with --db, before its write was on disk).
 */
import { RequestHandler } from 'express';
import { Socket } from 'node:net';

interface Answer {
  sent: boolean;
  sentNow: Promise<void>;
}

const lastOnSocket = new WeakMap<Socket, Answer>();

export const inConnectionOrder: RequestHandler = (req, res, next) => {
  const before = lastOnSocket.get(req.socket);
  const answer: Answer = {
    sent: false,
    sentNow: new Promise<void>((resolve) => {
      const sent = () => {
        answer.sent = true;
        resolve();
      };
      res.once('finish', sent);
      res.once('close', sent);
    }),
  };
  lastOnSocket.set(req.socket, answer);
  // The usual case, a kept-alive connection used one request at a time, waits for nothing.
  if (before === undefined || before.sent) return next();
  void before.sentNow.then(() => next());
};
