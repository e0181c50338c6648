import { parseArgs } from 'node:util';
import { commands, usage } from './commands';

/**
 * `pnpm hub <command>`: the operator's tool. Exit codes: 0 done, 1 failed,
 * 2 usage error.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(
      name === undefined || name === 'help' || name === '--help'
        ? usage()
        : `Неизвестная команда «${name}».\n\n${usage()}`,
    );
    return name === 'help' || name === '--help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
