import fs from 'node:fs';
import path from 'node:path';

/** The header of a participant file as the regional exam centre writes it. */
export const PARTICIPANT_HEADER =
  'Код участника;Код ОО;Процедура;Год;Предмет;Класс;Первичный балл;Тестовый балл;Отметка';

/** A small participant file of the given lines under the header, in `dir`; returns its path. */
export function writeParticipantLines(dir: string, name: string, lines: string[]): string {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, [PARTICIPANT_HEADER, ...lines].join('\n'));
  return filePath;
}
