import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { loadByArgument } from '../shared/sql-conditions';
import type { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import type { SelfDiagnosticResult } from './self-diagnostic-result.entity';
import { SelfDiagnosticsService } from './self-diagnostics.service';

interface ResultsKey {
  schoolCode: string;
  year: number | null;
  round: number | null;
}

export function createSelfDiagnosticsLoaders(em: EntityManager) {
  const service = new SelfDiagnosticsService(em);
  return {
    /** `School.selfDiagnostics(year, round)`: one statement per distinct pair of arguments. */
    selfDiagnosticsBySchool: new DataLoader<ResultsKey, SelfDiagnosticResult[], string>(
      (keys) =>
        loadByArgument(
          keys,
          (k) => [k.year, k.round] as const,
          async ([year, round], group) => {
            const found = await service.bySchools(
              group.map((k) => k.schoolCode),
              year,
              round,
            );
            return (k) => found.get(k.schoolCode) ?? [];
          },
        ),
      { cacheKeyFn: (k) => `${k.schoolCode}|${k.year ?? ''}|${k.round ?? ''}` },
    ),
    /** The directions, read once per request (the key is ignored). */
    selfDiagnosticDirections: new DataLoader<'all', SelfDiagnosticDirection[]>(async (keys) => {
      const directions = await service.directions();
      return keys.map(() => directions);
    }),
  };
}
