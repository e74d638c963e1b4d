/**
 * Table layouts. The license server side and the Clearinghouse side are separate
 * databases: purchase records must survive a rebuild of any license server.
 */

/** The CALs issued from every server's key packs, in one table. */
export const ISSUED_CALS_SCHEMA = `
-- The CALs issued from every server's key packs. A rebuild deletes one server's rows by the
-- (server_name, license_id) index, which also gives each server's CALs in the order they were issued.
CREATE TABLE issued_cals (
  license_id INTEGER PRIMARY KEY AUTOINCREMENT,
  server_name TEXT NOT NULL COLLATE NOCASE,
  key_pack_number INTEGER NOT NULL,
  issued_to TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX issued_cals_by_server ON issued_cals (server_name, license_id);
CREATE INDEX issued_cals_by_key_pack ON issued_cals (key_pack_number);
`;

/** License servers, their local accounts, RD Licensing databases, event logs and open wizards. */
export const LICENSE_SERVER_SCHEMA = `
CREATE TABLE license_servers (
  -- Computer names are ASCII letters, digits and hyphens, so SQLite's ASCII NOCASE is Windows' rule.
  name TEXT PRIMARY KEY COLLATE NOCASE,
  license_server_id TEXT UNIQUE,
  country_region TEXT,
  connection_method TEXT NOT NULL CHECK (connection_method IN ('automatic', 'webBrowser', 'telephone'))
);
CREATE TABLE accounts (
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  user_name TEXT NOT NULL,
  -- foldName(user_name): the one case-insensitive comparison, done in the domain's way.
  user_key TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  groups_json TEXT NOT NULL,
  PRIMARY KEY (server_name, user_key)
);
-- Members of a server's local groups: accounts or other groups (a domain group in Administrators).
CREATE TABLE local_group_members (
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  group_name TEXT NOT NULL,
  group_key TEXT NOT NULL,
  member_name TEXT NOT NULL,
  member_key TEXT NOT NULL,
  PRIMARY KEY (server_name, group_key, member_key)
);
CREATE TABLE key_packs (
  key_pack_number INTEGER PRIMARY KEY AUTOINCREMENT,
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  license_key_pack_id TEXT NOT NULL,
  program TEXT NOT NULL,
  product_version_id INTEGER NOT NULL,
  cal_type TEXT NOT NULL CHECK (cal_type IN ('perDevice', 'perUser')),
  total_licenses INTEGER NOT NULL CHECK (total_licenses > 0),
  purchase_number INTEGER NOT NULL,
  installed_at TEXT NOT NULL,
  expires_at TEXT,
  UNIQUE (server_name, license_key_pack_id)
);
CREATE INDEX key_packs_by_purchase ON key_packs (server_name, purchase_number);
CREATE TABLE key_pack_redemptions (
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  license_key_pack_id TEXT NOT NULL,
  redeemed_at TEXT NOT NULL,
  PRIMARY KEY (server_name, license_key_pack_id)
);
CREATE TABLE events (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  event_id INTEGER NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  license_key_pack_id TEXT,
  recorded_at TEXT NOT NULL
);
${ISSUED_CALS_SCHEMA}CREATE TABLE wizard_sessions (
  server_name TEXT PRIMARY KEY REFERENCES license_servers (name),
  state_json TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL
);
`;

/**
 * Before issued CALs shared one table, each license server had a table of its own, named
 * issued_cals_<server name in hexadecimal>. SQLite looks a new table up by scanning its whole
 * schema, so seeding 2,000 servers cost 2,000 such scans of a growing schema (2 s for one
 * request, against 31 ms for 250). A --db file saved then is moved into the shared table when opened.
 */
export const PER_SERVER_ISSUED_CALS_TABLE = /^issued_cals_((?:[0-9a-f]{2})+)$/;

/** The Clearinghouse's purchase records, key pack issuances and activated servers. */
export const CLEARINGHOUSE_SCHEMA = `
CREATE TABLE purchases (
  purchase_number INTEGER PRIMARY KEY AUTOINCREMENT,
  information_json TEXT NOT NULL,
  information_key TEXT NOT NULL,
  product_version_id INTEGER NOT NULL,
  cal_type TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  registered_to TEXT
);
CREATE INDEX purchases_by_information ON purchases (information_key);
CREATE TABLE issuances (
  license_key_pack_id TEXT PRIMARY KEY,
  purchase_number INTEGER NOT NULL REFERENCES purchases (purchase_number),
  license_server_id TEXT NOT NULL,
  issue_serial INTEGER NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX issuances_by_purchase ON issuances (purchase_number);
CREATE TABLE activated_servers (
  license_server_id TEXT PRIMARY KEY,
  country_region TEXT NOT NULL
);
`;
