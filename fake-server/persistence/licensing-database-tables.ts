/** The RD Licensing database proper (key packs, issued CALs) and the event log, in sql.js. */
import { createHash } from 'node:crypto';
import { CalType, LicenseProgram } from '../domain/catalogue';
import { InstalledKeyPack, IssuedCal, LicensingEvent, NewIssuedCal, NewKeyPack, NewLicensingEvent } from '../domain/model';
import { EventLog, LicensingDatabase } from '../domain/ports';
import { SqlDatabase } from './sql-database';
import { BindParams } from 'sql.js';
import { FaultPlan } from '../domain/faults';

type KeyPackRow = {
  key_pack_number: number;
  license_key_pack_id: string;
  program: string;
  product_version_id: number;
  cal_type: string;
  total_licenses: number;
  issued_licenses: number;
  purchase_number: number;
  installed_at: string;
  expires_at: string | null;
};

function toKeyPack(row: KeyPackRow): InstalledKeyPack {
  return {
    keyPackNumber: row.key_pack_number,
    licenseKeyPackId: row.license_key_pack_id,
    program: row.program as LicenseProgram,
    productVersionId: row.product_version_id,
    calType: row.cal_type as CalType,
    totalLicenses: row.total_licenses,
    issuedLicenses: row.issued_licenses,
    purchaseNumber: row.purchase_number,
    installedAt: row.installed_at,
    expiresAt: row.expires_at,
  };
}

type IssuedCalRow = { license_id: number; key_pack_number: number; issued_to: string; issued_at: string; expires_at: string };

/** Well under SQLite's 32,766 bound parameters: five per row. */
const CALS_PER_INSERT = 250;
/** Rows SQLite joins into one string per query of issuedCalsDigest. */
const CALS_PER_DIGEST_PAGE = 500;

export class SqlLicensingDatabase implements LicensingDatabase {
  /**
   * @param faults consulted before every write, so tests can make the database fail mid-change;
   * required (an environment always has its switches), so no write can skip them
   */
  constructor(
    private readonly sql: SqlDatabase,
    private readonly faults: FaultPlan,
  ) {}

  /** Every write of a server's RD Licensing database goes through here. */
  private write(serverName: string, statement: string, params: BindParams = []): void {
    this.faults.beforeWrite(serverName);
    this.sql.run(statement, params);
  }

  keyPacks(serverName: string): InstalledKeyPack[] {
    return this.sql.remember(`key-packs:${serverName}`, ['key_packs', 'issued_cals'], () =>
      this.sql.all<KeyPackRow>(this.keyPacksQuery(''), [serverName]).map(toKeyPack),
    );
  }

  keyPackOfPurchase(serverName: string, purchaseNumber: number): InstalledKeyPack | undefined {
    const row = this.sql.get<KeyPackRow>(this.keyPacksQuery('AND k.purchase_number = ?'), [serverName, purchaseNumber]);
    return row && toKeyPack(row);
  }

  private keyPacksQuery(condition: string): string {
    return `SELECT k.*, (SELECT COUNT(*) FROM issued_cals c WHERE c.key_pack_number = k.key_pack_number) AS issued_licenses
      FROM key_packs k WHERE k.server_name = ? ${condition} ORDER BY k.key_pack_number`;
  }

  issuedCals(serverName: string): IssuedCal[] {
    return this.sql.remember(`issued-cals:${serverName}`, ['issued_cals'], () => this.readIssuedCals(serverName));
  }

  issuedCalCount(serverName: string): number {
    return this.sql.get<{ count: number }>('SELECT COUNT(*) AS count FROM issued_cals WHERE server_name = ?', [serverName])?.count ?? 0;
  }

  issuedCalsPage(serverName: string, from: number, count: number): IssuedCal[] {
    const rows = this.sql.all<IssuedCalRow>('SELECT * FROM issued_cals WHERE server_name = ? ORDER BY license_id LIMIT ? OFFSET ?', [
      serverName,
      count,
      from,
    ]);
    return rows.map(toIssuedCal);
  }

  /**
   * How many CALs the server has issued and a SHA-256 over all of them, in license id order:
   * equal digests mean the same CALs. SQLite joins the rows into one string, so 10,000 CALs
   * cross from WebAssembly as one value instead of 10,000 rows to be turned into objects and
   * JSON; remembered until the table is written, like the other reads.
   */
  issuedCalsDigest(serverName: string): { count: number; digest: string } {
    return this.sql.remember(`issued-cals-digest:${serverName}`, ['issued_cals'], () => {
      const hash = createHash('sha256');
      let count = 0;
      for (let after = -1; ;) {
        const page = this.sql.get<{ rows: number; last: number | null; joined: string | null }>(
          `SELECT COUNT(*) AS rows, MAX(license_id) AS last,
             string_agg(license_id || ',' || key_pack_number || ',' || issued_to || ',' || issued_at || ',' || expires_at, char(10)) AS joined
           FROM (SELECT * FROM issued_cals WHERE server_name = ? AND license_id > ? ORDER BY license_id LIMIT ${CALS_PER_DIGEST_PAGE})`,
          [serverName, after],
        );
        if (!page || page.last === null) break;
        hash.update(`${page.joined ?? ''}\n`);
        count += page.rows;
        after = page.last;
      }
      return { count, digest: hash.digest('hex') };
    });
  }

