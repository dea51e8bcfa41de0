import { DataSource } from 'typeorm';
import { todayInChina } from '@aftercare/business-time';
import { actorOf, type Identity } from '@aftercare/identity';
import { Injectable, notFound } from '@aftercare/subgraph';
import { AgentAbsence } from './agent-absence.entity';
import { CallAgent } from './agent.entity';
import { MarkAgentAbsentInput, SetCallAgentInput } from './agent.inputs';
import { distributeOpenTasks } from './distribution';

/** The call team: who is on it, in which tier, with what daily target, and who is away. */
@Injectable()
export class AgentsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Puts an agent on the team or changes their tier, target or membership; a tier change applies to tasks handed out from now on. */
  async setAgent(input: SetCallAgentInput): Promise<CallAgent> {
    const id = input.agentId.trim();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CallAgent)
      .values({ id, name: input.name.trim(), tier: input.tier, dailyTarget: input.dailyTarget, active: input.active })
      .orUpdate(['name', 'tier', 'daily_target', 'active'], ['id'])
      .execute();
    if (!input.active) {
      // Someone who left keeps no queue: their open tasks go to the rest of the team.
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE call_task SET agent_id = NULL WHERE agent_id = $1 AND status = 'OPEN'`, [id]);
        await distributeOpenTasks(manager, todayInChina());
      });
    }
    return this.dataSource.getRepository(CallAgent).findOneByOrFail({ id });
  }

  /**
   * An agent is away on a day. Away today: their open tasks are handed, in the same transaction, to the
   * others of their tier by workload. Returns how many tasks moved.
   */
  async markAbsent(input: MarkAgentAbsentInput, identity: Identity): Promise<number> {
    const agentId = input.agentId.trim();
    const day = input.day ?? todayInChina();
    return this.dataSource.transaction(async (manager) => {
      const agent = await manager.getRepository(CallAgent).findOneBy({ id: agentId });
      if (!agent) throw notFound('CallAgent', agentId);
      await manager
        .createQueryBuilder()
        .insert()
        .into(AgentAbsence)
        .values({ agentId, day, reason: input.reason?.trim() || null, recordedBy: actorOf(identity).id })
        .orIgnore()
        .execute();
      if (day !== todayInChina()) return 0;
      await manager.query(`UPDATE call_task SET agent_id = NULL WHERE agent_id = $1 AND status = 'OPEN'`, [agentId]);
      const moved = await distributeOpenTasks(manager, day);
      return moved.length;
    });
  }

  team(): Promise<CallAgent[]> {
    return this.dataSource.getRepository(CallAgent).find({ order: { tier: 'ASC', name: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<CallAgent[]> {
    return this.dataSource.getRepository(CallAgent).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
  }

  /** Open tasks per agent, for many agents in one query. */
  async openWorkloadOf(ids: readonly string[]): Promise<{ agentId: string; open: number }[]> {
    return (await this.dataSource.query(
      `SELECT agent_id AS "agentId", count(*)::int AS open FROM call_task WHERE status = 'OPEN' AND agent_id = ANY($1::text[]) GROUP BY agent_id`,
      [ids],
    )) as { agentId: string; open: number }[];
  }

  async absentToday(ids: readonly string[]): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT agent_id FROM agent_absence WHERE day = $1::date AND agent_id = ANY($2::text[])`, [
      todayInChina(),
      ids,
    ])) as {
      agent_id: string;
    }[];
    return rows.map((row) => row.agent_id);
  }
}
