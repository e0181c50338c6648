import type { ParticipantResultRow, SchoolResultRow } from '../../server/src/modules/assessments/assessment-rows';
import { AssessmentWritesService } from '../../server/src/modules/assessments/assessment-writes.service';
import type { TestHub } from '../harness/hub';

/** The write path the import uses, in the test's process, against the hub's database. */
export function writes(hub: TestHub): AssessmentWritesService {
  return new AssessmentWritesService(hub.hub.dataSource.manager);
}

let sequence = 0;

/** A participant row with defaults; the participant code is unique per call unless given. */
export function participant(
  schoolCode: string,
  fields: Partial<ParticipantResultRow> & Pick<ParticipantResultRow, 'procedureCode' | 'subjectCode'>,
): ParticipantResultRow {
  sequence += 1;
  return {
    participantCode: `t-${sequence}`,
    schoolCode,
    year: 2024,
    grade: fields.procedureCode === 'EGE' ? 11 : 9,
    primaryScore: null,
    testScore: null,
    mark: null,
    ...fields,
  };
}

/** A reported school-level row: `failed` «2» out of `participants`, the rest «3». */
export function reported(
  schoolCode: string,
  fields: Pick<SchoolResultRow, 'procedureCode' | 'subjectCode' | 'year' | 'grade'>,
  failed: number,
  participants: number,
): SchoolResultRow {
  return { schoolCode, ...fields, participants, count2: failed, count3: participants - failed, count4: 0, count5: 0 };
}
