import { Column, CreateDateColumn, DataSource, Entity, EntityManager, PrimaryGeneratedColumn } from 'typeorm';
import { insertReturning } from './insert-returning';
import { openSpecDatabase } from './persistence.spec-support';

@Entity({ name: 'insert_returning_spec_card' })
class Card {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  phone!: string;

  @Column({ type: 'text', default: 'C' })
  grade!: string;

  @Column({ type: 'date', nullable: true })
  preferredDate!: string | null;

  @Column({ type: 'bigint', default: 0, transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  valueCents!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  stages!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

describe('insertReturning (real PostgreSQL)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openSpecDatabase([Card]);
    await dataSource.query('DROP TABLE IF EXISTS insert_returning_spec_card');
    await dataSource.query(`CREATE TABLE insert_returning_spec_card (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), phone text NOT NULL UNIQUE, grade text NOT NULL DEFAULT 'C',
      preferred_date date, value_cents bigint NOT NULL DEFAULT 0, stages jsonb NOT NULL DEFAULT '[]', created_at timestamptz NOT NULL DEFAULT now())`);
    await dataSource.query('DROP TABLE IF EXISTS insert_returning_spec_note');
    await dataSource.query('CREATE TABLE insert_returning_spec_note (card_id uuid NOT NULL, grade text NOT NULL, author text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.query('DROP TABLE IF EXISTS insert_returning_spec_card');
    await dataSource?.query('DROP TABLE IF EXISTS insert_returning_spec_note');
    await dataSource?.destroy();
  });

  it('returns the row a find would load, defaults and transformers applied, in one statement', async () => {
    await dataSource.transaction(async (manager) => {
      const statements = countingStatements(manager);
      const inserted = await insertReturning(manager, Card, { phone: '13800000001', preferredDate: '2026-12-24', stages: ['filter'] });
      expect(statements()).toBe(1);
      const found = await manager.getRepository(Card).findOneByOrFail({ phone: '13800000001' });
      expect(inserted).toEqual(found);
      expect(inserted).toBeInstanceOf(Card);
      expect(inserted).toMatchObject({ grade: 'C', preferredDate: '2026-12-24', valueCents: 0, stages: ['filter'] });
      expect(inserted!.createdAt).toBeInstanceOf(Date);
    });
  });

  it('with orIgnore, a conflicting row inserts nothing and yields null', async () => {
    await dataSource.transaction(async (manager) => {
      expect(await insertReturning(manager, Card, { phone: '13800000002' }, { orIgnore: true })).not.toBeNull();
      expect(await insertReturning(manager, Card, { phone: '13800000002', grade: 'A' }, { orIgnore: true })).toBeNull();
      expect((await manager.getRepository(Card).findOneByOrFail({ phone: '13800000002' })).grade).toBe('C');
    });
  });

  it('runs a statement alongside in the same round trip, reading the new row; nothing alongside when the insert is ignored', async () => {
    const note = (parameter: (value: unknown) => string) =>
      `INSERT INTO insert_returning_spec_note (card_id, grade, author) SELECT inserted.id, inserted.grade, ${parameter('li.na')} FROM inserted`;
    await dataSource.transaction(async (manager) => {
      const statements = countingStatements(manager);
      const inserted = await insertReturning(manager, Card, { phone: '13800000003', stages: ['filter'] }, { orIgnore: true, alongside: note });
      expect(statements()).toBe(1);
      expect(inserted).toEqual(await manager.getRepository(Card).findOneByOrFail({ phone: '13800000003' }));
      expect(await insertReturning(manager, Card, { phone: '13800000003' }, { orIgnore: true, alongside: note })).toBeNull();
      expect(await manager.query('SELECT card_id AS "cardId", grade, author FROM insert_returning_spec_note')).toEqual([
        { cardId: inserted!.id, grade: 'C', author: 'li.na' },
      ]);
    });
  });
});

/** Counts the statements sent through the manager's query runner from now on. */
function countingStatements(manager: EntityManager): () => number {
  let statements = 0;
  const runner = manager.queryRunner!;
  const query = runner.query.bind(runner);
  runner.query = ((...args: Parameters<typeof query>) => {
    statements += 1;
    return query(...args);
  }) as typeof query;
  return () => statements;
}
