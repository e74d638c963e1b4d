/**
 * The fake environments one process hosts, by id. Requests name theirs in the
 * `x-fake-environment` header; without it they reach the default environment, which is
 * what `npm start` seeds with the demo.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from './domain/errors';
import { EnvironmentFixture } from './domain/seeding';
import { FakeEnvironment, createEnvironment } from './environment';
import { FakeConfig } from './config';
import { PasswordHasher } from './domain/accounts';

export const DEFAULT_ENVIRONMENT = 'default';

export class EnvironmentRegistry {
  private readonly environments = new Map<string, FakeEnvironment>();
  private readonly hasher = new PasswordHasher();

  constructor(private readonly config?: FakeConfig) {}

  /** Creates an environment, seeded from the fixture if one is given, and returns its id. */
  async create(fixture?: EnvironmentFixture, id: string = randomUUID()): Promise<string> {
    const environment = await createEnvironment({
      hasher: this.hasher,
      ...(this.config ? { config: this.config } : {}),
      ...(fixture ? { fixture } : {}),
    });
    this.environments.get(id)?.close();
    this.environments.set(id, environment);
    return id;
  }

  get(id: string): FakeEnvironment {
    const environment = this.environments.get(id);
    if (!environment) throw new NotFoundError('unknown-environment', `No fake environment has the id "${id}"; create one first.`);
    return environment;
  }

  /** Closes and forgets an environment; a missing one is not an error. */
  remove(id: string): void {
    this.environments.get(id)?.close();
    this.environments.delete(id);
  }

  size(): number {
    return this.environments.size;
  }

  closeAll(): void {
    for (const id of [...this.environments.keys()]) this.remove(id);
  }
}
