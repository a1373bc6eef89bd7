import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public directory looks spaces up by postcode; without an index that was a scan of every space. */
export class SpacesPostcode1732600000000 implements MigrationInterface {
  name = 'SpacesPostcode1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_spaces_postcode" ON "spaces" ("postcode")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_spaces_postcode"`);
  }
}
