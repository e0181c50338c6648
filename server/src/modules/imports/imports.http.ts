import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { seesEverySchool, type Actor } from '../../graphql/actor';
import { HubError } from '../../graphql/errors';
import type { GraphqlGateway } from '../../http/gateway';
import type { Logger } from '../../observability/logger';
import { decide } from '../users/permissions';
import { ImportErrorCode } from './imports.errors';
import type { ImportsService } from './imports.service';
import { writeRejectedCsv, writeRejectedXlsx } from './rejected-export';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

interface Upload {
  filePath: string;
  fileName: string;
  fields: Record<string, string>;
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Streams the multipart field `file` to a temporary file; memory does not grow with the file. */
function receive(req: Request): Promise<Upload | null> {
  return new Promise((resolve, reject) => {
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES },
    });
    const fields: Record<string, string> = {};
    let upload: Promise<Upload> | null = null;
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const filePath = path.join(os.tmpdir(), `hub-upload-${randomUUID()}`);
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      upload = pipeline(stream, fs.createWriteStream(filePath)).then(() => {
        if (truncated) {
          fs.rmSync(filePath, { force: true });
          throw new HubError(ImportErrorCode.FILE_TOO_LARGE, `Файл больше ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ`);
        }
        return { filePath, fileName: info.filename || 'file', fields };
      });
    });
    parser.on('error', reject);
    parser.on('close', () => (upload ? upload.then(resolve, reject) : resolve(null)));
    req.pipe(parser);
  });
}

const flag = (value: unknown) => value === 'true' || value === '1' || value === 'on';

/** `POST /api/imports/<kind>` starts a job; `GET /api/imports/<id>/rejected.csv|xlsx` gives its rejected rows. */
/** The caller from the bearer token; answers 401 and returns null when there is none. */
async function caller(gateway: GraphqlGateway, req: Request, res: Response): Promise<Actor | null> {
  const identity = await gateway.identify(req.headers.authorization).catch(() => null);
  if (!identity || identity.actor.role === null) {
    fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход: передайте токен в заголовке Authorization: Bearer …');
    return null;
  }
  res.locals.userId = identity.actor.userId;
  return identity.actor;
}

export function importsRouter(service: () => ImportsService, gateway: GraphqlGateway, logger: Logger): express.Router {
  const router = express.Router();

  router.post('/imports/:kind', async (req, res) => {
    const kind = String(req.params.kind);
    let upload: Upload | null = null;
    const actor = await caller(gateway, req, res);
    if (!actor) return;
    const decision = decide(actor, { kind: 'import', importKind: kind });
    if (!decision.allowed) return fail(res, 403, 'FORBIDDEN', decision.reason);
    try {
      service().kind(kind);
      if (!req.is('multipart/form-data')) {
        return fail(res, 400, ImportErrorCode.NO_FILE, 'Отправьте файл формой multipart/form-data в поле «file»');
      }
      upload = await receive(req);
      if (!upload) return fail(res, 400, ImportErrorCode.NO_FILE, 'В запросе нет файла (поле «file»)');
      const job = await service().create({
        kind,
        filePath: upload.filePath,
        fileName: upload.fileName,
        actor,
        dryRun: flag(req.query.dryRun ?? upload.fields.dryRun),
        partial: flag(req.query.partial ?? upload.fields.partial),
        requestId: String(res.locals.requestId),
      });
      res.status(202).json({ id: job.id, kind: job.kind, status: job.status });
      const filePath = upload.filePath;
      upload = null;
      // Removed only once the run settles: the run keeps the file (for audit) beside reading it.
      void service()
        .run(job, filePath, String(res.locals.requestId))
        .finally(() => fs.rmSync(filePath, { force: true }));
    } catch (error) {
      if (upload) fs.rmSync(upload.filePath, { force: true });
      if (error instanceof HubError) {
        const status = error.code === ImportErrorCode.UNKNOWN_KIND ? 404 : 400;
        return fail(res, error.code === ImportErrorCode.FILE_TOO_LARGE ? 413 : status, error.code, error.message);
      }
      logger.error({ err: error, reqId: res.locals.requestId }, 'import upload failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Внутренняя ошибка сервера; файл не принят');
    }
  });

  router.get('/imports/:id/rejected.:format', async (req, res) => {
    const format = req.params.format;
    const actor = await caller(gateway, req, res);
    if (!actor) return;
    const job = await service().byId(String(req.params.id));
    // Another user's import is reported as missing, not as forbidden: its existence is not ours to tell.
    if (!job || (!seesEverySchool(actor) && job.userId !== actor.userId)) {
      return fail(res, 404, ImportErrorCode.NOT_FOUND, 'Импорт не найден');
    }
    if (format !== 'csv' && format !== 'xlsx') return fail(res, 404, 'NOT_FOUND', 'Доступны форматы csv и xlsx');
    const next = (after: number | null) => service().rejectedRows(job.id, 1000, after);
    const base = `${path.parse(job.fileName).name}-отклонённые`;
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${base}.${format}`)}`);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      await writeRejectedCsv(job, next, res);
    } else {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await writeRejectedXlsx(job, next, res);
    }
  });

  return router;
}
