import { eventually, Platform, startPlatform } from '@aftercare/testing';
import { installOrderInput, REGISTER_PARTNER, RegisteredPartner, SUBMIT_INSTALL_ORDER, SubmittedOrder } from './support/operations';

const ORDER = `query ($id: ID!) {
  order(id: $id) {
    customer { id }
    workOrders { id type status }
    complaints { id status liability customer { name } }
  }
}`;
const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id brand productModel } }`;
const CONTACT = `mutation ($id: ID!) { recordContact(id: $id, input: { content: "Water under the sink since the install." }) { status } }`;
const LIABILITY = `mutation ($id: ID!) {
  determineLiability(id: $id, input: { liability: INSTALLATION, finding: "Inlet fitting not tightened" }) { status liability responsibleDepartment }
}`;

type OrderView = {
  order: {
    customer: { id: string };
    workOrders: { id: string; type: string; status: string }[];
    complaints: { id: string; status: string; liability: string | null; customer: { name: string } }[];
  };
};

/**
 * Liability → rework across the platform: a partner order becomes an install in dispatch; complaints
 * learns both from events; the agent finds installation liability; dispatch opens the rework, and the
 * order shows it next to the complaint in one query through the gateway.
 */
describe('a complaint with installation liability brings a rework work order', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('e2e-complaints');
  });

  afterAll(() => platform?.stop());

  it('files against the install, determines INSTALLATION liability, and the rework appears in dispatch', async () => {
    const registered = await platform.asStaff<RegisteredPartner>(['ADMIN'], REGISTER_PARTNER, { input: { code: 'PHILIPS', name: 'Philips Water' } });
    const apiKey = registered.data!.registerPartner.apiKey;
    const submitted = await platform.asPartner<SubmittedOrder>(apiKey, SUBMIT_INSTALL_ORDER, { input: installOrderInput('PH-2026-0900') });
    const orderId = submitted.data!.submitInstallOrder.id;

    const placed = await eventually(async () => {
      const response = await platform.asStaff<OrderView>(['DISPATCHER'], ORDER, { id: orderId });
      expect(response.data!.order.workOrders).toHaveLength(1);
      return response.data!.order;
    }, 30000);
    const install = placed.workOrders[0];

    // Complaints knows the order and its work order once their events have arrived.
    const complaint = await eventually(async () => {
      const response = await platform.asStaff<{ fileComplaint: { id: string; brand: string; productModel: string } }>(['COMPLAINTS_AGENT'], FILE, {
        input: {
          category: 'SERVICE',
          customerId: placed.customer.id,
          workOrderId: install.id,
          summary: 'The kitchen floor is wet since the installation.',
          proposedSolution: 'An engineer comes back tomorrow to stop the leak.',
          involvesLiability: true,
        },
      });
      expect(response.errors).toBeUndefined();
      return response.data!.fileComplaint;
    }, 30000);
    expect(complaint).toMatchObject({ brand: 'PHILIPS', productModel: 'AquaPure X5' });

    expect((await platform.asStaff(['COMPLAINTS_AGENT'], CONTACT, { id: complaint.id })).errors).toBeUndefined();
    const liable = await platform.asStaff<{ determineLiability: Record<string, unknown> }>(['COMPLAINTS_AGENT'], LIABILITY, { id: complaint.id });
    expect(liable.data!.determineLiability).toEqual({ status: 'INVESTIGATING', liability: 'INSTALLATION', responsibleDepartment: 'Field service' });

    const reworked = await eventually(async () => {
      const response = await platform.asStaff<OrderView>(['DISPATCHER'], ORDER, { id: orderId });
      expect(response.errors).toBeUndefined();
      expect(response.data!.order.workOrders.map((workOrder) => workOrder.type).sort()).toEqual(['INSTALL', 'REWORK']);
      return response.data!.order;
    }, 30000);
    expect(reworked.complaints).toEqual([{ id: complaint.id, status: 'INVESTIGATING', liability: 'INSTALLATION', customer: { name: 'Zhao Lei' } }]);
  });
});
