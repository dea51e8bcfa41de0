import { Entity, PrimaryColumn } from 'typeorm';

/** Engineers of `neighbour` can reach `city`: where a backup search looks beyond the city itself. */
@Entity('neighbouring_city')
export class NeighbouringCity {
  @PrimaryColumn({ type: 'text' })
  city: string;

  @PrimaryColumn({ type: 'text' })
  neighbour: string;
}
