import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Vsoko1764000100000 implements MigrationInterface {
  name = 'Vsoko1764000100000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
