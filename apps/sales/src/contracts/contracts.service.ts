import { DataSource, EntityManager } from 'typeorm';
import { AreaMeasuredPayload, ContractDisputed, ContractSigned, DisputeOpenedPayload, DisputeRuledPayload, EventEnvelope } from '@aftercare/event-contracts';
import type { Identity } from '@aftercare/identity';
import { Outbox } from '@aftercare/messaging';
import { findByIds, findReferencing, isUniqueViolation } from '@aftercare/persistence';
import { SalesErrorCodes } from '@aftercare/error-codes';
import { badInput, DomainError, ErrorCodes, Injectable, notFound } from '@aftercare/subgraph';
import { inScope, staffId } from '../customers/customer-access';
import { CustomersService } from '../customers/customers.service';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { ValueIndexService } from '../value-index/value-index.service';
import { Contract } from './contract.entity';
import { ApprovePromiseInput, CreateContractInput, ReviewContractInput } from './contract.inputs';
import { checkPricing, exceeds, requireTemplate, specialReasons } from './guardrails';
import { PromiseApproval } from './promise-approval.entity';

const ONE_APPROVAL_PER_CONTRACT = 'uq_contract_promise_approval';

function promiseExceedsTemplate(): DomainError {
  return new DomainError(SalesErrorCodes.PROMISE_EXCEEDS_TEMPLATE, 'The promise exceeds the standard template and has no matching supervisor approval');
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly referenceData: ReferenceDataService,
    private readonly valueIndex: ValueIndexService,
    private readonly outbox: Outbox,
  ) {}

  async approvePromise(identity: Identity, input: ApprovePromiseInput): Promise<PromiseApproval> {
    await this.customers.getVisible(identity, input.customerId);
    const repository = this.dataSource.getRepository(PromiseApproval);
    return repository.save(repository.create({ ...input, note: input.note.trim(), approvedBy: staffId(identity) }));
  }

  /** The guardrails run here, before anything is stored: a contract that breaks one is never written. */
  async create(identity: Identity, input: CreateContractInput): Promise<Contract> {
    const customer = await this.customers.getVisible(identity, input.customerId);
    const items = input.serviceItems.map((item) => ({ item: item.item.toUpperCase(), priceCents: item.priceCents }));
    if (new Set(items.map((item) => item.item)).size !== items.length) throw badInput('Each service item may appear once', 'serviceItems');
    const where = { region: customer.region, businessType: customer.businessType };
    const promise = { visitsPerMonth: input.visitsPerMonth, qualityStandard: input.qualityStandard };
    try {
      return await this.dataSource.transaction(async (manager) => {
        const references = await this.referenceData.referencePricesFor(
          manager,
          where.region,
          where.businessType,
          items.map((item) => item.item),
        );
        const referenceMonthlyCents = checkPricing(items, references, where);
        const template = requireTemplate(await this.referenceData.promiseTemplate(manager, where.businessType), where.businessType);
        const overPromised = exceeds(promise, template);
        if (overPromised) await this.requireApproval(manager, input.promiseApprovalId, customer.id, promise);
        const monthlyPriceCents = items.reduce((sum, item) => sum + item.priceCents, 0);
        const reasons = specialReasons(monthlyPriceCents, referenceMonthlyCents, promise, template);
        const repository = manager.getRepository(Contract);
        return repository.save(
          repository.create({
            customerId: customer.id,
            ...where,
            city: input.city?.trim() ?? customer.city,
            siteAddress: input.siteAddress.trim(),
            signedAreaM2: input.signedAreaM2,
            serviceItems: items,
            ...promise,
            monthlyPriceCents,
            referenceMonthlyCents,
            startsOn: input.startsOn,
            promiseApprovalId: overPromised ? input.promiseApprovalId : null,
            specialCustomer: reasons.length > 0,
            specialReasons: reasons,
            areaTolerancePercent: await this.referenceData.areaTolerancePercent(manager),
            createdBy: staffId(identity),
          }),
        );
      });
    } catch (error) {
      // An approval covers one contract: a second contract citing it has no approval of its own.
      if (isUniqueViolation(error, ONE_APPROVAL_PER_CONTRACT)) throw promiseExceedsTemplate();
      throw error;
    }
  }

  /** Archive review: approving makes the contract active and tells dispatch to schedule its visits. */
  async review(identity: Identity, input: ReviewContractInput): Promise<Contract> {
    const findings = input.findings.map((finding) => finding.trim()).filter(Boolean);
    if (input.decision === 'REJECT' && findings.length === 0) throw badInput('A rejection needs at least one finding', 'findings');
    return this.dataSource.transaction(async (manager) => {
      const contract = await manager.getRepository(Contract).findOne({ where: { id: input.contractId }, lock: { mode: 'pessimistic_write' } });
      if (!contract) throw notFound('Contract', input.contractId);
      if (contract.status !== 'PENDING_REVIEW') {
        throw new DomainError(ErrorCodes.INVALID_STATE_TRANSITION, `Contract ${contract.id} is ${contract.status}, not awaiting review`, {
          status: contract.status,
        });
      }
      contract.status = input.decision === 'APPROVE' ? 'ACTIVE' : 'REJECTED';
      contract.reviewFindings = findings;
      contract.reviewedBy = staffId(identity);
      contract.reviewedAt = new Date();
      await manager.save(contract);
      if (contract.status === 'ACTIVE') {
        await this.outbox.record(manager, ContractSigned.create(contract.id, this.signedPayload(contract)));
        await this.valueIndex.recompute(manager, [contract.customerId]);
      }
      return contract;
    });
  }

  /** A measured area outside the tolerance opens a dispute once; complaints runs the investigation. */
  async onAreaMeasured(event: EventEnvelope<'AreaMeasured', AreaMeasuredPayload>, manager: EntityManager): Promise<void> {
    const { contractId, measuredAreaM2, workOrderId } = event.payload;
    const [contract] = await findByIds(manager.getRepository(Contract), [contractId]);
    if (!contract) return;
    const deviationPercent = (Math.abs(measuredAreaM2 - contract.signedAreaM2) / contract.signedAreaM2) * 100;
    const beyond = deviationPercent > contract.areaTolerancePercent;
    const updated = await manager
      .createQueryBuilder()
      .update(Contract)
      .set(beyond ? { measuredAreaM2, disputed: true, areaMismatchReported: true } : { measuredAreaM2 })
      .where('id = :id', { id: contract.id })
      // Once per mismatch until its ruling — whether or not a dispute for another reason is open meanwhile.
      .andWhere(beyond ? 'area_mismatch_reported = false' : 'TRUE')
      .execute();
    if (!beyond || updated.affected !== 1) return;
    await this.outbox.record(
      manager,
      ContractDisputed.create(contract.id, {
        contractId: contract.id,
        customerId: contract.customerId,
        reason: 'AREA_MISMATCH',
        signedAreaM2: contract.signedAreaM2,
        measuredAreaM2,
        workOrderId,
      }),
    );
  }

  /**
   * Complaints opened a dispute about the contract — by hand (bundled item, over-promise) or from our own
   * ContractDisputed: the contract is in dispute until that dispute is ruled. A redelivery changes nothing.
   */
  async onDisputeOpened(event: EventEnvelope<'DisputeOpened', DisputeOpenedPayload>, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE contract SET disputed = true, open_dispute_ids = array_append(open_dispute_ids, $2::uuid)
       WHERE id = $1 AND NOT ($2::uuid = ANY(open_dispute_ids))`,
      [event.payload.contractId, event.payload.disputeId],
    );
  }

  /**
   * The investigation ruled: the ruling is on the contract, and it leaves dispute unless another dispute about it
   * is still open (an amendment, if ruled, is a new contract). A ruling without a reason (published before
   * reasons were carried) was an area mismatch, the only dispute then.
   */
  async onDisputeRuled(event: EventEnvelope<'DisputeRuled', DisputeRuledPayload>, manager: EntityManager): Promise<void> {
    const { contractId, disputeId, ruling, reason } = event.payload;
    await manager.query(
      `UPDATE contract SET
         open_dispute_ids = array_remove(open_dispute_ids, $2::uuid),
         area_mismatch_reported = CASE WHEN $4::text IS NULL OR $4 = 'AREA_MISMATCH' THEN false ELSE area_mismatch_reported END,
         dispute_ruling = $3
       WHERE id = $1`,
      [contractId, disputeId, ruling, reason ?? null],
    );
    await manager.query(`UPDATE contract SET disputed = (cardinality(open_dispute_ids) > 0 OR area_mismatch_reported) WHERE id = $1`, [contractId]);
  }

  async getVisible(identity: Identity, id: string): Promise<Contract> {
    const [contract] = await this.findByIds([id]);
    const customer = contract && (await this.customers.findByIds([contract.customerId]))[0];
    if (!contract || !customer || !inScope(await this.customers.keptScope(identity), customer)) throw notFound('Contract', id);
    return contract;
  }

  findByIds(ids: readonly string[]): Promise<Contract[]> {
    return findByIds(this.dataSource.getRepository(Contract), ids);
  }

  findByCustomerIds(customerIds: readonly string[]): Promise<Contract[]> {
    return findReferencing(this.dataSource.getRepository(Contract), 'customerId', customerIds, { createdAt: 'ASC' });
  }

  private async requireApproval(
    manager: EntityManager,
    approvalId: string | null | undefined,
    customerId: string,
    promise: { visitsPerMonth: number; qualityStandard: PromiseApproval['qualityStandard'] },
  ): Promise<void> {
    const [approval] = approvalId ? await findByIds(manager.getRepository(PromiseApproval), [approvalId]) : [];
    if (!approval || approval.customerId !== customerId || exceeds(promise, approval)) throw promiseExceedsTemplate();
  }

  private signedPayload(contract: Contract) {
    return {
      contractId: contract.id,
      customerId: contract.customerId,
      city: contract.city,
      siteAddress: contract.siteAddress,
      businessType: contract.businessType,
      signedAreaM2: contract.signedAreaM2,
      areaTolerance: contract.areaTolerancePercent / 100,
      serviceItems: contract.serviceItems,
      visitsPerMonth: contract.visitsPerMonth,
      qualityStandard: contract.qualityStandard,
      monthlyPriceCents: contract.monthlyPriceCents,
      startsOn: contract.startsOn,
    };
  }
}
