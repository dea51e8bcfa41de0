import { randomUUID } from 'node:crypto';
import { LiabilityDetermined, ReplacementOrdered, Topics } from '@aftercare/event-contracts';
import { DispatchDriver, inDays } from '../service-dispatch.spec-support';

describe('work orders other services ask for (dispatch, real PostgreSQL and Kafka)', () => {
  let dispatch: DispatchDriver;

  const bySource = (prefix: string) =>
    dispatch.dataSource.query(
      `SELECT type, status, customer_id, order_id, contract_id, city, brand, product_model, serial, stages, to_char(preferred_date, 'YYYY-MM-DD') AS preferred_date
         FROM work_order WHERE source_ref LIKE $1 ORDER BY preferred_date`,
      [`${prefix}%`],
    );

  beforeAll(async () => {
    dispatch = await DispatchDriver.start();
  });

  afterAll(() => dispatch?.stop());

  it('opens a consumable replacement for a ReplacementOrdered, once however often it is republished', async () => {
    const payload = {
      replacementOrderId: randomUUID(),
      customerId: randomUUID(),
      brand: 'PHILIPS',
      productModel: 'AquaPure X5',
      stages: ['sediment', 'carbon'],
      city: 'Suzhou',
      address: '1 Garden Road',
      preferredDate: inDays(5),
      amountCents: 9800,
      deviceId: randomUUID(),
      serial: 'PX5-7781',
      stagePrices: [
        { name: 'sediment', priceCents: 3000 },
        { name: 'carbon', priceCents: 6800 },
      ],
    };
    await dispatch.playAndApply(Topics['value-added'], ReplacementOrdered.create(payload.replacementOrderId, payload));
    await dispatch.playAndApply(Topics['value-added'], ReplacementOrdered.create(payload.replacementOrderId, payload));
    expect(await bySource(`replacement:${payload.replacementOrderId}`)).toEqual([
      {
        type: 'CONSUMABLE_REPLACEMENT',
        status: 'CREATED',
        customer_id: payload.customerId,
        order_id: payload.replacementOrderId,
        contract_id: null,
        city: 'Suzhou',
        brand: 'PHILIPS',
        product_model: 'AquaPure X5',
        serial: 'PX5-7781',
        stages: ['sediment', 'carbon'],
        preferred_date: inDays(5),
      },
    ]);
  });

  it('opens a rework at the same site when installation liability requires it, and nothing otherwise', async () => {
    const original = await dispatch.createWorkOrder({ city: 'Wuxi', siteAddress: '3 Lake Road' });
    const liability = (reworkRequired: boolean, complaintId = randomUUID()) =>
      LiabilityDetermined.create(complaintId, {
        complaintId,
        customerId: original['customerId'] as string,
        workOrderId: original.id,
        liability: 'INSTALLATION',
        engineerId: randomUUID(),
        reworkRequired,
        brand: 'PHILIPS',
        productModel: 'AquaPure X5',
      });
    const noRework = liability(false);
    await dispatch.playAndApply(Topics.complaints, noRework);
    expect(await bySource(`rework:${noRework.payload.complaintId}`)).toEqual([]);

    const rework = liability(true);
    await dispatch.playAndApply(Topics.complaints, rework);
    await dispatch.playAndApply(Topics.complaints, LiabilityDetermined.create(rework.aggregateId, rework.payload));
    expect(await bySource(`rework:${rework.payload.complaintId}`)).toEqual([
      expect.objectContaining({ type: 'REWORK', serial: null, status: 'CREATED', customer_id: original['customerId'], city: 'Wuxi', brand: 'PHILIPS' }),
    ]);
  });
});
