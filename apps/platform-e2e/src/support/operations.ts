/** The operations a partner integration and an admin console send, as they would write them. */
export const REGISTER_PARTNER = `mutation RegisterPartner($input: RegisterPartnerInput!) {
  registerPartner(input: $input) { apiKey partner { id code name } }
}`;

export const SUBMIT_INSTALL_ORDER = `mutation SubmitInstallOrder($input: SubmitInstallOrderInput!) {
  submitInstallOrder(input: $input) { id externalRef status channel }
}`;

export const ORDER_WITH_WORK_ORDERS = `query Order($id: ID!) {
  order(id: $id) { id externalRef status channel customer { name } workOrders { id type status } }
}`;

export const MY_ORDERS = `query MyOrders { myOrders(first: 100) { edges { node { id externalRef } } } }`;

export interface RegisteredPartner {
  registerPartner: { apiKey: string; partner: { id: string; code: string } };
}

export interface SubmittedOrder {
  submitInstallOrder: { id: string; externalRef: string; status: string; channel: string };
}

export interface OrderWithWorkOrders {
  order: {
    id: string;
    externalRef: string;
    status: string;
    channel: string;
    customer: { name: string };
    workOrders: { id: string; type: string; status: string }[];
  };
}

export function installOrderInput(externalRef: string) {
  return {
    externalRef,
    productModel: 'AquaPure X5',
    customer: { name: 'Zhao Lei', phone: '+8613912345678', city: 'Hangzhou', address: '12 West Lake Road' },
    preferredDate: '2026-12-05',
  };
}
