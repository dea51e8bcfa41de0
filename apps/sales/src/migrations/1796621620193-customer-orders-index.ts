import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer's orders (the customer card, the 360, every `Customer.orders` fetch) were found by reading the whole
 * order table: the only indexes led with the partner. EXPLAIN (ANALYZE, BUFFERS) in the bench showed the Seq Scan.
 */
export class CustomerOrdersIndex1796621620193 implements MigrationInterface {
  name = 'CustomerOrdersIndex1796621620193';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_sales_order_customer_created" ON "sales_order" ("customer_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_sales_order_customer_created"`);
  }
}
