import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(__dirname, 'locales');
const SRC = join(__dirname, '..');

type Catalogue = Record<string, unknown>;
const read = (language: string, namespace: string): Catalogue => JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8'));

/** Every leaf key of a catalogue ("a.b.c"); plural forms count as their base key. */
function keys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as Catalogue, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

const namespaces = (language: string) =>
  readdirSync(join(LOCALES, language))
    .map((file: string) => file.replace(/\.json$/, ''))
    .sort();

describe('message catalogues', () => {
  it('have the same namespaces in Chinese and English', () => {
    expect(namespaces('en')).toEqual(namespaces('zh-CN'));
  });

  it.each(namespaces('zh-CN'))('%s: every key exists in both languages, with text', (namespace: string) => {
    const zh = read('zh-CN', namespace);
    const en = read('en', namespace);
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zh))].sort());
    for (const [language, catalogue] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const empty = keys(catalogue).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part] ?? (node as Catalogue | undefined)?.[`${part}_other`], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it('label every value of every enum the console’s operations use', () => {
    // Generated from the supergraph by `npm run console:codegen` (enumsAsTypes): `export type X = | 'A' | 'B';`
    const generated = readFileSync(join(SRC, 'gql/graphql.ts'), 'utf8');
    const enums = [...generated.matchAll(/export type (\w+) =\n((?:\s+\| '[A-Z0-9_]+'\n?)+);/g)].map(([, name, values]) => ({
      name: name!,
      values: [...values!.matchAll(/'([A-Z0-9_]+)'/g)].map((match) => match[1]!),
    }));
    expect(enums.length).toBeGreaterThan(10);
    const labels = read('zh-CN', 'enums') as Record<string, Record<string, string>>;
    const missing = enums.flatMap(({ name, values }) => values.filter((value) => !labels[name]?.[value]).map((value) => `${name}.${value}`));
    expect(missing).toEqual([]);
  });

  // Every error code has its sentence: src/lib/errors.test.ts, keyed by libs/error-codes.
});

describe('the keys the screens use', () => {
  /** Does `key` (a.b.c) exist in the catalogue, as itself or as plural forms? */
  const has = (catalogue: Catalogue, key: string) => {
    const parts = key.split('.');
    const last = parts.pop()!;
    const parent = parts.reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part], catalogue) as Catalogue | undefined;
    return !!parent && (typeof parent[last] === 'string' || typeof parent[`${last}_other`] === 'string');
  };
  const sources: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== 'gql') walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.push(path);
    }
  };
  walk(SRC);

  it.each(sources.map((path) => [path.slice(SRC.length + 1), path]))('%s: every literal t() key exists in both languages', (_name: string, path: string) => {
    const text = readFileSync(path, 'utf8');
    // The file's own namespace: useTranslation('<ns>'); module-level helpers pass { ns: '<ns>' }.
    const namespace = /useTranslation\('([\w-]+)'\)/.exec(text)?.[1] ?? /ns: '([\w-]+)'/.exec(text)?.[1] ?? 'common';
    const missing: string[] = [];
    for (const match of text.matchAll(/\bt\('([\w.:-]+)'/g)) {
      const [ns, key] = match[1]!.includes(':') ? match[1]!.split(':') : [namespace, match[1]!];
      for (const language of ['zh-CN', 'en']) {
        let catalogue: Catalogue;
        try {
          catalogue = read(language, ns!);
        } catch {
          missing.push(`${language}/${ns} (no catalogue)`);
          continue;
        }
        if (!has(catalogue, key!)) missing.push(`${language}/${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
