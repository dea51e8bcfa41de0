import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The starting data supervisors then keep: SLA policies for every category and priority, the public
 * holidays the business-hour targets skip, and which brands insure their products.
 */
export class SlaPoliciesAndReferenceData1795974300000 implements MigrationInterface {
  name = 'SlaPoliciesAndReferenceData1795974300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // NORMAL: contact within 2 business hours, opinion within a business day and a half, resolve within a week of hotline hours.
    // URGENT (a flooded floor, a leaking machine): contact within 1, opinion within 8, resolution within 26 business hours.
    await queryRunner.query(`
      INSERT INTO "sla_policy" ("category", "priority", "first_contact_hours", "opinion_hours", "resolution_hours", "counted_in", "warn_before_minutes")
      SELECT category, priority, contact, opinion, resolution, 'BUSINESS_HOURS', warn
      FROM unnest(ARRAY['EXPRESS_DELIVERY','SHIPPING','SERVICE','PRODUCT','PRODUCT_QUALITY','ENGINEER_CONDUCT','HOTLINE']) AS category
      CROSS JOIN (VALUES ('NORMAL', 2, 20, 91, 30), ('URGENT', 1, 8, 26, 15)) AS targets(priority, contact, opinion, resolution, warn)
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO "business_holiday" ("day", "name") VALUES
        ('2026-02-16', 'Spring Festival Eve'), ('2026-02-17', 'Spring Festival'), ('2026-02-18', 'Spring Festival'),
        ('2026-10-01', 'National Day'), ('2026-10-02', 'National Day'), ('2026-10-03', 'National Day')
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO "brand_insurance" ("brand", "insured", "insurer") VALUES
        ('PHILIPS', true, 'Ping An Property & Casualty'), ('XIAOMI', false, NULL), ('ANGEL', true, 'PICC')
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "brand_insurance"`);
    await queryRunner.query(`DELETE FROM "business_holiday"`);
    await queryRunner.query(`DELETE FROM "sla_policy"`);
  }
}
