/**
 * The bad inputs of test/bad-input.test.ts, route by route: malformed and oversize bodies,
 * wrong types, unknown fields, injection strings, IDs of the wrong length or alphabet,
 * odd credentials, moves the wizard's page does not allow, broken fixtures.
 */
import { AS_ADMIN, Exchange, basic } from './http-fake';

export interface BadInput extends Exchange {
  name: string;
  /** The stable code expected, where the input pins it down. */
  code?: string;
  /** Valid moves made first (they may change state); the digest is taken after them. */
  prepare?: object[];
}

const JSON_ROUTES: { method: string; path: string; headers?: Record<string, string> }[] = [
  { method: 'PUT', path: '/license-servers/LS-CONTOSO/connection-method', headers: AS_ADMIN },
  { method: 'POST', path: '/license-servers/LS-CONTOSO/manage-cals-wizard/actions', headers: AS_ADMIN },
  { method: 'POST', path: '/clearinghouse/telephone-calls' },
  { method: 'POST', path: '/_test/seed' },
  { method: 'PUT', path: '/_test/clock' },
  { method: 'POST', path: '/_test/clock/advance' },
  { method: 'PUT', path: '/_test/license-servers/LS-CONTOSO/faults' },
];

const MALFORMED = ['{', '{"type":', 'nul', '[1,2', '{"type": "next",}', "{'type': 'next'}", '{"type":"next"}{"type":"next"}', '\u0000'];
const INJECTIONS = [
  "'; DROP TABLE key_packs; --",
  '" OR "1"="1',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '../../etc/passwd',
  'A'.repeat(5000),
];

function call(
  overrides: Record<string, unknown>,
  information: Record<string, unknown> = { program: 'enterpriseAgreement', agreementNumber: '4271956' },
) {
  return { dialledNumber: '+1 555 0100', licenseServerId: 'LICENSE-SERVER-ID', information, ...overrides };
}

