/** The Microsoft Clearinghouse "on the telephone": its numbers, the representative, and help with a retained key pack ID. */
import { Request, Router } from 'express';
import { caseSensitiveRouter } from './routing';
import { CAL_TYPE_LABELS, productVersionName } from '../domain/catalogue';
import { productVersionSaid } from '../domain/clearinghouse';
import { inGroupsOfFive } from '../domain/ids';
import { ProductServices } from '../services';
import { keyPackHelpJson } from './representations';
import { telephoneCallBody } from './schemas';

export function clearinghouseRoutes(environmentOf: (req: Request) => ProductServices): Router {
  const router = caseSensitiveRouter();

  router.get('/clearinghouse/telephone-numbers', (req, res) => {
    res.json({ telephoneNumbers: environmentOf(req).clearinghouse.telephoneNumbers() });
  });

  router.post('/clearinghouse/telephone-calls', (req, res) => {
    const call = telephoneCallBody.parse(req.body);
    const granted = environmentOf(req).clearinghouse.call({ ...call, productVersionId: productVersionSaid(call.productVersion) });
    res.status(201).json({
      ...granted,
      licenseKeyPackId: inGroupsOfFive(granted.licenseKeyPackId),
      productVersion: productVersionName(granted.productVersionId),
      calTypeLabel: CAL_TYPE_LABELS[granted.calType],
    });
  });

  router.get('/clearinghouse/license-key-packs/:licenseKeyPackId', (req, res) => {
    res.json(keyPackHelpJson(environmentOf(req).clearinghouse.lookUpKeyPackId(req.params.licenseKeyPackId)));
  });

  return router;
}
