import { Column, CreateDateColumn, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { openSpecDatabase } from './persistence.spec-support';
import { findByIds, findReferencing } from './find-by-ids';
import { selectColumnsFor } from './select-columns-for';

@Entity({ name: 'select_columns_spec_job' })
class Job {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'uuid' })
  customerId!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  stages!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

const CUSTOMER = '00000000-0000-4000-8000-000000000001';

describe('selectColumnsFor (real PostgreSQL)', () => {
  let dataSource: DataSource;
  const board = () => dataSource.getRepository(Job).createQueryBuilder('job').orderBy('job.createdAt', 'ASC');

  beforeAll(async () => {
    dataSource = await openSpecDatabase([Job]);
    await dataSource.query('DROP TABLE IF EXISTS select_columns_spec_job');
    await dataSource.query(`CREATE TABLE select_columns_spec_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), status text NOT NULL, customer_id uuid NOT NULL,
      stages jsonb NOT NULL DEFAULT '[]', created_at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query(`INSERT INTO select_columns_spec_job (status, customer_id, stages) VALUES ('CREATED', $1, '["filter"]')`, [CUSTOMER]);
  });

  afterAll(async () => {
    await dataSource?.query('DROP TABLE IF EXISTS select_columns_spec_job');
    await dataSource?.destroy();
  });

  it('reads the columns of the fields asked for, what their resolvers read, the keys and what is always needed', async () => {
    const query = selectColumnsFor(board(), ['__typename', 'status', 'customer'], { always: ['createdAt'], readBy: { customer: ['customerId'] } });
    const [sql] = query.getQueryAndParameters();
    expect(sql).not.toMatch(/stages/);
    const [job] = await query.getMany();
    expect(job!.stages).toBeUndefined();
    expect(job).toEqual({ id: expect.any(String), status: 'CREATED', customerId: CUSTOMER, createdAt: expect.any(Date) });
  });

  it('keeps every column when a field is neither a column nor declared: no resolver meets a row without what it reads', async () => {
    const [job] = await selectColumnsFor(board(), ['status', 'history'], { readBy: { customer: ['customerId'] } }).getMany();
    expect(job).toEqual({ id: expect.any(String), status: 'CREATED', customerId: CUSTOMER, stages: ['filter'], createdAt: expect.any(Date) });
  });

  it('narrows findByIds and findReferencing the same way, always reading the column rows are grouped by', async () => {
    const repository = dataSource.getRepository(Job);
    const [byGroup] = await findReferencing(repository, 'customerId', [CUSTOMER], {}, { fields: ['status'] });
    expect(byGroup).toEqual({ id: expect.any(String), status: 'CREATED', customerId: CUSTOMER });
    const [byId] = await findByIds(repository, [byGroup!.id], { fields: ['__typename', 'status'] });
    expect(byId).toEqual({ id: byGroup!.id, status: 'CREATED' });
    const [whole] = await findByIds(repository, [byGroup!.id]);
    expect(whole).toEqual({ id: byGroup!.id, status: 'CREATED', customerId: CUSTOMER, stages: ['filter'], createdAt: expect.any(Date) });
  });
});
