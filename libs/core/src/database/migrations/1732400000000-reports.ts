import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Report runs: parameters, status, figures and artifacts. */
export class Reports1732400000000 implements MigrationInterface {
  name = 'Reports1732400000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
