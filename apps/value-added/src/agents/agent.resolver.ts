import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { alignByKey, Guarded, RequestContext } from '@aftercare/subgraph';
import { CallAgent } from './agent.entity';
import { MarkAgentAbsentInput, SetCallAgentInput } from './agent.inputs';
import { AgentsService } from './agents.service';

@ObjectType({ description: "An absence recorded, and how many of the absent agent's open tasks went to colleagues." })
export class AgentAbsenceResult {
  @Field(() => CallAgent)
  agent: CallAgent;

  @Field(() => Int)
  tasksRedistributed: number;
}

const WORKLOAD = Symbol('openWorkloadByAgent');
const ABSENT = Symbol('absentTodayByAgent');

@Resolver(() => CallAgent)
export class CallAgentResolver {
  constructor(private readonly agents: AgentsService) {}

  @Guarded()
  @Mutation(() => CallAgent, { description: 'Puts an agent on the team, or changes their tier, daily target or membership.' })
  setCallAgent(@Arg('input', () => SetCallAgentInput) input: SetCallAgentInput): Promise<CallAgent> {
    return this.agents.setAgent(input);
  }

  @Guarded()
  @Mutation(() => AgentAbsenceResult, { description: 'An agent is away; away today, their open tasks go to colleagues of the same tier by workload.' })
  async markAgentAbsent(
    @Arg('input', () => MarkAgentAbsentInput) input: MarkAgentAbsentInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<AgentAbsenceResult> {
    const tasksRedistributed = await this.agents.markAbsent(input, identity);
    const [agent] = await this.agents.findByIds([input.agentId.trim()]);
    return { agent: agent as CallAgent, tasksRedistributed };
  }

  @Guarded()
  @Query(() => [CallAgent], { description: 'The call team by tier.' })
  callTeam(): Promise<CallAgent[]> {
    return this.agents.team();
  }

  @FieldResolver(() => Int, { description: 'Tasks open in their queue now.' })
  async openTasks(@Root() agent: CallAgent, @Ctx() { loaders }: RequestContext): Promise<number> {
    const row = await loaders
      .get<string, { open: number } | null>(WORKLOAD, async (ids) => alignByKey(ids, await this.agents.openWorkloadOf(ids), (r) => r.agentId))
      .load(agent.id);
    return row?.open ?? 0;
  }

  @FieldResolver(() => Boolean, { description: 'Recorded as away today (China time).' })
  async absentToday(@Root() agent: CallAgent, @Ctx() { loaders }: RequestContext): Promise<boolean> {
    return loaders
      .get<string, boolean>(ABSENT, async (ids) => {
        const absent = new Set(await this.agents.absentToday(ids));
        return ids.map((id) => absent.has(id));
      })
      .load(agent.id);
  }
}
