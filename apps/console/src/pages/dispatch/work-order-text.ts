export const productOf = (row: { brand?: string | null; productModel?: string | null }) => [row.brand, row.productModel].filter(Boolean).join(' ') || '—';

/** The cities a dispatcher may pick: where engineers work, where work waits and where the day has appointments. */
export function citiesOf(...lists: (readonly { city?: string | null; homeCity?: string | null }[])[]): string[] {
  return [
    ...new Set(
      lists
        .flat()
        .map((row) => row.city ?? row.homeCity)
        .filter((city): city is string => !!city),
    ),
  ].sort((a, b) => a.localeCompare(b));
}
