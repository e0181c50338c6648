import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Municipalities and their aliases, clusters as rules, schools, the seed ledger. */
export class Territory1763900000000 implements MigrationInterface {
  name = 'Territory1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE "public"."locality" AS ENUM('urban', 'rural')`);
    await db.query(`CREATE TYPE "public"."municipality_kind" AS ENUM('city_district', 'municipal_district')`);
    await db.query(`CREATE TYPE "public"."school_founder" AS ENUM('municipal', 'regional', 'federal', 'private')`);
    await db.query(
      `CREATE TABLE "cluster" ("code" text NOT NULL, "short_name" text NOT NULL, "name" text NOT NULL, "position" integer NOT NULL, "locality" "public"."locality", "year_round_road" boolean, "students_at_least" integer, "students_below" integer, "distance_over_km" double precision, "distance_at_most_km" double precision, CONSTRAINT "UQ_2cc64cd11c8e216c0f8e49af960" UNIQUE ("position"), CONSTRAINT "PK_e70b4db9517e6aba67587991965" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "municipality" ("code" text NOT NULL, "name" text NOT NULL, "kind" "public"."municipality_kind" NOT NULL, "centre" text NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "distance_to_tomsk_km" integer NOT NULL, "year_round_road" boolean NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code"))`,
    );
    await db.query(
      `CREATE TABLE "municipality_alias" ("key" text NOT NULL, "alias" text NOT NULL, "municipality_code" text NOT NULL, CONSTRAINT "PK_e4280b251a8b69cf53e7ac146b5" PRIMARY KEY ("key"))`,
    );
    await db.query(`CREATE INDEX "IDX_935b7ab25ad37530a6f23bccd0" ON "municipality_alias" ("municipality_code")`);
    await db.query(
      `CREATE TABLE "school" ("code" text NOT NULL, "municipality_code" text NOT NULL, "full_name" text NOT NULL, "short_name" text, "type" text, "founder" "public"."school_founder", "locality" "public"."locality", "student_count" integer, "teacher_count" integer, "distance_to_tomsk_km" double precision, "year_round_road" boolean, "is_demo" boolean NOT NULL DEFAULT false, "cluster_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d90ef6008369508227463c12ff8" PRIMARY KEY ("code"))`,
    );
    await db.query(`CREATE INDEX "IDX_99dd914eda09ece11252b16de3" ON "school" ("municipality_code")`);
    await db.query(`CREATE INDEX "IDX_5290984714bd90393cd52d23fb" ON "school" ("cluster_code")`);
    await db.query(
      `CREATE TABLE "seed_run" ("name" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_count" integer NOT NULL, CONSTRAINT "PK_59a6e9cf76f8ea3c01e2d992f0c" PRIMARY KEY ("name"))`,
    );
    await db.query(
      `ALTER TABLE "municipality_alias" ADD CONSTRAINT "FK_935b7ab25ad37530a6f23bccd0e" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_99dd914eda09ece11252b16de30" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_5290984714bd90393cd52d23fb8" FOREIGN KEY ("cluster_code") REFERENCES "cluster"("code") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    // The cluster rules are data: the first rule (by position) whose every set
    // condition holds wins; a condition on an unknown attribute does not hold.
    await db.query(`
      CREATE FUNCTION hub_cluster_for(p_locality locality, p_students integer, p_distance double precision, p_road boolean)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT c.code FROM cluster c
        WHERE (c.locality IS NULL OR c.locality = p_locality)
          AND (c.year_round_road IS NULL OR c.year_round_road = p_road)
          AND (c.students_at_least IS NULL OR p_students >= c.students_at_least)
          AND (c.students_below IS NULL OR p_students < c.students_below)
          AND (c.distance_over_km IS NULL OR p_distance > c.distance_over_km)
          AND (c.distance_at_most_km IS NULL OR p_distance <= c.distance_at_most_km)
        ORDER BY c.position
        LIMIT 1
      $$`);
    // Every write of a school, whatever its path (GraphQL, import, COPY with
    // triggers), fills the transport figures from its municipality when the
    // source gave none and derives the cluster.
    await db.query(`
      CREATE FUNCTION school_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.distance_to_tomsk_km IS NULL OR NEW.year_round_road IS NULL THEN
          SELECT coalesce(NEW.distance_to_tomsk_km, m.distance_to_tomsk_km),
                 coalesce(NEW.year_round_road, m.year_round_road)
            INTO NEW.distance_to_tomsk_km, NEW.year_round_road
            FROM municipality m WHERE m.code = NEW.municipality_code;
        END IF;
        NEW.cluster_code := hub_cluster_for(NEW.locality, NEW.student_count, NEW.distance_to_tomsk_km, NEW.year_round_road);
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER school_before_write BEFORE INSERT OR UPDATE ON school FOR EACH ROW EXECUTE FUNCTION school_before_write()`,
    );
    // Editing the rules re-clusters every school at once.
    await db.query(`
      CREATE FUNCTION cluster_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE school s
           SET cluster_code = hub_cluster_for(s.locality, s.student_count, s.distance_to_tomsk_km, s.year_round_road)
         WHERE s.cluster_code IS DISTINCT FROM hub_cluster_for(s.locality, s.student_count, s.distance_to_tomsk_km, s.year_round_road);
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER cluster_after_change AFTER INSERT OR UPDATE OR DELETE ON cluster FOR EACH STATEMENT EXECUTE FUNCTION cluster_after_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "cluster_after_change" ON "cluster"`);
    await db.query(`DROP FUNCTION cluster_after_change()`);
    await db.query(`DROP TRIGGER "school_before_write" ON "school"`);
    await db.query(`DROP FUNCTION school_before_write()`);
    await db.query(`DROP FUNCTION hub_cluster_for(locality, integer, double precision, boolean)`);
    await db.query(`DROP TABLE "seed_run"`);
    await db.query(`DROP TABLE "school"`);
    await db.query(`DROP TABLE "municipality_alias"`);
    await db.query(`DROP TABLE "municipality"`);
    await db.query(`DROP TABLE "cluster"`);
    await db.query(`DROP TYPE "public"."school_founder"`);
    await db.query(`DROP TYPE "public"."municipality_kind"`);
    await db.query(`DROP TYPE "public"."locality"`);
  }
}
