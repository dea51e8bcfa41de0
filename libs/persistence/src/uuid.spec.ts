import { onlyUuids } from './uuid';

describe('onlyUuids', () => {
  it('keeps uuids, in either case, and drops whatever PostgreSQL would refuse as uuid syntax', () => {
    const id = '0b6f1c1e-5d0a-4a57-9a35-3c4f0f1f2b7e';
    expect(onlyUuids([id, id.toUpperCase(), 'not-a-uuid', '', `${id} `, 'E-17', id.replace(/-/g, '')])).toEqual([id, id.toUpperCase()]);
  });
});
