import { Matches, ValidationOptions } from 'class-validator';

/** Rejects empty and whitespace-only strings, which `@IsNotEmpty` lets through. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}

/** Mainland China mobile (optionally +86) or a landline with area code, e.g. 021-12345678. */
export const PHONE_PATTERN = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return Matches(PHONE_PATTERN, {
    message: '$property must be a mobile number (13800138000) or a landline with area code (021-12345678)',
    ...options,
  });
}
