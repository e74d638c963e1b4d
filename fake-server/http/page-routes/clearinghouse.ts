/** The Microsoft Clearinghouse's pages: its numbers, the call (step 9), and help with a retained key pack ID. */
import { Router } from 'express';
import { productVersionSaid } from '../../domain/clearinghouse';
import { normalizeId } from '../../domain/ids';
import { problemFor } from '../problem';
import { callOf, formOf } from '../pages/forms';
import { clearinghouseBody, keyPackBody } from '../pages/clearinghouse-pages';
import { keyPackHelpJson } from '../representations';
import { telephoneCallBody } from '../schemas';
import { PageContext, send, sessionIdOf } from './context';

export function clearinghousePages(router: Router, { environmentOf, sessions }: PageContext): void {
  router.get('/clearinghouse', (req, res) => {
    send(
      req,
      res,
      200,
      'Microsoft Clearinghouse',
      clearinghouseBody(environmentOf(req).clearinghouse.telephoneNumbers()),
      sessions.find(sessionIdOf(req))?.userName,
    );
  });

  router.post('/clearinghouse/calls', (req, res) => {
    const environment = environmentOf(req);
    try {
      const call = telephoneCallBody.parse(callOf(formOf(req)));
      const granted = environment.clearinghouse.call({ ...call, productVersionId: productVersionSaid(call.productVersion) });
      return res.redirect(303, `/clearinghouse/key-packs/${granted.licenseKeyPackId}?issued=1`);
    } catch (error) {
      const problem = problemFor(error);
      if (!problem) throw error;
      return send(
        req,
        res,
        problem.status,
        'Microsoft Clearinghouse',
        clearinghouseBody(environment.clearinghouse.telephoneNumbers()),
        undefined,
        problem,
      );
    }
  });

  router.get('/clearinghouse/key-packs', (req, res) => {
    const typed = typeof req.query.id === 'string' ? req.query.id : '';
    res.redirect(303, `/clearinghouse/key-packs/${encodeURIComponent(normalizeId(typed) || '-')}`);
  });

  router.get('/clearinghouse/key-packs/:id', (req, res) => {
    const answer = keyPackHelpJson(environmentOf(req).clearinghouse.lookUpKeyPackId(req.params.id));
    send(req, res, 200, 'License key pack', keyPackBody(answer, req.query.issued === '1'), sessions.find(sessionIdOf(req))?.userName);
  });
}
