import { describe, expect, it } from 'vitest';
import { SELF_DIAGNOSTIC_DIRECTIONS } from '../../seed/reference/self-diagnostics/self-diagnostics';
import { SelfDiagnosticLevel } from './self-diagnostic-level';
import {
  parseSelfDiagnosticLevel,
  storedTotal,
  unknownLevelProblem,
  validateSelfDiagnostic,
  type SelfDiagnosticDraft,
} from './self-diagnostics.validation';

const context = { directions: SELF_DIAGNOSTIC_DIRECTIONS, schoolExists: true };
const codes = SELF_DIAGNOSTIC_DIRECTIONS.map((d) => d.code);
/** The first row of the example file: 18;13;30;21;7;27;8;14 → 138, «средний». */
const EXAMPLE = [18, 13, 30, 21, 7, 27, 8, 14];
const draft = (overrides: Partial<SelfDiagnosticDraft> = {}): SelfDiagnosticDraft => ({
  schoolCode: 'sch700001',
  year: 2025,
  round: 1,
  scores: codes.map((directionCode, i) => ({ directionCode, score: EXAMPLE[i]! })),
  total: 138,
  level: SelfDiagnosticLevel.MEDIUM,
  ...overrides,
});

describe('parseSelfDiagnosticLevel', () => {
  it.each([
    ['ниже базового', SelfDiagnosticLevel.BELOW_BASE],
    ['Ниже Базового', SelfDiagnosticLevel.BELOW_BASE],
    ['  ниже   базового ', SelfDiagnosticLevel.BELOW_BASE],
    ['«Ниже базового»', SelfDiagnosticLevel.BELOW_BASE],
    ['ниже базового уровня', SelfDiagnosticLevel.BELOW_BASE],
    ['базовый', SelfDiagnosticLevel.BASE],
    ['БАЗОВЫЙ', SelfDiagnosticLevel.BASE],
    ['базовый уровень', SelfDiagnosticLevel.BASE],
    ['Уровень: средний', SelfDiagnosticLevel.MEDIUM],
    ['средний', SelfDiagnosticLevel.MEDIUM],
    ['высокий', SelfDiagnosticLevel.HIGH],
    ['Высокий.', SelfDiagnosticLevel.HIGH],
  ])('«%s» → %s', (text, level) => {
    expect(parseSelfDiagnosticLevel(text)).toBe(level);
  });

  it('treats ё as е', () => {
    expect(parseSelfDiagnosticLevel('нижё базового')).toBe(SelfDiagnosticLevel.BELOW_BASE);
  });

  it.each(['', '   ', 'низкий', 'базовый+', 'выше базового', 'medium', null, undefined])(
    'does not recognise %j',
    (text) => {
      expect(parseSelfDiagnosticLevel(text)).toBeNull();
    },
  );

  it('names the unrecognised text and the four levels', () => {
    expect(unknownLevelProblem('низкий')).toEqual({
      code: 'SELFDIAG_UNKNOWN_LEVEL',
      field: 'level',
      message: 'Уровень «низкий» не распознан: нужен один из «ниже базового», «базовый», «средний», «высокий»',
    });
  });
});

