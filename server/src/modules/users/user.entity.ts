import { Field, ID, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { School } from '../schools/school.entity';
import { Role } from './role';

/** A person who signs in. Scope: a municipality, a school, or assigned schools, by role. */
@ObjectType({ description: 'Пользователь' })
@Entity('app_user')
export class AppUser {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Index({ unique: true })
  @Column('text')
  username: string;

  @Column('text')
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  municipalityCode: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipalityRef?: Municipality;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  schoolCode: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_code' })
  schoolRef?: School;

  @Field(() => String)
  @Column('text')
  displayName: string;

  @Field(() => Boolean)
  @Column('boolean', { default: false })
  disabled: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** Set where the reader may not see assignments itself (its own sign-in); not a column. */
  assignedSchoolCodes?: string[];
}

/** Schools an expert or a curator works with. */
@Entity('user_school_assignment')
export class UserSchoolAssignment {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  schoolCode: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_code' })
  school?: School;
}

/** A refresh token: only its hash is stored; rotated on every use, revoked on logout. */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;

  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Every sign-in attempt, to throttle guessing per username and per address. */
@Entity('login_attempt')
@Index(['username', 'at'])
@Index(['address', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  username: string;

  @Column('text')
  address: string;

  @Column('boolean')
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
