import { errorCodes, Platform, postGraphql, signGatewayIdentityForTest, staff, startPlatform } from '@aftercare/testing';
import { REGISTER_PARTNER } from './support/operations';

describe('the gateway at the edge', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('e2e-edge');
  });

  afterAll(() => platform?.stop());

  it('ignores an identity header a client forges, so the request stays anonymous', async () => {
    const forged = await signGatewayIdentityForTest(staff('ADMIN'));
    const response = await postGraphql(
      platform.gatewayUrl,
      REGISTER_PARTNER,
      { input: { code: 'FORGED', name: 'Forged' } },
      {
        'x-aftercare-identity': forged,
      },
    );
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers 401 for a bad bearer token', async () => {
    const response = await postGraphql(platform.gatewayUrl, '{ __typename }', {}, { authorization: 'Bearer not.a.jwt' });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a role the operation does not admit', async () => {
    const response = await platform.asStaff(['SALES'], REGISTER_PARTNER, { input: { code: 'NOPE', name: 'Nope' } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('is ready only while every subgraph is', async () => {
    const ready = await fetch(`${platform.gatewayBase}/health/ready`);
    expect(ready.status).toBe(200);

    await platform.services['value-added'].stop();
    const degraded = await fetch(`${platform.gatewayBase}/health/ready`);
    expect(degraded.status).toBe(503);
    const body = (await degraded.json()) as { subgraphs: { name: string; ready: boolean }[] };
    expect(body.subgraphs.filter((subgraph) => !subgraph.ready).map((subgraph) => subgraph.name)).toEqual(['value-added']);
  });
});