describe('validateSelfDiagnostic', () => {
  it('accepts rows as the department’s example file writes them', () => {
    // The first rows of the example self-diagnostics file (Итого is the sum of all eight columns).
    const rows = [
      'sch700001;2025;1;18;13;30;21;7;27;8;14;138;средний',
      'sch700002;2025;1;27;9;13;26;25;11;8;3;122;средний',
      'sch700003;2025;1;27;9;17;11;21;29;25;17;156;средний',
      'sch700004;2025;1;22;10;18;25;5;24;13;12;129;средний',
      'sch700005;2025;1;6;18;19;29;24;18;24;25;163;средний',
    ];
    for (const row of rows) {
      const cells = row.split(';');
      const result = validateSelfDiagnostic(
        {
          schoolCode: cells[0]!,
          year: Number(cells[1]),
          round: Number(cells[2]),
          scores: codes.map((directionCode, i) => ({ directionCode, score: Number(cells[3 + i]) })),
          total: Number(cells[11]),
          level: parseSelfDiagnosticLevel(cells[12]),
        },
        context,
      );
      expect(result, row).toEqual([]);
    }
  });

  it('wants the total to equal the sum of all eight scores, the key condition included', () => {
    expect(validateSelfDiagnostic(draft({ total: 139 }), context)).toEqual([
      {
        code: 'SELFDIAG_TOTAL_MISMATCH',
        field: 'total',
        message: 'Итого 139 не равно сумме баллов по направлениям 138',
      },
    ]);
    expect(validateSelfDiagnostic(draft({ total: 124 }), context).map((p) => p.code)).toEqual([
      'SELFDIAG_TOTAL_MISMATCH',
    ]);
  });

  it('does not check the total when a direction is missing', () => {
    const partial = draft({ scores: draft().scores!.slice(1), total: 500 });
    expect(validateSelfDiagnostic(partial, context)).toEqual([]);
    expect(validateSelfDiagnostic(draft({ scores: null, total: 150 }), context)).toEqual([]);
  });

  it('accepts rounds 1 and 2 only', () => {
    expect(validateSelfDiagnostic(draft({ round: 2 }), context)).toEqual([]);
    for (const round of [0, 3]) {
      expect(validateSelfDiagnostic(draft({ round }), context)).toEqual([
        {
          code: 'SELFDIAG_BAD_ROUND',
          field: 'round',
          message: `Этап ${round}: самодиагностика проходит в два этапа, укажите 1 или 2`,
        },
      ]);
    }
  });

  it('accepts a score of 0 and refuses a negative or fractional one', () => {
    const zero = draft({ scores: draft().scores!.map((s, i) => ({ ...s, score: i === 0 ? 0 : s.score })), total: 120 });
    expect(validateSelfDiagnostic(zero, context)).toEqual([]);
    const negative = draft({ scores: [{ directionCode: 'health', score: -1 }], total: null });
    expect(validateSelfDiagnostic(negative, context)).toEqual([
      {
        code: 'SELFDIAG_BAD_SCORE',
        field: 'scores.health',
        message: '«Здоровье»: нужно целое неотрицательное число, указано −1',
      },
    ]);
    const fraction = draft({ scores: [{ directionCode: 'knowledge', score: 2.5 }], total: null });
    expect(validateSelfDiagnostic(fraction, context).map((p) => p.code)).toEqual(['SELFDIAG_BAD_SCORE']);
  });

  it('refuses a negative total, an unknown or repeated direction, an unknown school and a bad year', () => {
    expect(validateSelfDiagnostic(draft({ scores: null, total: -5 }), context).map((p) => p.code)).toEqual([
      'SELFDIAG_BAD_TOTAL',
    ]);
    const unknown = draft({ scores: [{ directionCode: 'sport', score: 3 }], total: null });
    expect(validateSelfDiagnostic(unknown, context)).toEqual([
      { code: 'SELFDIAG_UNKNOWN_DIRECTION', field: 'scores.sport', message: 'Направления «sport» нет в модели' },
    ]);
    const twice = draft({
      scores: [
        { directionCode: 'health', score: 3 },
        { directionCode: 'health', score: 4 },
      ],
      total: null,
    });
    expect(validateSelfDiagnostic(twice, context).map((p) => p.message)).toEqual(['«Здоровье»: балл указан дважды']);
    expect(validateSelfDiagnostic(draft(), { ...context, schoolExists: false })[0]).toEqual({
      code: 'SELFDIAG_UNKNOWN_SCHOOL',
      field: 'schoolCode',
      message: 'Школа с кодом «sch700001» не найдена в реестре',
    });
    expect(validateSelfDiagnostic(draft({ year: 1925 }), context).map((p) => p.code)).toEqual(['SELFDIAG_BAD_YEAR']);
  });

  it('refuses a result without a level', () => {
    expect(validateSelfDiagnostic(draft({ level: null }), context).map((p) => p.code)).toEqual([
      'SELFDIAG_UNKNOWN_LEVEL',
    ]);
  });
});

describe('storedTotal', () => {
  it('keeps a given total, sums a complete set, and leaves an incomplete one without a total', () => {
    expect(storedTotal({ scores: draft().scores, total: 138 }, SELF_DIAGNOSTIC_DIRECTIONS)).toBe(138);
    expect(storedTotal({ scores: draft().scores, total: undefined }, SELF_DIAGNOSTIC_DIRECTIONS)).toBe(138);
    expect(storedTotal({ scores: draft().scores!.slice(1), total: null }, SELF_DIAGNOSTIC_DIRECTIONS)).toBeNull();
    expect(storedTotal({ scores: null, total: 90 }, SELF_DIAGNOSTIC_DIRECTIONS)).toBe(90);
  });
});
