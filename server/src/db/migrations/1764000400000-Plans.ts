import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Plans1764000400000 implements MigrationInterface {
  name = 'Plans1764000400000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
