import type { DistanceBasis } from '../work-orders/work-order.entity';
import { CITY_REFERENCES, CityReference, DistrictReference, GeoPoint } from './district-reference';

/**
 * Roads wind: the road distance between two points is taken as the great-circle distance times this factor.
 * 1.3 is the usual detour (circuity) factor for road travel within and around Chinese cities; an estimate,
 * used only where nobody measured the road — and the same figure drives the service radius, the tariff's
 * distance band and the self-install refund, so they never disagree.
 */
export const ROAD_DISTANCE_FACTOR = 1.3;

const EARTH_RADIUS_KM = 6371.0088;

export interface SiteDistance {
  km: number;
  basis: Exclude<DistanceBasis, 'DISPATCHER'>;
}

export interface Site {
  city: string;
  address: string;
  /** The partner's coordinates of the site, when sent. */
  latitude?: number | null;
  longitude?: number | null;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance over the earth's mean radius. */
export function greatCircleKm(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLng = radians(to.longitude - from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lower case, apostrophes dropped ("Jing'an" = "Jingan"), every other non-letter a space, so names match on word edges. */
function normalised(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const isLatin = (name: string) => /^[\p{Script=Latin}\p{N}\s'’`]+$/u.test(name);

export function cityReference(city: string): CityReference | undefined {
  const wanted = normalised(city);
  return CITY_REFERENCES.find((reference) => reference.names.some((name) => normalised(name) === wanted));
}

/**
 * The district an address names. English addresses put the district last ("88 Century Avenue, Pudong"), so the
 * last Latin name found wins (a "Huangpu Road, Hongkou" is in Hongkou); Chinese names carry their 区/市/县 suffix,
 * so a road named after a district (黄浦路) is not taken for it.
 */
export function districtOf(city: CityReference, address: string): DistrictReference | undefined {
  const text = normalised(address);
  let found: { district: DistrictReference; at: number } | undefined;
  for (const district of city.districts) {
    for (const name of district.names) {
      const at = isLatin(name) ? text.lastIndexOf(normalised(name)) : address.indexOf(name);
      if (at >= 0 && (!found || at > found.at)) found = { district, at };
    }
  }
  return found?.district;
}

const usable = (value: number | null | undefined, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/**
 * The road distance to a site from the nearest base: the outlet of the site's city and the outlets of the home
 * cities of the engineers who cover it. Measured to the partner's coordinates when sent, otherwise to the
 * reference point of the district the address names; null when neither is known or no base is.
 */
export function estimateSiteDistance(site: Site, engineerHomeCities: readonly string[]): SiteDistance | null {
  const city = cityReference(site.city);
  const bases = [city, ...engineerHomeCities.map(cityReference)]
    .filter((reference): reference is CityReference => Boolean(reference))
    .map((reference) => reference.outlet);
  if (bases.length === 0) return null;
  const sent = usable(site.latitude, 90) && usable(site.longitude, 180);
  const basis: SiteDistance['basis'] = sent ? 'SITE_COORDINATES' : 'DISTRICT_REFERENCE';
  const point: GeoPoint | undefined = sent
    ? { latitude: site.latitude as number, longitude: site.longitude as number }
    : city && districtOf(city, site.address);
  if (!point) return null;
  const nearest = Math.min(...bases.map((base) => greatCircleKm(base, point)));
  return { km: Math.round(nearest * ROAD_DISTANCE_FACTOR * 10) / 10, basis };
}
