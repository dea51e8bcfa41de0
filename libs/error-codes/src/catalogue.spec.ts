import { ALL_ERROR_CODES, ErrorCatalogue, GenericErrorCodes, isErrorCode, SalesErrorCodes } from './catalogue';

describe('error code catalogue', () => {
  it('maps each code to itself, so a throw site names the constant and the wire carries the code', () => {
    expect(SalesErrorCodes.PRICE_BELOW_FLOOR).toBe('PRICE_BELOW_FLOOR');
    expect(GenericErrorCodes.INVALID_STATE_TRANSITION).toBe('INVALID_STATE_TRANSITION');
  });

  it('gives each business code to one owner only, apart from the generic ones', () => {
    const owners = new Map<string, string[]>();
    for (const [owner, codes] of Object.entries(ErrorCatalogue))
      for (const code of Object.values(codes)) owners.set(code, [...(owners.get(code) ?? []), owner]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
    expect(ALL_ERROR_CODES.length).toBe(owners.size);
  });

  it('tells catalogued codes from others', () => {
    expect(isErrorCode('OPINION_REQUIRED')).toBe(true);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
