import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users and their scope, sessions (refresh tokens), sign-in attempts, and the owner-only secrets. */
export class AccessControl1764000700000 implements MigrationInterface {
  name = 'AccessControl1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE "public"."user_role" AS ENUM('region_admin', 'region_analyst', 'municipal_officer', 'school_coordinator', 'expert', 'curator')`,
    );
    await db.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "password_hash" text NOT NULL, "role" "public"."user_role" NOT NULL, "municipality_code" text, "school_code" text, "display_name" text NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user"("username") `);
    await db.query(
      `CREATE TABLE "user_school_assignment" ("user_id" uuid NOT NULL, "school_code" text NOT NULL, CONSTRAINT "PK_108212b41011ef4e18acb4d479e" PRIMARY KEY ("user_id", "school_code"))`,
    );
    await db.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_6bbe63d2fe75e7f0ba1710351d" ON "refresh_token"("user_id") `);
    await db.query(`CREATE UNIQUE INDEX "IDX_f0812282fad2e352cdaf83ef0a" ON "refresh_token"("token_hash") `);
    await db.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "username" text NOT NULL, "address" text NOT NULL, "succeeded" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_8d0a6b5ed49bb1deedfbbbe8dd" ON "login_attempt"("address", "at") `);
    await db.query(`CREATE INDEX "IDX_ecac73c5082cb7cba2de6bf70c" ON "login_attempt"("username", "at") `);
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_d3904e1539adc109d0c6e32ed7d" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_65ef7f7efd4cfdef561c4a1d72a" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "user_school_assignment" ADD CONSTRAINT "FK_5c5c278108a0f1cbccf8e19af76" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "user_school_assignment" ADD CONSTRAINT "FK_d1f830362e956111fff078ed6cb" FOREIGN KEY ("school_code") REFERENCES "school"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(`CREATE TABLE hub_secret (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub_secret`);
    await db.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"`);
    await db.query(`ALTER TABLE "user_school_assignment" DROP CONSTRAINT "FK_d1f830362e956111fff078ed6cb"`);
    await db.query(`ALTER TABLE "user_school_assignment" DROP CONSTRAINT "FK_5c5c278108a0f1cbccf8e19af76"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_65ef7f7efd4cfdef561c4a1d72a"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_d3904e1539adc109d0c6e32ed7d"`);
    await db.query(`DROP INDEX "public"."IDX_ecac73c5082cb7cba2de6bf70c"`);
    await db.query(`DROP INDEX "public"."IDX_8d0a6b5ed49bb1deedfbbbe8dd"`);
    await db.query(`DROP TABLE "login_attempt"`);
    await db.query(`DROP INDEX "public"."IDX_f0812282fad2e352cdaf83ef0a"`);
    await db.query(`DROP INDEX "public"."IDX_6bbe63d2fe75e7f0ba1710351d"`);
    await db.query(`DROP TABLE "refresh_token"`);
    await db.query(`DROP TABLE "user_school_assignment"`);
    await db.query(`DROP INDEX "public"."IDX_c480e576dd71729addbc2d51b6"`);
    await db.query(`DROP TABLE "app_user"`);
    await db.query(`DROP TYPE "public"."user_role"`);
  }
}
