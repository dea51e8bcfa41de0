import { DataSource, EntityManager } from 'typeorm';
import { BackupEngineerFound, EventEnvelope, WorkOrderUnassignablePayload } from '@aftercare/event-contracts';
import { Outbox } from '@aftercare/messaging';
import { findByIds, onlyUuids } from '@aftercare/persistence';
import { EngineerNetworkErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, Injectable, notFound } from '@aftercare/subgraph';
import { Engineer } from '../engineers/engineer.entity';
import { EngineerSkill } from '../engineers/engineer-skill.entity';
import { coveredCities } from '../engineers/engineer-profile';
import { SkillInput } from '../engineers/engineer.inputs';
import { EngineersService } from '../engineers/engineers.service';
import { CHINA_TIME_ZONE, todayInChina } from '@aftercare/business-time';
import { BackupTask } from './backup-task.entity';
import { BackupCandidate, BackupTimeToFill, FillBackupTaskInput, NeighbouringCitiesInput } from './backup.inputs';
import { NeighbouringCity } from './neighbouring-city.entity';

const DEFAULT_SEARCH_HOURS = 48;
const MS_PER_HOUR = 3_600_000;

@Injectable()
export class BackupTasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly engineers: EngineersService,
  ) {}

  /**
   * Nobody suitable: open a search. A site beyond the radius needs no engineer (dispatch offers
   * self-installation instead), so it opens none.
   */
  async open(event: EventEnvelope<'WorkOrderUnassignable', WorkOrderUnassignablePayload>, manager: EntityManager): Promise<void> {
    const { payload } = event;
    if (payload.reason !== 'NO_SUITABLE_ENGINEER') return;
    const openedAt = new Date(event.occurredAt);
    const [{ deadline }] = payload.appointmentDate
      ? await manager.query(`SELECT ($1::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}') AS deadline`, [payload.appointmentDate])
      : [{ deadline: new Date(openedAt.getTime() + DEFAULT_SEARCH_HOURS * MS_PER_HOUR) }];
    await manager
      .createQueryBuilder()
      .insert()
      .into(BackupTask)
      .values({
        workOrderId: payload.workOrderId,
        workType: payload.type,
        city: payload.city,
        brand: payload.brand,
        productModel: payload.productModel,
        deadline,
        status: 'OPEN',
        openedAt,
      })
      .orIgnore()
      .execute();
  }

  /** The work order was cancelled, or dispatch placed it after all: nobody needs to be found any more. */
  async close(job: { workOrderId: string }, manager: EntityManager): Promise<void> {
    await manager.update(BackupTask, { workOrderId: job.workOrderId, status: 'OPEN' }, { status: 'CANCELLED', closedAt: new Date() });
  }

  /**
   * Puts the engineer on the job's city and skill (registering a newcomer, or activating, extending and
   * certifying someone known), closes the task and tells dispatch, all in one transaction.
   */
  fill(taskId: string, input: FillBackupTaskInput): Promise<BackupTask> {
    if (!input.engineerId === !input.newEngineer) throw badInput('give either engineerId or newEngineer', 'engineerId');
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockOpenTask(manager, taskId);
      const skill = task.brand && task.productModel ? { brand: task.brand, productModel: task.productModel, certifiedOn: todayInChina() } : null;
      const engineer = input.newEngineer
        ? await this.engineers.registerWithin(manager, {
            ...input.newEngineer,
            cities: [...(input.newEngineer.cities ?? []), task.city],
            skills: [...(input.newEngineer.skills ?? []), ...(skill ? [skill] : [])],
          })
        : await this.recruit(manager, input.engineerId as string, task, skill);
      const filledAt = new Date();
      const hoursToFill = Math.round((filledAt.getTime() - task.openedAt.getTime()) / (MS_PER_HOUR / 100)) / 100;
      Object.assign(task, { status: 'FILLED', closedAt: filledAt, engineerId: engineer.id, hoursToFill });
      await manager.save(task);
      // Keyed by the engineer, not the task: on the engineer's partition it cannot overtake the profile
      // event that gave them the city and skill, so dispatch never assigns against a stale profile.
      await this.outbox.record(
        manager,
        BackupEngineerFound.create(engineer.id, { backupTaskId: task.id, workOrderId: task.workOrderId, engineerId: engineer.id, hoursToFill }),
      );
      return task;
    });
  }

  /** Engineers who could take the task: skilled ones covering the city or a neighbouring one, then the city's own to certify. */
  async candidates(taskId: string): Promise<BackupCandidate[]> {
    const [task] = await this.findByIds([taskId]);
    if (!task) throw notFound('BackupTask', taskId);
    const rows: (Engineer & { skilled: boolean; covers_city: boolean })[] = await this.dataSource.query(
      `WITH reachable AS (SELECT $1::text AS city UNION SELECT neighbour FROM neighbouring_city WHERE city = $1)
       SELECT e.id,
              (e.home_city = $1 OR $1 = ANY(e.cities)) AS covers_city,
              ($2::text IS NULL OR EXISTS (SELECT 1 FROM engineer_skill s WHERE s.engineer_id = e.id AND s.brand = $2 AND s.product_model = $3)) AS skilled
         FROM engineer e
        WHERE e.status <> 'SUSPENDED'
          AND (e.home_city IN (SELECT city FROM reachable) OR e.cities && ARRAY(SELECT city FROM reachable))`,
      [task.city, task.brand && task.productModel ? task.brand : null, task.productModel],
    );
    const engineers = new Map((await this.engineers.findByIds(rows.map((row) => row.id))).map((engineer) => [engineer.id, engineer]));
    const candidates: BackupCandidate[] = rows.flatMap((row): BackupCandidate[] => {
      const engineer = engineers.get(row.id);
      if (!engineer) return [];
      if (row.skilled) return [{ engineer, kind: 'NEARBY', coversCity: row.covers_city }];
      return row.covers_city ? [{ engineer, kind: 'TO_CERTIFY', coversCity: true }] : [];
    });
    const rank = (candidate: BackupCandidate) => (candidate.kind === 'NEARBY' ? 0 : 2) + (candidate.engineer.employment === 'PLATFORM_PARTNER' ? 0 : 1);
    return candidates.sort((a, b) => rank(a) - rank(b) || a.engineer.name.localeCompare(b.engineer.name));
  }

  async timeToFill(from: string, to: string): Promise<BackupTimeToFill> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS opened,
              count(*) FILTER (WHERE status = 'FILLED')::int AS filled,
              count(*) FILTER (WHERE status = 'OPEN')::int AS still_open,
              round(avg(hours_to_fill)::numeric, 2)::float AS average_hours,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_fill))::numeric, 2)::float AS median_hours,
              max(hours_to_fill) AS max_hours
         FROM backup_task
        WHERE opened_at >= ($1::date::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')
          AND opened_at < (($2::date + 1)::timestamp AT TIME ZONE '${CHINA_TIME_ZONE}')`,
      [from, to],
    );
    return {
      opened: row.opened,
      filled: row.filled,
      stillOpen: row.still_open,
      averageHours: row.average_hours,
      medianHours: row.median_hours,
      maxHours: row.max_hours,
    };
  }

  async setNeighbours(input: NeighbouringCitiesInput): Promise<string[]> {
    const city = input.city.trim();
    const neighbours = [...new Set(input.neighbours.map((neighbour) => neighbour.trim()))].filter((neighbour) => neighbour !== city);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(NeighbouringCity, { city });
      if (neighbours.length)
        await manager.insert(
          NeighbouringCity,
          neighbours.map((neighbour) => ({ city, neighbour })),
        );
    });
    return neighbours;
  }

  findByIds(ids: readonly string[]): Promise<BackupTask[]> {
    return findByIds(this.dataSource.getRepository(BackupTask), ids);
  }

  openTasks(): Promise<BackupTask[]> {
    return this.dataSource.getRepository(BackupTask).find({ where: { status: 'OPEN' }, order: { deadline: 'ASC' } });
  }

  private async recruit(manager: EntityManager, engineerId: string, task: BackupTask, skill: SkillInput | null) {
    const engineer = await this.engineers.lock(manager, engineerId);
    if (engineer.status === 'SUSPENDED')
      throw new DomainError(EngineerNetworkErrorCodes.ENGINEER_SUSPENDED, 'A suspended engineer cannot take a backup task', { engineerId });
    engineer.status = 'ACTIVE';
    engineer.cities = coveredCities(engineer.homeCity, [...engineer.cities, task.city]);
    // Someone who already holds the skill keeps their original certification date.
    if (skill && !(await manager.existsBy(EngineerSkill, { engineerId, brand: skill.brand, productModel: skill.productModel }))) {
      await this.engineers.saveSkills(manager, engineerId, [skill]);
    }
    return this.engineers.saveAndAnnounce(manager, engineer);
  }

  private async lockOpenTask(manager: EntityManager, taskId: string): Promise<BackupTask> {
    const [task] = onlyUuids([taskId]).length ? await manager.find(BackupTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } }) : [];
    if (!task) throw notFound('BackupTask', taskId);
    if (task.status !== 'OPEN')
      throw new DomainError(EngineerNetworkErrorCodes.BACKUP_TASK_NOT_OPEN, `The backup task is ${task.status}`, { status: task.status });
    return task;
  }
}
