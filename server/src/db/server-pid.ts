import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './process';

/**
 * Records this process as the server that owns the embedded database in
 * `dataDir`, refusing when another live server already does. The file goes
 * away when the process exits.
 */
export function claimServerPid(dataDir: string): void {
  const file = path.join(dataDir, 'server.pid');
  fs.mkdirSync(dataDir, { recursive: true });
  const other = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : NaN);
  if (Number.isInteger(other) && other !== process.pid && isAlive(other)) {
    throw new Error(
      `Хаб уже запущен с этими данными (pid ${other}, ${dataDir}). Остановите его или задайте другой HUB_DATA_DIR.`,
    );
  }
  fs.writeFileSync(file, String(process.pid));
  process.on('exit', () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  });
}
