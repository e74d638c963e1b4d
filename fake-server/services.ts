/**
 * What each part of the HTTP layer may use of an environment, so that a router asks for the
 * services it needs and no more: the product's routes (the API and the pages) never see the
 * harness's controls, the stored images or the test-only inspection. The composition root
 * (environment.ts) builds one object that is all of them.
 */
import { Clearinghouse } from './domain/clearinghouse';
import { FaultPlan } from './domain/faults';
import { LicensingManager } from './domain/licensing-manager';
import { EnvironmentSeeder } from './domain/seeding';
import { VirtualClock } from './domain/virtual-clock';
import { Inspection } from './inspection';

/** The product as a person meets it: RD Licensing Manager and its wizard, the Clearinghouse, and the time they read. */
export interface ProductServices {
  manager: LicensingManager;
  clearinghouse: Clearinghouse;
  /** Read only by the product's routes (a pack's expiry is judged against it). */
  clock: VirtualClock;
}

/** What the test-control API sets: seeding, the clock and the fault switches. */
export interface HarnessControls {
  seeder: EnvironmentSeeder;
  clock: VirtualClock;
  faults: FaultPlan;
}

/** What the test-control API reads: the stored state, and a digest of it all. */
export interface StoredStateReads extends Inspection {
  /** A SHA-256 over both databases: equal digests mean nothing stored has changed. */
  digest(): string;
}