  private readIssuedCals(serverName: string): IssuedCal[] {
    return this.sql.all<IssuedCalRow>('SELECT * FROM issued_cals WHERE server_name = ? ORDER BY license_id', [serverName]).map(toIssuedCal);
  }

  installKeyPack(serverName: string, pack: NewKeyPack): InstalledKeyPack {
    this.write(
      serverName,
      `INSERT INTO key_packs (server_name, license_key_pack_id, program, product_version_id, cal_type, total_licenses, purchase_number, installed_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        serverName,
        pack.licenseKeyPackId,
        pack.program,
        pack.productVersionId,
        pack.calType,
        pack.totalLicenses,
        pack.purchaseNumber,
        pack.installedAt,
        pack.expiresAt,
      ],
    );
    return { ...pack, keyPackNumber: this.sql.lastInsertRowId(), issuedLicenses: 0 };
  }

  issueCals(serverName: string, cals: NewIssuedCal[]): void {
    this.faults.beforeWrite(serverName); // one batch counts as one write
    // Each pack named is looked up once: reading all of the server's packs on every call made
    // a seed of thousands of installed purchases quadratic.
    for (const keyPackNumber of new Set(cals.map((cal) => cal.keyPackNumber))) {
      const own = this.sql.get('SELECT 1 AS own FROM key_packs WHERE key_pack_number = ? AND server_name = ?', [keyPackNumber, serverName]);
      if (!own) throw new RangeError(`key pack ${keyPackNumber} is not installed on ${serverName}`);
    }
    // Rows go in CALS_PER_INSERT at a time, the rest one by one, so two statements serve every
    // size: one statement per row made a seed at the limit hold the event loop three times as long.
    const whole = cals.length - (cals.length % CALS_PER_INSERT);
    const values = (count: number) => Array.from({ length: count }, () => '(?, ?, ?, ?, ?)').join(', ');
    const params = (slice: readonly NewIssuedCal[]) =>
      slice.flatMap((cal) => [serverName, cal.keyPackNumber, cal.issuedTo, cal.issuedAt, cal.expiresAt]);
    const insert = (count: number) =>
      `INSERT INTO issued_cals (server_name, key_pack_number, issued_to, issued_at, expires_at) VALUES ${values(count)}`;
    for (let from = 0; from < whole; from += CALS_PER_INSERT)
      this.sql.run(insert(CALS_PER_INSERT), params(cals.slice(from, from + CALS_PER_INSERT)));
    for (const cal of cals.slice(whole)) this.sql.run(insert(1), params([cal]));
  }

  deleteContents(serverName: string): { keyPacks: InstalledKeyPack[]; issuedCals: number } {
    const keyPacks = this.keyPacks(serverName);
    const issuedCals = keyPacks.reduce((sum, pack) => sum + pack.issuedLicenses, 0);
    this.write(serverName, 'DELETE FROM issued_cals WHERE server_name = ?', [serverName]);
    this.write(serverName, 'DELETE FROM key_packs WHERE server_name = ?', [serverName]);
    return { keyPacks, issuedCals };
  }

  redemptionOf(serverName: string, licenseKeyPackId: string): string | undefined {
    return this.sql.get<{ redeemed_at: string }>(
      'SELECT redeemed_at FROM key_pack_redemptions WHERE server_name = ? AND license_key_pack_id = ?',
      [serverName, licenseKeyPackId],
    )?.redeemed_at;
  }

  recordRedemption(serverName: string, licenseKeyPackId: string, at: string): void {
    this.write(serverName, 'INSERT INTO key_pack_redemptions (server_name, license_key_pack_id, redeemed_at) VALUES (?, ?, ?)', [
      serverName,
      licenseKeyPackId,
      at,
    ]);
  }
}

type EventRow = {
  sequence: number;
  event_id: number;
  level: string;
  message: string;
  license_key_pack_id: string | null;
  recorded_at: string;
};

export class SqlEventLog implements EventLog {
  constructor(private readonly sql: SqlDatabase) {}

  append(serverName: string, event: NewLicensingEvent): void {
    this.sql.run('INSERT INTO events (server_name, event_id, level, message, license_key_pack_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)', [
      serverName,
      event.eventId,
      event.level,
      event.message,
      event.licenseKeyPackId,
      event.recordedAt,
    ]);
  }

  list(serverName: string): LicensingEvent[] {
    return this.sql.remember(`events:${serverName}`, ['events'], () => this.read(serverName));
  }

  private read(serverName: string): LicensingEvent[] {
    return this.sql.all<EventRow>('SELECT * FROM events WHERE server_name = ? ORDER BY sequence', [serverName]).map((row) => ({
      sequence: row.sequence,
      eventId: row.event_id,
      level: row.level as LicensingEvent['level'],
      message: row.message,
      licenseKeyPackId: row.license_key_pack_id,
      recordedAt: row.recorded_at,
    }));
  }
}

function toIssuedCal(row: IssuedCalRow): IssuedCal {
  return {
    licenseId: row.license_id,
    keyPackNumber: row.key_pack_number,
    issuedTo: row.issued_to,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
  };
}
