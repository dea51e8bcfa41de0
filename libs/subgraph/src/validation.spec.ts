import { validate } from 'class-validator';
import { IsPhone, normalisePhone } from './validation';

class Contact {
  @IsPhone()
  phone: string;
}

async function phoneErrors(phone: string): Promise<string[]> {
  const errors = await validate(Object.assign(new Contact(), { phone }));
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('normalisePhone', () => {
  it('drops the +86 or 86 country code of a mobile', () => {
    expect(normalisePhone('+8613800138000')).toBe('13800138000');
    expect(normalisePhone('8613800138000')).toBe('13800138000');
    expect(normalisePhone('+86 138 0013 8000')).toBe('13800138000');
  });

  it('keeps only the digits of a number written with dashes or spaces', () => {
    expect(normalisePhone('138-0013-8000')).toBe('13800138000');
    expect(normalisePhone(' 138 0013 8000 ')).toBe('13800138000');
    expect(normalisePhone('13800138000')).toBe('13800138000');
  });

  it('keeps a landline with its area code', () => {
    expect(normalisePhone('021-12345678')).toBe('02112345678');
    expect(normalisePhone('0755 1234567')).toBe('07551234567');
  });
});

describe('IsPhone', () => {
  it.each([
    '13800138000',
    '19912345678',
    '+8613800138000',
    '8613800138000',
    '021-12345678',
    '02112345678',
    '0755-1234567',
    '138-0013-8000',
    '+86 138 0013 8000',
    '(021) 1234-5678',
  ])('accepts %s', async (phone) => {
    expect(await phoneErrors(phone)).toEqual([]);
  });

  it.each([
    ['too short', '12345'],
    ['a mobile not starting 13–19', '12800138000'],
    ['a mobile one digit short', '1380013800'],
    ['a mobile one digit long', '138001380001'],
    ['another country code', '+4413800138000'],
    ['a landline without its leading 0', '21-12345678'],
    ['a landline too short', '021-123456'],
    ['letters around the number', 'tel:13800138000'],
    ['nothing', ''],
  ])('rejects %s (%s), saying what it expects', async (_case, phone) => {
    expect(await phoneErrors(phone)).toEqual(['phone must be a mobile number (13800138000) or a landline with area code (021-12345678)']);
  });
});
