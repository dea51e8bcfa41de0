import { DataSource } from 'typeorm';
import { EngineerRegistered } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, rejectingDuplicates } from '@aftercare/persistence';
import { DomainError, Injectable, normalisePhone } from '@aftercare/subgraph';
import { Engineer } from './engineer.entity';
import { RegisterEngineerInput } from './engineer.inputs';

const ENGINEER_PHONE = 'uq_engineer_phone';

@Injectable()
export class EngineersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** A new engineer starts ACTIVE; the registration and its announcement commit together. */
  async register(input: RegisterEngineerInput): Promise<Engineer> {
    const phone = normalisePhone(input.phone);
    // The unique index, not a prior lookup, decides: two registrations of one phone may race.
    return rejectingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const repository = manager.getRepository(Engineer);
          const engineer = await repository.save(
            repository.create({
              name: input.name.trim(),
              phone,
              employment: input.employment,
              homeCity: input.homeCity.trim(),
              dailyCapacity: input.dailyCapacity,
              status: 'ACTIVE',
            }),
          );
          await this.outbox.record(
            manager,
            EngineerRegistered.create(engineer.id, {
              engineerId: engineer.id,
              name: engineer.name,
              employment: engineer.employment,
              status: engineer.status,
              homeCity: engineer.homeCity,
              cities: [engineer.homeCity],
              skills: [],
              dailyCapacity: engineer.dailyCapacity,
            }),
          );
          return engineer;
        }),
      {
        constraint: ENGINEER_PHONE,
        error: () => new DomainError('ENGINEER_PHONE_TAKEN', `An engineer with phone ${phone} is already registered`, { phone }),
      },
    );
  }

  findByIds(ids: readonly string[]): Promise<Engineer[]> {
    return findByIds(this.dataSource.getRepository(Engineer), ids);
  }
}
