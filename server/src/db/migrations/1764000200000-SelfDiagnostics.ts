import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfDiagnostics1764000200000 implements MigrationInterface {
  name = 'SelfDiagnostics1764000200000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
