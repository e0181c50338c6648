import { downloadBlob } from '../../shared/export';
import { accessToken } from '../auth/tokens';

export interface UploadOptions {
  dryRun: boolean;
  partial: boolean;
}

/** A refusal as the server words it. */
export class UploadError extends Error {}

async function authorised(): Promise<Record<string, string>> {
  const token = await accessToken();
  if (!token) throw new UploadError('Сессия закончилась: войдите снова');
  return { authorization: `Bearer ${token}` };
}

async function refusal(response: Response, fallback: string): Promise<UploadError> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new UploadError(body?.error?.message ?? `${fallback} (ответ сервера ${response.status})`);
}

/** Sends the file as `POST /api/imports/<kind>`; the server answers at once with the job it started. */
export async function startImport(kind: string, file: File, options: UploadOptions): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = new URLSearchParams({ dryRun: String(options.dryRun), partial: String(options.partial) });
  let response: Response;
  try {
    response = await fetch(`/api/imports/${encodeURIComponent(kind)}?${query}`, {
      method: 'POST',
      body: form,
      headers: await authorised(),
    });
  } catch {
    throw new UploadError('Сервер недоступен: файл не отправлен. Проверьте подключение и повторите.');
  }
  if (response.status !== 202) throw await refusal(response, 'Файл не принят');
  const job = (await response.json()) as { id: string };
  return job.id;
}

/** The name the server gives in Content-Disposition (RFC 5987), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Rejected rows need the bearer token too: fetched as a blob, then saved. */
export async function downloadRejected(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { headers: await authorised() });
  if (!response.ok) throw await refusal(response, 'Файл с отклонёнными строками не получен');
  downloadBlob(await response.blob(), fileNameOf(response, fallbackName));
}
