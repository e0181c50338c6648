/**
 * «Школа Минпросвещения России» self-diagnostics (seed 003_c8031a054a708bbd.txt and the model of the
 * project): the seven magistral directions and the key condition a result scores, in the order files
 * give them, and the rounds the 2025 plan names («согласно отдельному графику (2 раза в год)»).
 */

export interface SelfDiagnosticDirectionReference {
  code: string;
  name: string;
  kind: 'magistral_direction' | 'key_condition';
}

export const SELF_DIAGNOSTIC_DIRECTIONS: SelfDiagnosticDirectionReference[] = [
  { code: 'knowledge', name: 'Знание', kind: 'magistral_direction' },
  { code: 'upbringing', name: 'Воспитание', kind: 'magistral_direction' },
  { code: 'health', name: 'Здоровье', kind: 'magistral_direction' },
  { code: 'creativity', name: 'Творчество', kind: 'magistral_direction' },
  { code: 'career-guidance', name: 'Профориентация', kind: 'magistral_direction' },
  { code: 'teacher-school-team', name: 'Учитель. Школьная команда', kind: 'magistral_direction' },
  { code: 'school-climate', name: 'Школьный климат', kind: 'magistral_direction' },
  { code: 'educational-environment', name: 'Образовательная среда', kind: 'key_condition' },
];

/** The plan for 2025: «Организация и проведение ежегодной процедуры самодиагностики … (2 раза в год)». */
export const SELF_DIAGNOSTIC_ROUNDS: { year: number; round: number }[] = [
  { year: 2025, round: 1 },
  { year: 2025, round: 2 },
];
