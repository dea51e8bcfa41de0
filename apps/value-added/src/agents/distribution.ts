import { EntityManager } from 'typeorm';
import { lockUntilCommit } from '@aftercare/persistence';

/**
 * Hands every open, unassigned task to an agent of its tier who is on the team and not absent on `day`,
 * in one statement. Each agent offers the slots between their open workload and their daily target; the
 * slots of a tier are dealt lowest first (the least loaded agent's next slot before anyone's later one),
 * so workloads level out. Tasks go in priority order (follow-ups, high value, reminders), oldest due first;
 * what does not fit stays unassigned for the supervisor to see.
 */
export async function distributeOpenTasks(manager: EntityManager, day: string): Promise<{ id: string; agentId: string }[]> {
  // One distribution at a time: two at once would both see an agent's free slots and overfill them.
  await lockUntilCommit(manager, 'value-added:call-distribution', ['all']);
  return (
    (await manager.query(
      `WITH available AS (
         SELECT a.id, a.tier, a.daily_target,
                (SELECT count(*) FROM call_task t WHERE t.agent_id = a.id AND t.status = 'OPEN')::int AS open
           FROM call_agent a
          WHERE a.active AND NOT EXISTS (SELECT 1 FROM agent_absence x WHERE x.agent_id = a.id AND x.day = $1::date)
       ), slots AS (
         SELECT v.id AS agent_id, v.tier, row_number() OVER (PARTITION BY v.tier ORDER BY g.n, v.id) AS slot
           FROM available v CROSS JOIN LATERAL generate_series(v.open + 1, v.daily_target) AS g(n)
       ), waiting AS (
         SELECT t.id, t.tier, row_number() OVER (PARTITION BY t.tier ORDER BY t.priority, t.due_on, t.created_at, t.id) AS slot
           FROM call_task t WHERE t.status = 'OPEN' AND t.agent_id IS NULL
       )
       UPDATE call_task t SET agent_id = s.agent_id
         FROM waiting w JOIN slots s ON s.tier = w.tier AND s.slot = w.slot
        WHERE t.id = w.id
       RETURNING t.id, t.agent_id AS "agentId"`,
      [day],
    )) as [{ id: string; agentId: string }[], number]
  )[0];
}
