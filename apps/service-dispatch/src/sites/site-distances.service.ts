import { EntityManager } from 'typeorm';
import { Injectable } from '@aftercare/subgraph';
import { estimateSiteDistance, Site, SiteDistance } from './site-distance';

/** Estimates a site's road distance from the nearest base dispatch knows: the city's outlet or a covering engineer's home outlet. */
@Injectable()
export class SiteDistancesService {
  async estimate(manager: EntityManager, site: Site): Promise<SiteDistance | null> {
    // Active engineers only: a suspended engineer's base sends nobody.
    const rows = (await manager.query(
      `SELECT DISTINCT home_city AS "homeCity" FROM roster_engineer
        WHERE status = 'ACTIVE' AND home_city IS NOT NULL
          AND EXISTS (SELECT 1 FROM unnest(cities) AS covered WHERE lower(trim(covered)) = lower(trim($1)))`,
      [site.city],
    )) as { homeCity: string }[];
    return estimateSiteDistance(
      site,
      rows.map((row) => row.homeCity),
    );
  }
}
