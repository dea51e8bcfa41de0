import { Matches, ValidateBy, ValidationOptions } from 'class-validator';

/** Rejects empty and whitespace-only strings, which `@IsNotEmpty` lets through. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}

/** Mainland China mobile (optionally +86) or a landline with its area code, once separators are removed. */
export const PHONE_PATTERN = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{9,11})$/;
/** People write 138-0013-8000, +86 138 0013 8000 or (021) 1234-5678; the separators carry no meaning. */
const PHONE_SEPARATORS = /[\s\-().]/g;

export function isPhone(value: unknown): boolean {
  return typeof value === 'string' && PHONE_PATTERN.test(value.replace(PHONE_SEPARATORS, ''));
}

export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: isPhone,
        defaultMessage: () => '$property must be a mobile number (13800138000) or a landline with area code (021-12345678)',
      },
    },
    options,
  );
}

/**
 * One line, one spelling: +86 13800138000, 138-0013-8000 and 13800138000 all become 13800138000, so a
 * person (or an engineer) is found however the number was typed. Digits only; a landline keeps its area code.
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id this API issues is a UUID; cursors and the input guard reject anything else before it reaches SQL. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
