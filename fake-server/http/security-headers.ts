/**
 * Headers on every answer. The pages act on a license server with the signed-in account's
 * cookie, so no other page may frame them (a click inside a frame on another port of
 * 127.0.0.1 opened the wizard: same site, so the cookie went along); nothing the fake sends
 * is to be sniffed as another type, leak its address in a Referer to another site, or be kept
 * by a cache (Back after signing out showed the signed-in page again); the pages run only
 * their own script and style (the Content-Security-Policy names both by hash).
 */
import { RequestHandler } from 'express';
import { PAGE_CONTENT_SECURITY_POLICY } from './pages/layout';

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: with it, Chromium sends Origin: null on the pages' own form posts, which the Origin guard refuses.
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  next();
};
