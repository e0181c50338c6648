/**
 * The ВСОКО monitoring campaign as the department's document describes it
 * (seed 001_bbb40768dcd472e5.txt). Texts are Russian, as written there.
 */

export interface VsokoBlockReference {
  number: 1 | 2 | 3 | 4;
  name: string;
  maxScore: number;
  /** The minimum score: a block scored below it is a risk (equal is not). */
  threshold: number;
  /** The named risk of Таблица 2 for this block. */
  risk: string;
  /** The risk's indicator (показатель) of Таблица 2. */
  riskIndicator: string;
  /** The criteria scored in the block, as listed in the document, where it lists them. */
  criteria: string[];
}

export interface VsokoDocumentReference {
  /** Stable slug, e.g. `self-examination-report`. */
  code: string;
  /** The document's title as the list of required documents writes it. */
  title: string;
  /** The list marks it «(при наличии)»: a school may have no such document. */
  optional: boolean;
}

/**
 * What a passport item asks for: a name (`text`), the heading of the management team
 * (`heading`), one management position the school marks as existing (`position`), or a
 * head count (`count`).
 */
export type VsokoPassportItemKind = 'text' | 'heading' | 'position' | 'count';

export interface VsokoPassportPositionReference {
  code: string;
  /** A management position or other passport item, as the passport (Приложение 1) writes it. */
  title: string;
  kind: VsokoPassportItemKind;
}

export interface VsokoStageReference {
  stage: string;
  responsible: string;
  /** The period as written («С 24.10.2024 по 13.11.2024», «После 27.11.2024»). */
  period: string;
}

export interface VsokoCampaignReference {
  year: number;
  title: string;
  /** ISO dates of the campaign's first and last day. */
  startsOn: string;
  endsOn: string;
  /** The act that ordered it, as written. */
  orderedBy: string;
  blocks: VsokoBlockReference[];
  /** The six documents every participant links to. */
  documents: VsokoDocumentReference[];
  passportPositions: VsokoPassportPositionReference[];
  schedule: VsokoStageReference[];
  /** Zone by the number of risky blocks (ranges inclusive). */
  zones: VsokoZoneReference[];
  /** Codes of the schools the campaign evaluates (its sample). */
  sample: string[];
}

export type VsokoZoneCodeReference = 'low' | 'moderate' | 'high';

export interface VsokoZoneReference {
  minRiskyBlocks: number;
  maxRiskyBlocks: number;
  zone: VsokoZoneCodeReference;
  title: string;
}
