import { describe, expect, it } from 'vitest';
import { staffSessionFromToken } from './session';

const base64url = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('a staff token read by the console', () => {
  it('keeps a Chinese name as written (the payload is UTF-8)', () => {
    const token = `${base64url({ alg: 'HS256' })}.${base64url({ sub: 'demo-sales', name: '演示销售', roles: ['SALES'], exp: Math.floor(Date.now() / 1000) + 600 })}.sig`;
    const session = staffSessionFromToken(token);
    expect(session.kind === 'staff' && session.name).toBe('演示销售');
  });
});
