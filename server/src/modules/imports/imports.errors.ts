export const ImportErrorCode = {
  UNKNOWN_KIND: 'IMPORT_UNKNOWN_KIND',
  NOT_FOUND: 'IMPORT_NOT_FOUND',
  NO_FILE: 'IMPORT_NO_FILE',
  FILE_TOO_LARGE: 'IMPORT_FILE_TOO_LARGE',
} as const;

export function unknownKindMessage(kind: string, known: Iterable<string>): string {
  return `Неизвестный вид импорта «${kind}». Доступны: ${[...known].join(', ')}`;
}
