/** The Clearinghouse's records in their own sql.js database. */
import { CalType } from '../domain/catalogue';
import { PurchaseRepository } from '../domain/ports';
import { KeyPackIssuance, ProgramInformation, PurchaseRecord, programInformationKey } from '../domain/purchases';
import { SqlDatabase } from './sql-database';

type PurchaseRow = {
  purchase_number: number;
  information_json: string;
  product_version_id: number;
  cal_type: string;
  quantity: number;
  registered_to: string | null;
};

function toPurchase(row: PurchaseRow): PurchaseRecord {
  return {
    purchaseNumber: row.purchase_number,
    information: JSON.parse(row.information_json) as ProgramInformation,
    productVersionId: row.product_version_id,
    calType: row.cal_type as CalType,
    quantity: row.quantity,
    registeredTo: row.registered_to,
  };
}

/** The stored columns of a purchase, in the order the INSERT and UPDATE name them. */
function purchaseColumns(record: Omit<PurchaseRecord, 'purchaseNumber'>): (string | number | null)[] {
  return [
    JSON.stringify(record.information),
    programInformationKey(record.information),
    record.productVersionId,
    record.calType,
    record.quantity,
    record.registeredTo,
  ];
}

type IssuanceRow = {
  license_key_pack_id: string;
  purchase_number: number;
  license_server_id: string;
  issue_serial: number;
  issued_at: string;
};

function toIssuance(row: IssuanceRow): KeyPackIssuance {
  return {
    licenseKeyPackId: row.license_key_pack_id,
    purchaseNumber: row.purchase_number,
    licenseServerId: row.license_server_id,
    issueSerial: row.issue_serial,
    issuedAt: row.issued_at,
  };
}

export class SqlPurchases implements PurchaseRepository {
  constructor(private readonly sql: SqlDatabase) {}

  all(): PurchaseRecord[] {
    return this.sql.remember('purchases', ['purchases'], () =>
      this.sql.all<PurchaseRow>('SELECT * FROM purchases ORDER BY purchase_number').map(toPurchase),
    );
  }

  find(purchaseNumber: number): PurchaseRecord | undefined {
    const row = this.sql.get<PurchaseRow>('SELECT * FROM purchases WHERE purchase_number = ?', [purchaseNumber]);
    return row && toPurchase(row);
  }

  withInformation(information: ProgramInformation): PurchaseRecord[] {
    return this.sql
      .all<PurchaseRow>('SELECT * FROM purchases WHERE information_key = ? ORDER BY purchase_number', [programInformationKey(information)])
      .map(toPurchase);
  }

  add(record: Omit<PurchaseRecord, 'purchaseNumber'>): PurchaseRecord {
    this.sql.run(
      'INSERT INTO purchases (information_json, information_key, product_version_id, cal_type, quantity, registered_to) VALUES (?, ?, ?, ?, ?, ?)',
      purchaseColumns(record),
    );
    return { ...record, purchaseNumber: this.sql.lastInsertRowId() };
  }

  save(record: PurchaseRecord): void {
    this.sql.run(
      'UPDATE purchases SET information_json = ?, information_key = ?, product_version_id = ?, cal_type = ?, quantity = ?, registered_to = ? WHERE purchase_number = ?',
      [...purchaseColumns(record), record.purchaseNumber],
    );
  }

  issuances(purchaseNumber: number): KeyPackIssuance[] {
    return this.sql
      .all<IssuanceRow>('SELECT * FROM issuances WHERE purchase_number = ? ORDER BY issue_serial', [purchaseNumber])
      .map(toIssuance);
  }

  findIssuance(licenseKeyPackId: string): KeyPackIssuance | undefined {
    const row = this.sql.get<IssuanceRow>('SELECT * FROM issuances WHERE license_key_pack_id = ?', [licenseKeyPackId]);
    return row && toIssuance(row);
  }

  allIssuances(): KeyPackIssuance[] {
    return this.sql.remember('issuances', ['issuances'], () =>
      this.sql.all<IssuanceRow>('SELECT * FROM issuances ORDER BY issued_at, license_key_pack_id').map(toIssuance),
    );
  }

  recordIssuance(issuance: KeyPackIssuance): void {
    this.sql.run(
      'INSERT INTO issuances (license_key_pack_id, purchase_number, license_server_id, issue_serial, issued_at) VALUES (?, ?, ?, ?, ?)',
      [issuance.licenseKeyPackId, issuance.purchaseNumber, issuance.licenseServerId, issuance.issueSerial, issuance.issuedAt],
    );
  }

  activatedServer(licenseServerId: string): { countryRegion: string } | undefined {
    const row = this.sql.get<{ country_region: string }>('SELECT country_region FROM activated_servers WHERE license_server_id = ?', [
      licenseServerId,
    ]);
    return row && { countryRegion: row.country_region };
  }

  recordActivation(licenseServerId: string, countryRegion: string): void {
    this.sql.run(
      'INSERT INTO activated_servers (license_server_id, country_region) VALUES (?, ?) ON CONFLICT (license_server_id) DO UPDATE SET country_region = excluded.country_region',
      [licenseServerId, countryRegion],
    );
  }
}
