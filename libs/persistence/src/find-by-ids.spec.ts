import { Column, CreateDateColumn, DataSource, Entity, ManyToOne, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-column';
import { findByIds, findReferencing } from './find-by-ids';
import { openSpecDatabase } from './persistence.spec-support';
import { onEveryStatement } from './statement-listener';

enum Stage {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

/** Every kind of column the services keep, each converted on the way out by the driver or a transformer. */
@Entity({ name: 'find_by_ids_spec_visit' })
class Visit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'date' })
  visitOn!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountFen!: number;

  @Column({ type: 'numeric', precision: 9, scale: 2 })
  distanceKm!: string;

  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  @Column({ type: 'enum', enum: Stage, enumName: 'find_by_ids_spec_stage' })
  stage!: Stage;

  @Column({ type: 'jsonb' })
  parts!: { serial: string }[];

  @Column({ type: 'text', select: false, nullable: true })
  secret!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** A computed column (a subquery TypeORM writes into the select list): read through TypeORM's query builder. */
@Entity({ name: 'find_by_ids_spec_visit' })
class VisitWithCount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  customerId!: string;

  @VirtualColumn({ type: 'int', query: (alias) => `SELECT count(*)::int FROM find_by_ids_spec_visit o WHERE o.customer_id = ${alias}.customer_id` })
  visitsOfCustomer!: number;
}

@Entity({ name: 'find_by_ids_spec_customer' })
class SpecCustomer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

/** A relation the query builder leaves unloaded without a join, its key a column of its own (as sales' orders have). */
@Entity({ name: 'find_by_ids_spec_visit' })
class VisitOfCustomer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => SpecCustomer)
  customer?: SpecCustomer;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

const CUSTOMER = '00000000-0000-4000-8000-0000000000c1';
const OTHER = '00000000-0000-4000-8000-0000000000c2';

describe('findByIds and findReferencing (real PostgreSQL)', () => {
  let dataSource: DataSource;
  const visits = () => dataSource.getRepository(Visit);
  /** What TypeORM's own query builder answers for the same question: the rows these helpers must equal. */
  const typeormAnswer = (property: 'id' | 'customerId', ids: string[]) =>
    visits().createQueryBuilder('v').where(`v.${property} = ANY(:ids)`, { ids }).orderBy('v.createdAt', 'ASC').addOrderBy('v.id', 'ASC').getMany();

  beforeAll(async () => {
    dataSource = await openSpecDatabase([Visit, VisitWithCount, SpecCustomer, VisitOfCustomer]);
    await dataSource.query('DROP TABLE IF EXISTS find_by_ids_spec_visit');
    await dataSource.query('DROP TYPE IF EXISTS find_by_ids_spec_stage');
    await dataSource.query(`CREATE TYPE find_by_ids_spec_stage AS ENUM ('OPEN', 'DONE')`);
    await dataSource.query(`CREATE TABLE find_by_ids_spec_visit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id uuid NOT NULL, note text, visit_on date NOT NULL,
      amount_fen bigint NOT NULL, distance_km numeric(9,2) NOT NULL, urgent boolean NOT NULL DEFAULT false,
      stage find_by_ids_spec_stage NOT NULL, parts jsonb NOT NULL, secret text, created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await dataSource.query(
      `INSERT INTO find_by_ids_spec_visit (customer_id, note, visit_on, amount_fen, distance_km, urgent, stage, parts, secret, created_at) VALUES
        ($1, 'first', '2026-12-07', 9007199254740, 12.50, true, 'OPEN', '[{"serial":"A1"}]', 'hidden', now() - interval '2 minutes'),
        ($1, NULL, '2026-12-08', 0, 0, false, 'DONE', '[]', NULL, now() - interval '1 minute'),
        ($2, 'other', '2026-12-09', 5, 1.25, false, 'OPEN', '[]', NULL, now())`,
      [CUSTOMER, OTHER],
    );
  });

  afterAll(async () => {
    await dataSource?.query('DROP TABLE IF EXISTS find_by_ids_spec_visit');
    await dataSource?.query('DROP TYPE IF EXISTS find_by_ids_spec_stage');
    await dataSource?.destroy();
  });

  it("answers whole rows exactly as TypeORM's query builder does: same values, same types, same class, unselected columns left out", async () => {
    const expected = await typeormAnswer('customerId', [CUSTOMER]);
    const rows = await findReferencing(visits(), 'customerId', [CUSTOMER, 'not-a-uuid'], { createdAt: 'ASC' });
    expect(rows).toEqual(expected);
    expect(rows[0]).toBeInstanceOf(Visit);
    expect(rows[0]).toMatchObject({ amountFen: 9007199254740, visitOn: '2026-12-07', urgent: true, stage: Stage.OPEN, parts: [{ serial: 'A1' }] });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
    expect(rows[0]!.secret).toBeUndefined();

    const ids = expected.map((visit) => visit.id);
    const byId = await findByIds(visits(), [...ids, 'not-a-uuid']);
    expect(byId.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())).toEqual(expected);
  });

  it('reads only the columns of the asked fields (and the grouping column), and nothing at all for ids that are not uuids', async () => {
    const [narrow] = await findReferencing(visits(), 'customerId', [OTHER], {}, { fields: ['__typename', 'note', 'parts'] });
    expect(narrow).toEqual(Object.assign(new Visit(), { id: expect.any(String), customerId: OTHER, note: 'other', parts: [] }));
    expect(await findByIds(visits(), ['nope'])).toEqual([]);
  });

  it('reads inside the transaction of the manager it is given, seeing what that transaction wrote', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE find_by_ids_spec_visit SET note = 'changed' WHERE customer_id = $1`, [OTHER]);
      const [seen] = await findReferencing(manager.getRepository(Visit), 'customerId', [OTHER]);
      expect(seen!.note).toBe('changed');
      await manager.query(`UPDATE find_by_ids_spec_visit SET note = 'other' WHERE customer_id = $1`, [OTHER]);
    });
  });

  it("reads an entity with an unloaded relation in its one statement, rows equal to the query builder's", async () => {
    const repository = dataSource.getRepository(VisitOfCustomer);
    const expected = await repository
      .createQueryBuilder('v')
      .where('v.customerId = ANY(:ids)', { ids: [CUSTOMER] })
      .orderBy('v.note', 'ASC')
      .getMany();
    const sent: string[] = [];
    onEveryStatement(dataSource, (sql) => sent.push(sql));
    const rows = await findReferencing(repository, 'customerId', [CUSTOMER], { note: 'ASC' });
    expect(rows).toEqual(expected);
    expect(rows[0]).toBeInstanceOf(VisitOfCustomer);
    expect(rows[0]!.customer).toBeUndefined();
    expect(sent.at(-1)).toBe('SELECT "id", "customer_id", "note" FROM "find_by_ids_spec_visit" WHERE "customer_id" = ANY($1) ORDER BY "note" ASC');
  });

  it("reads an entity with a computed column through TypeORM's query builder, computed value included", async () => {
    const rows = await findReferencing(dataSource.getRepository(VisitWithCount), 'customerId', [CUSTOMER]);
    expect(rows.map((row) => row.visitsOfCustomer)).toEqual([2, 2]);
  });
});
