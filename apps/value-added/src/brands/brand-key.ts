/** Brands arrive spelt differently by partners, dispatch and plans ("Philips", "PHILIPS "); one key compares them. */
export function brandKey(brand: string): string {
  return brand.trim().toUpperCase();
}
