import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1764000000000 implements MigrationInterface {
  name = 'Assessments1764000000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
