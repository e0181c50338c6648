import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Shnor1764000300000 implements MigrationInterface {
  name = 'Shnor1764000300000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
