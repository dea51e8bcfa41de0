import { randomUUID } from 'node:crypto';
import type { StaffIdentity } from '@aftercare/identity';
import { ServiceUnderTest, staff } from '@aftercare/testing';

/** Shared by this service's specs: the people and cards most scenarios start from. */
export const admin = staff('ADMIN');
export const supervisor = staff('SUPERVISOR');

export const REGISTER_SALESPERSON = `mutation ($input: RegisterSalespersonInput!) { registerSalesperson(input: $input) { id name team status staffUserId } }`;
const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id grade region businessType key owner { id } } }`;

/** A SALES person registered without a staff user of their own: their token's `sub` is their Salesperson id. */
export function salesperson(id: string): StaffIdentity {
  return { ...staff('SALES'), userId: id };
}

export async function registerSalesperson(sales: ServiceUnderTest, team = 'East', staffUserId?: string): Promise<string> {
  const response = await sales.graphql<{ registerSalesperson: { id: string } }>(
    REGISTER_SALESPERSON,
    { input: { name: `Rep ${randomUUID().slice(0, 4)}`, team, ...(staffUserId ? { staffUserId } : {}) } },
    admin,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.registerSalesperson.id;
}

let phoneSequence = 0;

/** A unique, valid mobile number per call. */
export function uniquePhone(): string {
  phoneSequence += 1;
  return `139${String((Date.now() * 1000 + phoneSequence) % 100000000).padStart(8, '0')}`;
}

export function customerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Golden Dragon ${randomUUID().slice(0, 6)}`,
    phone: uniquePhone(),
    city: 'Shanghai',
    address: '1 Nanjing Road',
    businessType: 'RESTAURANT',
    scale: 3,
    influence: 2,
    grade: 'C',
    ...overrides,
  };
}

export async function createCustomer(sales: ServiceUnderTest, owner: StaffIdentity, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await sales.graphql<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input: customerInput(overrides) }, owner);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.createCustomer.id;
}
