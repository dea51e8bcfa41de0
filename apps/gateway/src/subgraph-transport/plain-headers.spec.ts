import { PlainHeaders } from './plain-headers';

describe('PlainHeaders', () => {
  it('answers as the WHATWG Headers do for every call the data source makes', () => {
    const ours = new PlainHeaders();
    const web = new Headers();
    for (const headers of [ours, web]) {
      headers.set('Content-Type', 'application/json');
      headers.append('X-Trace', 'a');
      headers.append('x-trace', 'b');
      headers.set('x-aftercare-identity', 'token');
      headers.delete('X-AFTERCARE-IDENTITY');
    }
    for (const name of ['content-type', 'CONTENT-TYPE', 'x-trace', 'x-aftercare-identity', 'missing']) {
      expect(ours.get(name)).toBe(web.get(name));
      expect(ours.has(name)).toBe(web.has(name));
    }
    const sorted = (entries: Iterable<[string, string]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(ours)).toEqual(sorted(web));
    expect(sorted(ours.entries())).toEqual(sorted(web.entries()));
    expect([...ours.keys()].sort()).toEqual([...web.keys()].sort());
    expect([...ours.values()].sort()).toEqual([...web.values()].sort());
  });

  it('reads a reply as Node gives it: lower-cased names, a list for a repeated header, nothing for an unset one', () => {
    const reply = PlainHeaders.of({ 'content-type': 'application/json; charset=utf-8', 'set-cookie': ['a=1', 'b=2'], vary: undefined });
    expect(reply.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(reply.get('set-cookie')).toBe('a=1, b=2');
    expect(reply.has('vary')).toBe(false);
    expect(Object.fromEntries(reply)).toEqual({ 'content-type': 'application/json; charset=utf-8', 'set-cookie': 'a=1, b=2' });
  });
});
