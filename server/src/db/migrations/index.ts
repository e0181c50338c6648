import { Territory1763900000000 } from './1763900000000-Territory';
import { Assessments1764000000000 } from './1764000000000-Assessments';
import { Vsoko1764000100000 } from './1764000100000-Vsoko';
import { SelfDiagnostics1764000200000 } from './1764000200000-SelfDiagnostics';
import { Shnor1764000300000 } from './1764000300000-Shnor';
import { Plans1764000400000 } from './1764000400000-Plans';
import { Imports1764000500000 } from './1764000500000-Imports';
import { ChangeFeed1764000600000 } from './1764000600000-ChangeFeed';
import { AccessControl1764000700000 } from './1764000700000-AccessControl';
import { RowLevelSecurity1764000800000 } from './1764000800000-RowLevelSecurity';
import { Rollups1764000900000 } from './1764000900000-Rollups';
import { AuditLog1764001000000 } from './1764001000000-AuditLog';
import { RiskRules1764001100000 } from './1764001100000-RiskRules';
import { IngestAtScale1764001200000 } from './1764001200000-IngestAtScale';
import { IngestPipeline1764001300000 } from './1764001300000-IngestPipeline';
import { TerritoryFeed1764001400000 } from './1764001400000-TerritoryFeed';
import { KeptFileGzip1764001500000 } from './1764001500000-KeptFileGzip';
import { RollupOnce1764001600000 } from './1764001600000-RollupOnce';
import { DemoParticipants1764001700000 } from './1764001700000-DemoParticipants';
import { RollupRefreshUnanalyzed1764001800000 } from './1764001800000-RollupRefreshUnanalyzed';
import { SchoolResultRoom1764001900000 } from './1764001900000-SchoolResultRoom';

/** Applied in this order; each class name carries the time it was written. */
export const migrations = [
  Territory1763900000000,
  Assessments1764000000000,
  Vsoko1764000100000,
  SelfDiagnostics1764000200000,
  Shnor1764000300000,
  Plans1764000400000,
  Imports1764000500000,
  ChangeFeed1764000600000,
  AccessControl1764000700000,
  RowLevelSecurity1764000800000,
  Rollups1764000900000,
  AuditLog1764001000000,
  RiskRules1764001100000,
  IngestAtScale1764001200000,
  IngestPipeline1764001300000,
  TerritoryFeed1764001400000,
  KeptFileGzip1764001500000,
  RollupOnce1764001600000,
  DemoParticipants1764001700000,
  RollupRefreshUnanalyzed1764001800000,
  SchoolResultRoom1764001900000,
];
