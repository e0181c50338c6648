import path from 'node:path';
import { SYSTEM } from '../../server/src/graphql/actor';
import { ImportsService } from '../../server/src/modules/imports';
import type { ImportObserver } from '../../server/src/modules/imports/import-runner';
import type { TestHub } from '../harness/hub';

/** Imports `filePath` as `kind` in this process (the service the command line uses), as a test user. */
export async function importInProcess(hub: TestHub, kind: string, filePath: string, observe: ImportObserver = {}) {
  const service = new ImportsService(hub.hub.dataSource, hub.hub.pubSub, observe);
  const job = await service.create({
    kind,
    filePath,
    fileName: path.basename(filePath),
    actor: { ...SYSTEM, displayName: 'тест' },
  });
  return service.run(job, filePath);
}
