import { DataSource, EntityManager } from 'typeorm';
import { EngineerAvailabilityChanged } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findReferencing, onlyUuids } from '@aftercare/persistence';
import { EngineerNetworkErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, Injectable, notFound } from '@aftercare/subgraph';
import { EngineersService } from './engineers.service';
import { Engineer } from './engineer.entity';
import { UnavailabilityInput } from './engineer.inputs';
import { UnavailabilityWindow } from './unavailability-window.entity';

/** Sick days and personal leave; dispatch receives the complete set after every change. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly engineers: EngineersService,
  ) {}

  markUnavailable(engineerId: string, input: UnavailabilityInput): Promise<Engineer> {
    if (input.endsOn < input.startsOn) throw badInput('endsOn must not be before startsOn', 'endsOn');
    return this.dataSource.transaction(async (manager) => {
      const engineer = await this.engineers.lock(manager, engineerId);
      const overlapping = await manager
        .createQueryBuilder(UnavailabilityWindow, 'window')
        .where('window.engineerId = :engineerId AND window.startsOn <= :endsOn AND window.endsOn >= :startsOn', { engineerId, ...input })
        .getOne();
      if (overlapping) {
        throw new DomainError(EngineerNetworkErrorCodes.UNAVAILABILITY_OVERLAPS, 'The engineer is already unavailable on some of these days', {
          windowId: overlapping.id,
        });
      }
      await manager.insert(UnavailabilityWindow, { engineerId, ...input });
      await this.announce(manager, engineer.id);
      return engineer;
    });
  }

  /** The engineer is back early (or the leave was cancelled): the window goes, the rest stay. */
  cancelUnavailability(windowId: string, mayActFor: (engineerId: string) => void): Promise<Engineer> {
    return this.dataSource.transaction(async (manager) => {
      const [window] = onlyUuids([windowId]).length ? await manager.findBy(UnavailabilityWindow, { id: windowId }) : [];
      if (!window) throw notFound('EngineerUnavailability', windowId);
      mayActFor(window.engineerId);
      const engineer = await this.engineers.lock(manager, window.engineerId);
      await manager.delete(UnavailabilityWindow, { id: window.id });
      await this.announce(manager, engineer.id);
      return engineer;
    });
  }

  windowsOf(engineerIds: readonly string[]): Promise<UnavailabilityWindow[]> {
    return findReferencing(this.dataSource.getRepository(UnavailabilityWindow), 'engineerId', engineerIds, { startsOn: 'ASC' });
  }

  private async announce(manager: EntityManager, engineerId: string): Promise<void> {
    const windows = await manager.find(UnavailabilityWindow, { where: { engineerId }, order: { startsOn: 'ASC' } });
    await this.outbox.record(
      manager,
      EngineerAvailabilityChanged.create(engineerId, {
        engineerId,
        unavailable: windows.map((window) => ({ from: window.startsOn, to: window.endsOn, reason: window.reason })),
      }),
    );
  }
}
