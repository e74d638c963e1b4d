/**
 * Table layouts. The license server side and the Clearinghouse side are separate
 * databases: purchase records must survive a rebuild of any license server.
 */

/** License servers, their local accounts, RD Licensing databases, event logs and open wizards. */
export const LICENSE_SERVER_SCHEMA = `
CREATE TABLE license_servers (
  name TEXT PRIMARY KEY,
  license_server_id TEXT UNIQUE,
  country_region TEXT,
  connection_method TEXT NOT NULL CHECK (connection_method IN ('automatic', 'webBrowser', 'telephone'))
);
CREATE TABLE accounts (
  server_name TEXT NOT NULL REFERENCES license_servers (name),
  user_name TEXT NOT NULL COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  groups_json TEXT NOT NULL,
  PRIMARY KEY (server_name, user_name)
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
  UNIQUE (server_name, license_key_pack_id)
);
CREATE TABLE issued_cals (
  license_id INTEGER PRIMARY KEY AUTOINCREMENT,
  key_pack_number INTEGER NOT NULL REFERENCES key_packs (key_pack_number) ON DELETE CASCADE,
  issued_to TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX issued_cals_by_key_pack ON issued_cals (key_pack_number);
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
CREATE TABLE wizard_sessions (
  server_name TEXT PRIMARY KEY REFERENCES license_servers (name),
  state_json TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL
);
`;

/** The Clearinghouse's purchase records, key pack issuances and activated servers. */
export const CLEARINGHOUSE_SCHEMA = `
CREATE TABLE purchases (
  purchase_number INTEGER PRIMARY KEY AUTOINCREMENT,
  information_json TEXT NOT NULL,
  product_version_id INTEGER NOT NULL,
  cal_type TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  registered_to TEXT
);
CREATE TABLE issuances (
  license_key_pack_id TEXT PRIMARY KEY,
  purchase_number INTEGER NOT NULL REFERENCES purchases (purchase_number),
  license_server_id TEXT NOT NULL,
  issue_serial INTEGER NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE TABLE activated_servers (
  license_server_id TEXT PRIMARY KEY,
  country_region TEXT NOT NULL
);
`;
