import { randomUUID } from 'node:crypto';
import { eventually, Platform, startPlatform } from '@aftercare/testing';

const REGISTER_SALESPERSON = `mutation ($input: RegisterSalespersonInput!) { registerSalesperson(input: $input) { id staffUserId } }`;
const SET_PRICE = `mutation { setReferencePrice(input: { region: "Shanghai", businessType: RESTAURANT, serviceItem: "COCKROACH", referencePriceCents: 50000, bandPercent: 20 }) { floorCents } }`;
const SET_TEMPLATE = `mutation { setPromiseTemplate(input: { businessType: RESTAURANT, visitsPerMonth: 2, qualityStandard: STANDARD }) { businessType } }`;
const CREATE_CUSTOMER = `mutation { createCustomer(input: { name: "Golden Dragon", phone: "13800001111", city: "Shanghai", address: "1 Nanjing Road", businessType: RESTAURANT, scale: 3, influence: 2, grade: C }) { id owner { staffUserId } } }`;
const MY_CUSTOMERS = `query { customers(first: 20) { edges { node { id } } } }`;
const CREATE_CONTRACT = `mutation ($customerId: ID!) {
  createContract(input: { customerId: $customerId, siteAddress: "1 Nanjing Road", signedAreaM2: 200, startsOn: "2026-12-01", serviceItems: [{ item: "COCKROACH", priceCents: 45000 }], visitsPerMonth: 2, qualityStandard: STANDARD }) { id }
}`;
const REVIEW = `mutation ($id: ID!) { reviewContract(input: { contractId: $id, decision: APPROVE, findings: [] }) { status } }`;
const OPEN = `mutation ($input: OpenDisputeInput!) { openDispute(input: $input) { id status } }`;
const EVIDENCE = `mutation ($id: ID!, $side: DisputeSide!) { fileDisputeEvidence(disputeId: $id, input: { side: $side, content: "Our side, on record." }) { id } }`;
const RULE = `mutation ($id: ID!) { ruleDispute(disputeId: $id, input: { ruling: SERVICE_FULFILS, note: "Rodent control is priced in the contract" }) { status } }`;
const CONTRACT = `query ($id: ID!) { contract(id: $id) { disputed disputeRuling openDisputeIds } }`;

type Contract = { contract: { disputed: boolean; disputeRuling: string | null; openDisputeIds: string[] } };

/**
 * A dispute opened by hand reaches the contract, through the gateway: a salesperson whose token `sub` is "e2e-sales"
 * (not a uuid) signs a contract, complaints learns it from ContractSigned, an agent opens a bundled-item dispute, sales
 * marks the contract from DisputeOpened, and the supervisor's ruling comes back as disputeRuling.
 */
describe('a dispute opened by hand marks the contract and carries the ruling back', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('e2e-disputes');
  });

  afterAll(() => platform?.stop());

  it('marks the contract disputed and shows the ruling', async () => {
    const ok = async <T>(roles: Parameters<Platform['asStaff']>[0], query: string, variables: Record<string, unknown> = {}) => {
      const response = await platform.asStaff<T>(roles, query, variables);
      expect(response.errors).toBeUndefined();
      return response.data!;
    };
    // The platform's SALES token carries sub "e2e-sales": that staff user is this salesperson.
    await ok(['ADMIN'], REGISTER_SALESPERSON, { input: { name: 'E2E Sales', team: 'East', staffUserId: 'e2e-sales' } });
    await ok(['ADMIN'], SET_PRICE);
    await ok(['ADMIN'], SET_TEMPLATE);
    const { createCustomer } = await ok<{ createCustomer: { id: string; owner: { staffUserId: string } } }>(['SALES'], CREATE_CUSTOMER);
    expect(createCustomer.owner.staffUserId).toBe('e2e-sales');
    expect((await ok<{ customers: { edges: { node: { id: string } }[] } }>(['SALES'], MY_CUSTOMERS)).customers.edges.map((edge) => edge.node.id)).toEqual([
      createCustomer.id,
    ]);

    const { createContract } = await ok<{ createContract: { id: string } }>(['SALES'], CREATE_CONTRACT, { customerId: createCustomer.id });
    const contractId = createContract.id;
    await ok(['SUPERVISOR'], REVIEW, { id: contractId });

    const input = { contractId, customerId: createCustomer.id, reason: 'BUNDLED_ITEM', description: 'Rodent control was promised for free at signing' };
    const unknown = await platform.asStaff(['COMPLAINTS_AGENT'], OPEN, { input: { ...input, contractId: randomUUID() } });
    expect(unknown.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
    const dispute = await eventually(async () => (await ok<{ openDispute: { id: string } }>(['COMPLAINTS_AGENT'], OPEN, { input })).openDispute, 30000);

    await eventually(
      async () =>
        expect((await ok<Contract>(['SALES'], CONTRACT, { id: contractId })).contract).toEqual({
          disputed: true,
          disputeRuling: null,
          openDisputeIds: [dispute.id],
        }),
      30000,
    );
    await ok(['SALES'], EVIDENCE, { id: dispute.id, side: 'SALES' });
    await ok(['DISPATCHER'], EVIDENCE, { id: dispute.id, side: 'SERVICE' });
    expect((await ok<{ ruleDispute: { status: string } }>(['SUPERVISOR'], RULE, { id: dispute.id })).ruleDispute.status).toBe('RULED');
    await eventually(
      async () =>
        expect((await ok<Contract>(['SALES'], CONTRACT, { id: contractId })).contract).toEqual({
          disputed: false,
          disputeRuling: 'SERVICE_FULFILS',
          openDisputeIds: [],
        }),
      30000,
    );
  });
});
