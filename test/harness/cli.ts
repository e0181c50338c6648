import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const hubJs = path.resolve(__dirname, '..', '..', 'server', 'dist', 'cli', 'hub.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `hub` command line against a database, as an operator would; `input` is piped to its stdin. */
export function runHub(
  args: string[],
  databaseUrl: string,
  env: Record<string, string> = {},
  input?: string,
): Promise<CliResult> {
  if (!fs.existsSync(hubJs)) throw new Error('Build the server first: pnpm build');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [hubJs, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: process.cwd(), ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += c));
    child.stderr!.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
