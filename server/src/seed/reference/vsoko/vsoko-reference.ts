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
}

export interface VsokoPassportPositionReference {
  code: string;
  /** A management position or other passport item, as the passport (Приложение 1) writes it. */
  title: string;
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
  /** Zone by the number of risky blocks: the document's rule. */
  zones: { minRiskyBlocks: number; maxRiskyBlocks: number; zone: 'low' | 'moderate' | 'high'; title: string }[];
}
