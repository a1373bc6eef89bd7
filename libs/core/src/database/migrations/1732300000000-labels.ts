import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Label schemes, evaluations with their evidence, and label decisions. */
export class Labels1732300000000 implements MigrationInterface {
  name = 'Labels1732300000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
