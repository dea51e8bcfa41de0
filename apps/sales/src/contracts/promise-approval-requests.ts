import { DataSource } from 'typeorm';
import { Arg, Args, ArgsType, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { Identity } from '@aftercare/identity';
import { hasAnyRole } from '@aftercare/identity';
import {
  badInput,
  Connection,
  ConnectionType,
  DomainError,
  ErrorCodes,
  Guarded,
  Injectable,
  keysetPage,
  NotBlank,
  notFound,
  PageArgs,
  RequestContext,
} from '@aftercare/subgraph';
import { SUPERVISORS } from '../access-table';
import { staffId } from '../customers/customer-access';
import { CustomersService } from '../customers/customers.service';
import { QualityStandard, QualityStandardEnum } from '../reference-data/reference-data.entities';
import { PromiseApproval } from './promise-approval.entity';
import { PromiseApprovalRequest, PromiseApprovalRequestStatus, PromiseApprovalRequestStatusEnum } from './promise-approval-request.entity';

@InputType()
export class RequestPromiseApprovalInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => Int)
  @Min(1)
  @Max(31)
  visitsPerMonth: number;

  @Field(() => QualityStandardEnum)
  qualityStandard: QualityStandard;

  @Field({ description: 'Why the customer should have more than the standard.' })
  @NotBlank()
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class DecidePromiseApprovalInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field({ description: 'true approves (the approval is recorded with the requested terms); false declines.' })
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required to decline; becomes the approval note when approving (default: the request’s reason).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(1000)
  note?: string | null;
}

@ObjectType()
export class PromiseApprovalRequestConnection extends ConnectionType(PromiseApprovalRequest) {}

@ArgsType()
export class PromiseApprovalRequestSearchArgs extends PageArgs {
  @Field(() => PromiseApprovalRequestStatusEnum, { nullable: true, description: 'AWAITING_SUPERVISOR: the supervisor’s queue.' })
  @IsOptional()
  status?: PromiseApprovalRequestStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;
}

/** Supervisors answer; a salesperson follows only the requests they made. */

@Injectable()
export class PromiseApprovalRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
  ) {}

  async request(identity: Identity, input: RequestPromiseApprovalInput): Promise<PromiseApprovalRequest> {
    await this.customers.getVisible(identity, input.customerId);
    const repository = this.dataSource.getRepository(PromiseApprovalRequest);
    return repository.save(repository.create({ ...input, reason: input.reason.trim(), requestedBy: staffId(identity) }));
  }

  /** Approving records the approval with exactly the terms asked for, in the same transaction as the answer. */
  async decide(identity: Identity, input: DecidePromiseApprovalInput): Promise<PromiseApprovalRequest> {
    const note = input.note?.trim() || null;
    if (!input.approve && !note) throw badInput('Say why the request is declined', 'note');
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.getRepository(PromiseApprovalRequest).findOne({ where: { id: input.requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw notFound('PromiseApprovalRequest', input.requestId);
      if (request.status !== 'AWAITING_SUPERVISOR') {
        throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `Request ${request.id} was already ${request.status}`, { status: request.status });
      }
      const decidedBy = staffId(identity);
      if (input.approve) {
        const approval = await manager.getRepository(PromiseApproval).save(
          manager.getRepository(PromiseApproval).create({
            customerId: request.customerId,
            visitsPerMonth: request.visitsPerMonth,
            qualityStandard: request.qualityStandard,
            note: note ?? request.reason,
            approvedBy: decidedBy,
          }),
        );
        request.approvalId = approval.id;
      }
      Object.assign(request, { status: input.approve ? 'APPROVED' : 'DECLINED', decidedBy, decidedAt: new Date(), decisionNote: note });
      return manager.save(request);
    });
  }

  /** Oldest first: the supervisor answers in the order salespeople asked. */
  async search(identity: Identity, args: PromiseApprovalRequestSearchArgs): Promise<Connection<PromiseApprovalRequest>> {
    const query = this.dataSource.getRepository(PromiseApprovalRequest).createQueryBuilder('request');
    if (!hasAnyRole(identity, SUPERVISORS)) query.andWhere('request.requestedBy = :me', { me: staffId(identity) });
    if (args.status) query.andWhere('request.status = :status', { status: args.status });
    if (args.customerId) query.andWhere('request.customerId = :customerId', { customerId: args.customerId });
    return keysetPage(query, 'request', args, 'ASC');
  }
}

@Resolver(() => PromiseApprovalRequest)
export class PromiseApprovalRequestResolver {
  constructor(private readonly requests: PromiseApprovalRequestsService) {}

  @Guarded()
  @Mutation(() => PromiseApprovalRequest, {
    description: 'Asks a supervisor to allow promising one customer more than the template; waits in promiseApprovalRequests.',
  })
  requestPromiseApproval(
    @Arg('input', () => RequestPromiseApprovalInput) input: RequestPromiseApprovalInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<PromiseApprovalRequest> {
    return this.requests.request(identity, input);
  }

  @Guarded()
  @Mutation(() => PromiseApprovalRequest, { description: 'A supervisor answers a waiting request: approve (records the approval) or decline with a note.' })
  decidePromiseApproval(
    @Arg('input', () => DecidePromiseApprovalInput) input: DecidePromiseApprovalInput,
    @Ctx() { identity }: RequestContext,
  ): Promise<PromiseApprovalRequest> {
    return this.requests.decide(identity, input);
  }

  @Guarded()
  @Query(() => PromiseApprovalRequestConnection, {
    description: 'Promise approval requests, oldest first (status AWAITING_SUPERVISOR: what waits for a supervisor); a SALES person sees only their own.',
  })
  promiseApprovalRequests(
    @Args(() => PromiseApprovalRequestSearchArgs) args: PromiseApprovalRequestSearchArgs,
    @Ctx() { identity }: RequestContext,
  ): Promise<PromiseApprovalRequestConnection> {
    return this.requests.search(identity, args);
  }
}
