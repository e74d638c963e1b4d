/** The RD Licensing database proper (key packs, issued CALs) and the event log, in sql.js. */
import { CalType, LicenseProgram } from '../domain/catalogue';
import { InstalledKeyPack, IssuedCal, LicensingEvent, NewIssuedCal, NewKeyPack, NewLicensingEvent } from '../domain/model';
import { EventLog, LicensingDatabase } from '../domain/ports';
import { SqlDatabase } from './sql-database';

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
};

const KEY_PACKS_OF_SERVER = `
  SELECT k.*, (SELECT COUNT(*) FROM issued_cals c WHERE c.key_pack_number = k.key_pack_number) AS issued_licenses
  FROM key_packs k WHERE k.server_name = ? ORDER BY k.key_pack_number`;

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
  };
}

type IssuedCalRow = { license_id: number; key_pack_number: number; issued_to: string; issued_at: string; expires_at: string };

export class SqlLicensingDatabase implements LicensingDatabase {
  constructor(private readonly sql: SqlDatabase) {}

  keyPacks(serverName: string): InstalledKeyPack[] {
    return this.sql.all<KeyPackRow>(KEY_PACKS_OF_SERVER, [serverName]).map(toKeyPack);
  }

  issuedCals(serverName: string): IssuedCal[] {
    return this.sql
      .all<IssuedCalRow>(
        `SELECT c.* FROM issued_cals c JOIN key_packs k ON k.key_pack_number = c.key_pack_number
         WHERE k.server_name = ? ORDER BY c.license_id`,
        [serverName],
      )
      .map((row) => ({
        licenseId: row.license_id,
        keyPackNumber: row.key_pack_number,
        issuedTo: row.issued_to,
        issuedAt: row.issued_at,
        expiresAt: row.expires_at,
      }));
  }

  installKeyPack(serverName: string, pack: NewKeyPack): InstalledKeyPack {
    this.sql.run(
      `INSERT INTO key_packs (server_name, license_key_pack_id, program, product_version_id, cal_type, total_licenses, purchase_number, installed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        serverName,
        pack.licenseKeyPackId,
        pack.program,
        pack.productVersionId,
        pack.calType,
        pack.totalLicenses,
        pack.purchaseNumber,
        pack.installedAt,
      ],
    );
    return { ...pack, keyPackNumber: this.sql.lastInsertRowId(), issuedLicenses: 0 };
  }

  issueCal(serverName: string, cal: NewIssuedCal): IssuedCal {
    this.sql.run(
      `INSERT INTO issued_cals (key_pack_number, issued_to, issued_at, expires_at)
       SELECT key_pack_number, ?, ?, ? FROM key_packs WHERE key_pack_number = ? AND server_name = ?`,
      [cal.issuedTo, cal.issuedAt, cal.expiresAt, cal.keyPackNumber, serverName],
    );
    return { ...cal, licenseId: this.sql.lastInsertRowId() };
  }

  deleteContents(serverName: string): { keyPacks: InstalledKeyPack[]; issuedCals: number } {
    const keyPacks = this.keyPacks(serverName);
    const issuedCals = keyPacks.reduce((sum, pack) => sum + pack.issuedLicenses, 0);
    this.sql.run('DELETE FROM issued_cals WHERE key_pack_number IN (SELECT key_pack_number FROM key_packs WHERE server_name = ?)', [
      serverName,
    ]);
    this.sql.run('DELETE FROM key_packs WHERE server_name = ?', [serverName]);
    return { keyPacks, issuedCals };
  }

  redemptionOf(serverName: string, licenseKeyPackId: string): string | undefined {
    return this.sql.get<{ redeemed_at: string }>(
      'SELECT redeemed_at FROM key_pack_redemptions WHERE server_name = ? AND license_key_pack_id = ?',
      [serverName, licenseKeyPackId],
    )?.redeemed_at;
  }

  recordRedemption(serverName: string, licenseKeyPackId: string, at: string): void {
    this.sql.run('INSERT INTO key_pack_redemptions (server_name, license_key_pack_id, redeemed_at) VALUES (?, ?, ?)', [
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
