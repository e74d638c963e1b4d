/**
 * The fake environments one process hosts, by id. Requests name theirs in the
 * `x-fake-environment` header; without it they reach the default environment, which is
 * what `npm start` seeds with the demo. The registry also keeps each environment's
 * snapshots, and replaces an environment whole on reset or restore.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError } from './domain/errors';
import { EnvironmentFixture } from './domain/seeding';
import { FakeEnvironment, createEnvironment } from './environment';
import { FakeConfig } from './config';
import { PasswordHasher } from './domain/accounts';
import { EnvironmentImages } from './persistence/open-databases';

export const DEFAULT_ENVIRONMENT = 'default';
const SNAPSHOTS_PER_ENVIRONMENT = 20;
/**
 * Environments one process hosts at once. Each holds two sql.js databases in the one
 * WebAssembly memory of the process, which grows but never shrinks; about 2,000 seeded
 * environments fill it, after which sql.js fails on everything. Refusing past this limit
 * keeps the process healthy; a cucumber worker needs one at a time per scenario.
 */
export const MAX_ENVIRONMENTS = 250;

export interface RegistryOptions {
  config?: FakeConfig | undefined;
  /** How many environments may exist at once (default MAX_ENVIRONMENTS). */
  maxEnvironments?: number | undefined;
  /** Called after every committed change in any environment (the --db file). */
  onCommit?: ((id: string, environment: FakeEnvironment) => void) | undefined;
}

export class EnvironmentRegistry {
  private readonly environments = new Map<string, FakeEnvironment>();
  private readonly snapshots = new Map<string, Map<string, EnvironmentImages>>();
  private readonly hasher = new PasswordHasher();

  constructor(private readonly options: RegistryOptions = {}) {}

  /** Creates an environment (seeded from the fixture, or opened from saved images) and returns its id. */
  async create(fixture?: EnvironmentFixture, id: string = randomUUID(), images?: EnvironmentImages): Promise<string> {
    const replacing = this.environments.has(id);
    const limit = this.options.maxEnvironments ?? MAX_ENVIRONMENTS;
    if (!replacing && this.environments.size >= limit) {
      throw new UnavailableError(
        'too-many-environments',
        `The fake already hosts ${limit} environments, its limit; delete the ones you no longer need (DELETE /_test/environments/<id>).`,
      );
    }
    const onCommit = this.options.onCommit;
    const environment = await createEnvironment({
      hasher: this.hasher,
      config: this.options.config,
      fixture,
      images,
      onCommit: onCommit && ((changed) => onCommit(id, changed)),
    });
    this.environments.get(id)?.close();
    this.environments.set(id, environment);
    // A replaced environment (reset) is a change like any other for the --db file.
    if (replacing) onCommit?.(id, environment);
    return id;
  }

  has(id: string): boolean {
    return this.environments.has(id);
  }

  get(id: string): FakeEnvironment {
    const environment = this.environments.get(id);
    // At most 64 characters of the id come back: an 8 kB header is not echoed whole.
    const shown = id.length > 64 ? `${id.slice(0, 64)}…` : id;
    if (!environment) throw new NotFoundError('unknown-environment', `No fake environment has the id "${shown}"; create one first.`);
    return environment;
  }

  /** Empties an environment: no servers, no purchases, the clock and faults back to normal. */
  async reset(id: string): Promise<void> {
    this.get(id);
    await this.create(undefined, id);
  }

  /** Keeps the environment's databases as they are now; returns the snapshot's id. */
  snapshot(id: string): string {
    const images = this.get(id).images();
    const kept = this.snapshots.get(id) ?? new Map<string, EnvironmentImages>();
    if (kept.size >= SNAPSHOTS_PER_ENVIRONMENT) kept.delete(kept.keys().next().value as string);
    const snapshotId = randomUUID();
    kept.set(snapshotId, images);
    this.snapshots.set(id, kept);
    return snapshotId;
  }

  /**
   * Puts the environment's databases back as they were at the snapshot. A snapshot holds
   * the databases only: the clock and the fault switches stay as they are now.
   */
  restore(id: string, snapshotId: string): void {
    const environment = this.get(id);
    const images = this.snapshots.get(id)?.get(snapshotId);
    if (!images) throw new NotFoundError('unknown-snapshot', `Environment "${id}" has no snapshot "${snapshotId}".`);
    environment.replaceWith(images);
    this.options.onCommit?.(id, environment);
  }

  /** Closes and forgets an environment and its snapshots; a missing one is not an error. */
  remove(id: string): void {
    if (id === DEFAULT_ENVIRONMENT) {
      throw new ConflictError(
        'default-environment',
        'The default environment is the one served without an x-fake-environment header; reset it instead of deleting it.',
      );
    }
    this.forget(id);
  }

  private forget(id: string): void {
    this.environments.get(id)?.close();
    this.environments.delete(id);
    this.snapshots.delete(id);
  }

  closeAll(): void {
    for (const id of [...this.environments.keys()]) this.forget(id);
  }
}
