import type { FetcherHeaders } from '@apollo/utils.fetcher';

/**
 * The headers of one subgraph request or reply, as @apollo/gateway's data-source hooks see them (`FetcherHeaders`):
 * names are case-insensitive, a repeated header is joined with ", ". Node's WHATWG `Headers` does the same with a
 * Web IDL conversion on every call and sorts on every walk; four of each per 360 showed up in the gateway's profile.
 * Names are kept lower-cased, in the order they were first set.
 */
export class PlainHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  /** A reply's headers as Node gives them (`IncomingHttpHeaders`: lower-cased, a list for a repeated header). */
  static of(headers: Record<string, string | string[] | undefined>): PlainHeaders {
    const plain = new PlainHeaders();
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) plain.append(name, one);
    }
    return plain;
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const had = this.byName.get(key);
    this.byName.set(key, had === undefined ? value : `${had}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  values(): IterableIterator<string> {
    return this.byName.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}