export function corpus(licenseServerId: string, foreignKeyPackId: string, validKeyPackId: string): BadInput[] {
  const inputs: BadInput[] = [];
  const add = (input: BadInput) => inputs.push(input);

  for (const route of JSON_ROUTES) {
    for (const body of MALFORMED)
      add({ name: `malformed ${JSON.stringify(body)} to ${route.path}`, ...route, body, code: 'malformed-json' });
    add({
      name: `oversize body to ${route.path}`,
      ...route,
      body: JSON.stringify({ padding: 'x'.repeat(70_000) }),
      code: 'body-too-large',
    });
    add({ name: `text/plain body to ${route.path}`, ...route, headers: { ...route.headers, 'content-type': 'text/plain' }, body: 'next' });
    for (const value of [null, [], 'text', 42, true])
      add({ name: `${JSON.stringify(value)} to ${route.path}`, ...route, body: JSON.stringify(value) });
  }

  const method = JSON_ROUTES[0] as { method: string; path: string; headers: Record<string, string> };
  for (const value of [
    {},
    { connectionMethod: 1 },
    { connectionMethod: 'Fax' },
    { connectionMethod: null },
    { connectionMethod: 'telephone', extra: 1 },
    { connectionMethod: ['telephone'] },
    { connectionMethod: 'TELEPHONE' },
    ...INJECTIONS.map((text) => ({ connectionMethod: text })),
  ]) {
    add({
      name: `connection method ${JSON.stringify(value).slice(0, 60)}`,
      ...method,
      body: JSON.stringify(value),
      code: 'invalid-request',
    });
  }
  for (const authorization of [
    'Basic',
    'Basic !!!',
    `Basic ${Buffer.from('nocolon').toString('base64')}`,
    'Bearer abc',
    basic({ userName: 'admin', password: 'wrong' }),
    basic({ userName: "admin'--", password: 'x' }),
    basic({ userName: '', password: '' }),
    `Basic ${'A'.repeat(4000)}`,
  ]) {
    add({
      name: `credentials ${authorization.slice(0, 30)}`,
      method: 'PUT',
      path: method.path,
      headers: { authorization },
      body: JSON.stringify({ connectionMethod: 'webBrowser' }),
      code: 'not-authenticated',
    });
  }

  const wizard = JSON_ROUTES[1] as { method: string; path: string; headers: Record<string, string> };
  const moves: [unknown, string?][] = [
    [{}, 'invalid-request'],
    [{ type: 1 }, 'invalid-request'],
    [{ type: 'jump' }, 'invalid-request'],
    [{ type: 'next', extra: true }, 'invalid-request'],
    [{ type: 'selectAction' }, 'invalid-request'],
    [{ type: 'selectAction', action: 'destroy' }, 'invalid-request'],
    [{ type: 'selectReason' }, 'invalid-request'],
    [{ type: 'selectReason', reason: 5 }, 'invalid-request'],
    [{ type: 'setDeletionConfirmed', confirmed: 'yes' }, 'invalid-request'],
    [{ type: 'enterKeyPackId' }, 'invalid-request'],
    [{ type: 'enterKeyPackId', keyPackId: 12345 }, 'invalid-request'],
    [{ type: 'enterKeyPackId', keyPackId: ['A', 'B'] }, 'invalid-request'],
    [{ type: 'enterKeyPackId', keyPackId: 'X'.repeat(500) }, 'invalid-request'],
    [{ type: 'chooseAdditionalPacks', choice: 'maybe' }, 'invalid-request'],
    [{ TYPE: 'next' }, 'invalid-request'],
    [{ type: null }, 'invalid-request'],
    [{ type: 'back' }, 'not-available-on-this-page'],
    [{ type: 'finish' }, 'not-available-on-this-page'],
    [{ type: 'selectAction', action: 'rebuild' }, 'not-available-on-this-page'],
    [{ type: 'setDeletionConfirmed', confirmed: true }, 'not-available-on-this-page'],
    [{ type: 'chooseAdditionalPacks', choice: 'continue' }, 'not-available-on-this-page'],
    [{ type: 'next' }, 'no-key-pack-id'],
  ];
  for (const [move, code] of moves)
    add({ name: `wizard move ${JSON.stringify(move).slice(0, 60)}`, ...wizard, body: JSON.stringify(move), ...(code ? { code } : {}) });

  const typed: [string, string][] = [
    ['ABC', 'invalid-key-pack-id'],
    ['!'.repeat(35), 'invalid-key-pack-id'],
    [validKeyPackId.replace(/-/g, '').slice(0, 34), 'invalid-key-pack-id'],
    [`${validKeyPackId}Z`, 'invalid-key-pack-id'],
    ['É'.repeat(35), 'invalid-key-pack-id'],
    ['🙂'.repeat(35), 'invalid-key-pack-id'],
    [`${validKeyPackId} ${validKeyPackId}`, 'one-key-pack-at-a-time'],
    [
      validKeyPackId.replace(/^(.{3})(.)/, (_, head: string, char: string) => head + (char === 'A' ? 'B' : 'A')),
      'key-pack-id-typing-error',
    ],
    [foreignKeyPackId, 'key-pack-id-for-another-server'],
    ["'; DROP TABLE key_packs; --".padEnd(35, 'X'), 'invalid-key-pack-id'],
    ['0'.repeat(35), 'invalid-key-pack-id'],
  ];
  for (const [keyPackId, code] of typed) {
    add({
      name: `key pack ID ${keyPackId.slice(0, 40)}`,
      ...wizard,
      prepare: [{ type: 'enterKeyPackId', keyPackId }],
      body: JSON.stringify({ type: 'next' }),
      code,
    });
  }

  const phone = JSON_ROUTES[2] as { method: string; path: string };
  const id = licenseServerId;
  const calls: [unknown, string][] = [
    [call({ licenseServerId: id, dialledNumber: undefined }), 'invalid-request'],
    [call({ licenseServerId: undefined }), 'invalid-request'],
    [{ dialledNumber: '+1 555 0100', licenseServerId: id }, 'invalid-request'],
    [call({ licenseServerId: id, extra: 1 }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'lottery', agreementNumber: '4271956' }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'retail' }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'openLicense', licenseNumber: '83920147' }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: 4271956 }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: '4271956', note: 'x' }), 'invalid-request'],
    [call({ licenseServerId: id.slice(0, 34) }), 'invalid-license-server-id'],
    [call({ licenseServerId: `${id}A` }), 'invalid-license-server-id'],
    [call({ licenseServerId: '!'.repeat(35) }), 'invalid-license-server-id'],
    [call({ licenseServerId: id.replace(/^./, (char) => (char === 'A' ? 'B' : 'A')) }), 'invalid-license-server-id'],
    [call({ licenseServerId: '0'.repeat(35) }), 'license-server-not-activated'],
    [call({ licenseServerId: id, dialledNumber: '+1 555 0199' }), 'not-a-clearinghouse-number'],
    [call({ licenseServerId: id, dialledNumber: '+49 30 23125 001' }), 'wrong-country-line'],
    [call({ licenseServerId: id, dialledNumber: 'x'.repeat(65) }), 'invalid-request'],
    [call({ licenseServerId: id, productVersion: 'Windows 95' }), 'unknown-product-version'],
    [call({ licenseServerId: id, calType: 'perCat' }), 'invalid-request'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: '123456' }), 'invalid-agreement-number'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: '123456789' }), 'invalid-agreement-number'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: 'ABCDEFG' }), 'invalid-agreement-number'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: "1234567' OR '1'='1" }), 'invalid-agreement-number'],
    [call({ licenseServerId: id }, { program: 'enterpriseAgreement', agreementNumber: '7654321' }), 'no-matching-purchase'],
    [
      call({ licenseServerId: id }, { program: 'openLicense', licenseNumber: '1234', authorizationNumber: 'QX7R2M9KD4L8T1B' }),
      'invalid-license-number',
    ],
    [
      call({ licenseServerId: id }, { program: 'openLicense', licenseNumber: '83920147', authorizationNumber: 'SHORT' }),
      'invalid-authorization-number',
    ],
    [call({ licenseServerId: id }, { program: 'retail', licenseCode: 'ABCDE-FGHIJ' }), 'invalid-license-code'],
    [call({ licenseServerId: id }, { program: 'retail', licenseCode: '7QK2M-9RD4X-H8TB3-LC6WP-N5FJ5' }), 'invalid-license-code'],
    ...INJECTIONS.map((text): [unknown, string] => [
      call({ licenseServerId: text }),
      text.length > 64 ? 'invalid-request' : 'invalid-license-server-id',
    ]),
  ];
  for (const [body, code] of calls)
    add({ name: `telephone call ${JSON.stringify(body).slice(0, 80)}`, ...phone, body: JSON.stringify(body), code });

  for (const bad of [
    'x',
    encodeURIComponent("' OR 1=1 --"),
    'A'.repeat(300),
    encodeURIComponent('../../etc/passwd'),
    encodeURIComponent('É'.repeat(35)),
    '0'.repeat(35),
  ]) {
    add({
      name: `key pack lookup ${bad.slice(0, 30)}`,
      method: 'GET',
      path: `/clearinghouse/license-key-packs/${bad}`,
      code: 'unknown-license-key-pack-id',
    });
  }
  for (const name of [
    encodeURIComponent("'; DROP TABLE license_servers; --"),
    'A'.repeat(500),
    encodeURIComponent('LS-CONTOSO\u0000'),
    // Unicode look-alikes: a Cyrillic Es and a zero-width space are other names, not LS-CONTOSO in disguise.
    encodeURIComponent('LS-\u0421ONTOSO'),
    encodeURIComponent('LS-CONTOSO\u200b'),
  ]) {
    add({
      name: `server name ${name.slice(0, 30)}`,
      method: 'PUT',
      path: `/license-servers/${name}/connection-method`,
      headers: AS_ADMIN,
      body: JSON.stringify({ connectionMethod: 'webBrowser' }),
      code: 'unknown-license-server',
    });
    add({
      name: `wizard on server ${name.slice(0, 30)}`,
      method: 'POST',
      path: `/license-servers/${name}/manage-cals-wizard`,
      headers: AS_ADMIN,
      code: 'unknown-license-server',
    });
  }
  // Malformed percent-encoding in every kind of path parameter, signed in or not.
  for (const path of [
    '/license-servers/%ZZ',
    '/license-servers/%ff/connection-method',
    '/license-servers/%E0%A4%A/manage-cals-wizard',
    '/clearinghouse/license-key-packs/%ff',
    '/clearinghouse/license-key-packs/%',
    '/_test/fixtures/%ZZ',
    '/_test/license-servers/%C0%AF/faults',
    '/_test/snapshots/%ZZ/restore',
    '/_test/environments/%ZZ',
  ]) {
    for (const method of path.includes('/_test/') || path.endsWith('wizard') ? ['POST', 'DELETE'] : ['GET', 'PUT']) {
      add({ name: `${method} ${path} unauthenticated`, method, path, code: 'malformed-path' });
      add({ name: `${method} ${path} as admin`, method, path, headers: AS_ADMIN, code: 'malformed-path' });
    }
  }
  // Bodies that claim an encoding they do not have.
  for (const encoding of ['gzip', 'deflate', 'br']) {
    add({
      name: `content-encoding ${encoding} on plain JSON`,
      ...(JSON_ROUTES[0] as Exchange),
      headers: { ...AS_ADMIN, 'content-encoding': encoding },
      body: JSON.stringify({ connectionMethod: 'webBrowser' }),
      code: 'unreadable-request',
    });
  }
  // A browser page elsewhere, and DNS rebinding: refused before any route.
  for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1.evil.example', 'file://']) {
    add({
      name: `Origin ${origin} resets`,
      method: 'POST',
      path: '/_test/reset',
      headers: { origin, 'content-type': 'text/plain' },
      body: 'x',
      code: 'foreign-origin',
    });
  }
  for (const host of ['evil.example', 'evil.example:3990', 'localhost.evil.example']) {
    add({ name: `Host ${host} resets`, method: 'POST', path: '/_test/reset', headers: { host }, code: 'foreign-host' });
  }
  add({
    name: 'OPTIONS preflight',
    method: 'OPTIONS',
    path: '/_test/reset',
    headers: { origin: 'http://evil.example' },
    code: 'foreign-origin',
  });
  add({ name: 'OPTIONS', method: 'OPTIONS', path: '/license-servers', code: 'method-not-allowed' });
  // Object-prototype names as data.
  for (const countryRegion of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
    add({
      name: `seed a server in ${countryRegion}`,
      method: 'POST',
      path: '/_test/seed',
      body: JSON.stringify({ licenseServers: [{ name: 'LS-PROTO', countryRegion }] }),
      code: 'unknown-country-region',
    });
  }
  add({
    name: 'seed a License Server ID already in use',
    method: 'POST',
    path: '/_test/seed',
    body: JSON.stringify({ licenseServers: [{ name: 'LS-COPY', licenseServerId }] }),
    code: 'license-server-id-in-use',
  });
  add({
    name: 'seed over the issued-CAL limit',
    method: 'POST',
    path: '/_test/seed',
    body: JSON.stringify({
      purchases: [
        {
          information: { program: 'select', agreementNumber: '5550123' },
          productVersion: 'Windows Server 2016',
          calType: 'perUser',
          quantity: 1_000_000,
          installedOn: 'LS-CONTOSO',
          issuedCals: 1_000_000,
        },
      ],
    }),
    code: 'invalid-request',
  });
  add({
    name: 'seed over the account limit',
    method: 'POST',
    path: '/_test/seed',
    body: JSON.stringify({
      licenseServers: Array.from({ length: 2 }, (_, server) => ({
        name: `LS-MANY-${server}`,
        accounts: Array.from({ length: 21 }, (_, index) => ({ userName: `user${index}`, password: 'x', groups: [] })),
      })),
    }),
    code: 'invalid-request',
  });
  add({
    name: 'seed over the server limit (251 in one request)',
    method: 'POST',
    path: '/_test/seed',
    body: JSON.stringify({ licenseServers: Array.from({ length: 251 }, (_, index) => ({ name: `LS-OVER-${index}` })) }),
    code: 'invalid-request',
  });
  add({
    name: 'seed over the purchase limit (51 in one request)',
    method: 'POST',
    path: '/_test/seed',
    body: JSON.stringify({
      purchases: Array.from({ length: 51 }, (_, index) => ({
        information: { program: 'select', agreementNumber: String(3_100_000 + index) },
        productVersion: 'Windows Server 2022',
        calType: 'perUser',
        quantity: 1,
      })),
    }),
    code: 'invalid-request',
  });
  // The web pages answer a client that takes no HTML with the same problems as the API.
  const asScript = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  for (const [path, body, code] of [
    ['/servers/LS-CONTOSO/wizard/moves', 'move=jump', 'not-authenticated'],
    ['/servers/LS-CONTOSO/properties', 'connectionMethod=Fax', 'not-authenticated'],
    ['/sign-in', 'userName=admin&password=wrong', 'not-authenticated'],
    ['/sign-in', `userName=${'\u212A'}ate&password=x`, 'not-authenticated'],
    ['/clearinghouse/calls', 'program=constructor&agreementNumber=1', 'invalid-request'],
    [
      '/clearinghouse/calls',
      'dialledNumber=%2B1%20555%200100&licenseServerId=X&program=select&agreementNumber=5550123&productVersion=Windows%20Server%202099',
      'unknown-product-version',
    ],
    [
      '/clearinghouse/calls',
      'dialledNumber=%2B1%20555%200100&licenseServerId=X&program=select&agreementNumber=__proto__',
      'invalid-license-server-id',
    ],
  ] as const) {
    add({ name: `page ${path} ${body}`, method: 'POST', path, headers: asScript, body, code });
  }
  add({ name: 'delete the default environment', method: 'DELETE', path: '/_test/environments/default', code: 'default-environment' });
  add({
    name: 'second wizard',
    method: 'POST',
    path: '/license-servers/LS-CONTOSO/manage-cals-wizard',
    headers: AS_ADMIN,
    code: 'wizard-already-open',
  });
  for (const [method, path] of [
    ['DELETE', '/license-servers/LS-CONTOSO'],
    ['PATCH', '/license-servers/LS-CONTOSO/connection-method'],
    ['GET', '/nothing-here'],
    ['POST', '/license-servers'],
    ['PUT', '/clearinghouse/telephone-calls'],
  ] as const) {
    add({ name: `${method} ${path}`, method, path, headers: AS_ADMIN, code: 'no-such-route' });
  }

  const seed = JSON_ROUTES[3] as { method: string; path: string };
  const fixtures: [unknown, string][] = [
    [{ licenseServers: [{ name: 'bad name!' }] }, 'invalid-request'],
    [{ licenseServers: [{ name: 'LS-CONTOSO' }] }, 'license-server-exists'],
    [{ licenseServers: [{ name: 'LS-NEW', countryRegion: 'Atlantis' }] }, 'unknown-country-region'],
    [{ licenseServers: [{ name: 'LS-NEW', licenseServerId: 'SHORT' }] }, 'invalid-license-server-id'],
    [
      {
        licenseServers: [{ name: 'LS-NEW' }],
        purchases: [
          { information: { program: 'select', agreementNumber: '1234567' }, productVersion: 'Windows 95', calType: 'perUser', quantity: 5 },
        ],
      },
      'unknown-product-version',
    ],
    [
      {
        purchases: [
          {
            information: { program: 'select', agreementNumber: '1234567' },
            productVersion: 'Windows Server 2022',
            calType: 'perUser',
            quantity: -1,
          },
        ],
      },
      'invalid-request',
    ],
    [
      {
        purchases: [
          {
            information: { program: 'select', agreementNumber: '1234567' },
            productVersion: 'Windows Server 2022',
            calType: 'perUser',
            quantity: 5,
            installedOn: 'LS-NOWHERE',
          },
        ],
      },
      'cannot-install',
    ],
    [
      {
        purchases: [
          {
            information: { program: 'select', agreementNumber: '1234568' },
            productVersion: 'Windows Server 2022',
            calType: 'perUser',
            quantity: 5,
            installedOn: 'LS-CONTOSO',
            issuedCals: 6,
          },
        ],
      },
      'too-many-issued',
    ],
    [
      {
        licenseServers: [{ name: 'LS-NEW2' }],
        purchases: [
          {
            information: { program: 'retail', licenseCode: '7QK2M-9RD4X-H8TB3-LC6WP-N5FJ5' },
            productVersion: 'Windows Server 2022',
            calType: 'perUser',
            quantity: 5,
          },
        ],
      },
      'invalid-license-code',
    ],
    [{ unknown: true }, 'invalid-request'],
  ];
  for (const [body, code] of fixtures)
    add({ name: `fixture ${JSON.stringify(body).slice(0, 70)}`, ...seed, body: JSON.stringify(body), code });
  for (const body of [{ now: 'yesterday' }, { now: 5 }, {}, { now: '2026-13-45T00:00:00Z' }])
    add({
      name: `clock ${JSON.stringify(body)}`,
      method: 'PUT',
      path: '/_test/clock',
      body: JSON.stringify(body),
      code: 'invalid-request',
    });
  for (const body of [{ days: -1 }, {}, { days: 1.5 }, { weeks: 1 }])
    add({
      name: `advance ${JSON.stringify(body)}`,
      method: 'POST',
      path: '/_test/clock/advance',
      body: JSON.stringify(body),
      code: 'invalid-request',
    });
  for (const body of [{ failWrites: { after: -1, count: 1 } }, { latencyMs: 999_999 }, { busySignals: 'many' }, { unknown: 1 }]) {
    add({
      name: `faults ${JSON.stringify(body)}`,
      method: 'PUT',
      path: '/_test/license-servers/LS-CONTOSO/faults',
      body: JSON.stringify(body),
      code: 'invalid-request',
    });
  }
  add({
    name: 'faults on unknown server',
    method: 'PUT',
    path: '/_test/license-servers/LS-NOWHERE/faults',
    body: JSON.stringify({ busySignals: 1 }),
    code: 'unknown-license-server',
  });
  add({
    name: 'fixture file outside the folder',
    method: 'POST',
    path: `/_test/fixtures/${encodeURIComponent('../package')}`,
    code: 'invalid-request',
  });
  add({ name: 'unknown fixture file', method: 'POST', path: '/_test/fixtures/nope', code: 'unknown-fixture' });
  add({ name: 'unknown snapshot', method: 'POST', path: '/_test/snapshots/nope/restore', code: 'unknown-snapshot' });
  return inputs;
}
