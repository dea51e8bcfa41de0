import { CITY_REFERENCES } from './district-reference';
import { districtOf, estimateSiteDistance, greatCircleKm, ROAD_DISTANCE_FACTOR } from './site-distance';

describe('site distance from shipped district reference points', () => {
  it('measures great-circle distance (Shanghai to Beijing is about 1,068 km)', () => {
    const km = greatCircleKm({ latitude: 31.2304, longitude: 121.4737 }, { latitude: 39.9042, longitude: 116.4074 });
    expect(km).toBeGreaterThan(1060);
    expect(km).toBeLessThan(1075);
  });

  it("estimates the road to the district's reference point from the city's outlet, great circle times the road factor", () => {
    const shanghai = CITY_REFERENCES.find((city) => city.names.includes('Shanghai'))!;
    const chongming = shanghai.districts.find((district) => district.names.includes('Chongming'))!;
    const expected = Math.round(greatCircleKm(shanghai.outlet, chongming) * ROAD_DISTANCE_FACTOR * 10) / 10;

    expect(estimateSiteDistance({ city: 'Shanghai', address: '12 Bayi Road, Chongming' }, [])).toEqual({ km: expected, basis: 'DISTRICT_REFERENCE' });
    expect(expected).toBeGreaterThan(50);
    // The same district written in Chinese, and the city's name in any case.
    expect(estimateSiteDistance({ city: '上海市', address: '上海市崇明区城桥镇八一路12号' }, [])).toEqual({ km: expected, basis: 'DISTRICT_REFERENCE' });
    expect(estimateSiteDistance({ city: ' shanghai ', address: '88 Century Avenue, Pudong' }, [])!.km).toBeLessThan(15);
  });

  it('takes the district an English address ends with, apostrophes optional, and never a road named after another', () => {
    const shanghai = CITY_REFERENCES.find((city) => city.names.includes('Shanghai'))!;
    expect(districtOf(shanghai, '9 Huangpu Road, Hongkou')?.names[0]).toBe('Hongkou');
    expect(districtOf(shanghai, "500 Nanjing West Road, Jing'an")?.names[0]).toBe("Jing'an");
    expect(districtOf(shanghai, '500 Nanjing West Road, Jingan District')?.names[0]).toBe("Jing'an");
    expect(districtOf(shanghai, '上海市虹口区黄浦路9号')?.names[0]).toBe('Hongkou');
  });

  it('measures from the nearest base: an engineer covering the city from another outlet may be nearer', () => {
    // Taicang is in Suzhou but closer to Shanghai's outlet.
    const fromSuzhou = estimateSiteDistance({ city: 'Suzhou', address: '8 Shanghai East Road, Taicang' }, [])!;
    const withShanghaiEngineer = estimateSiteDistance({ city: 'Suzhou', address: '8 Shanghai East Road, Taicang' }, ['Shanghai', 'Suzhou'])!;
    expect(withShanghaiEngineer.km).toBeLessThan(fromSuzhou.km);
    // A city with no outlet of ours: the site's coordinates are measured from the covering engineers' bases;
    // without them there is no district table to estimate from.
    expect(estimateSiteDistance({ city: 'Nantong', address: '1 Main Street', latitude: 32.0, longitude: 120.9 }, ['Shanghai'])?.basis).toBe('SITE_COORDINATES');
    expect(estimateSiteDistance({ city: 'Nantong', address: '1 Main Street' }, ['Shanghai'])).toBeNull();
  });

  it("prefers the partner's coordinates of the site to the district's reference point", () => {
    const chongmingFarm = { latitude: 31.75, longitude: 121.6 };
    const estimate = estimateSiteDistance({ city: 'Shanghai', address: '88 Century Avenue, Pudong', ...chongmingFarm }, [])!;
    expect(estimate.basis).toBe('SITE_COORDINATES');
    expect(estimate.km).toBeCloseTo(greatCircleKm({ latitude: 31.2304, longitude: 121.4737 }, chongmingFarm) * ROAD_DISTANCE_FACTOR, 0);
  });

  it('knows nothing when neither the district nor a base is known', () => {
    expect(estimateSiteDistance({ city: 'Suzhou', address: '1 Garden Road' }, [])).toBeNull();
    expect(estimateSiteDistance({ city: 'Lhasa', address: '1 Beijing Road, Chengguan' }, [])).toBeNull();
    expect(estimateSiteDistance({ city: 'Lhasa', address: '1 Beijing Road', latitude: 29.65, longitude: 91.1 }, [])).toBeNull();
  });
});
