// `npm run --silent cli -- <command> …`. Commands are a table; errors go to stderr as ONE line
// with exit code 2 and no stack trace, so scripts can tell bad input from a result.
// `--help`, `-h` and `help <command>` print a command's arguments and file formats on stdout.
// tfjs-core registers no gradients; in Node only the @tensorflow/tfjs bundle's CJS build does
// (tfjs-core's ESM register_all_gradients uses directory imports Node cannot resolve).
import '@tensorflow/tfjs';
import { useNodeBackend } from '../engine/node-backend';
import { FORMATS_DOC, splitFlags, UsageError, type Command } from './command';
import { cellsCommand, forwardCellCommand } from './cell-commands';
import { oneLine } from './errors';
import { forwardCommand, gradNormsCommand } from './pytorch-commands';
import { jacobiansCommand } from './jacobian-commands';

const commands: Record<string, Command> = {
  forward: forwardCommand,
  gradnorms: gradNormsCommand,
  cells: cellsCommand,
  'forward-cell': forwardCellCommand,
  jacobians: jacobiansCommand,
};

const PREFIX = 'npm run --silent cli --';
const names = Object.keys(commands).join(', ');
const isHelp = (a: string) => a === '--help' || a === '-h';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name} ${c.usage}\n      ${c.summary}`);
  return [
    `usage: ${PREFIX} <command> [args]`,
    `       ${PREFIX} help <command>   (or <command> --help): arguments and file formats`,
    'commands:',
    ...lines,
    `Exit code 0 with one JSON line on stdout, or 2 with one line on stderr. File formats: ${FORMATS_DOC}.`,
  ].join('\n');
}

function commandHelp(name: string, c: Command): string {
  const flags = Object.entries(c.flags ?? {}).map(([f, what]) => `  ${f}  ${what}`);
  return [
    `usage: ${PREFIX} ${name} ${c.usage}`.trimEnd(),
    c.summary,
    '',
    c.help,
    ...(flags.length ? ['', 'options:', ...flags] : []),
    '',
    'Exit code 0 with one JSON line on stdout, or 2 with one line on stderr (what is wrong, and in which file).',
  ].join('\n');
}

const lookup = (name: string) => (Object.hasOwn(commands, name) ? commands[name] : undefined);
const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new Error(`no command given; commands: ${names}; see ${PREFIX} --help`);
  if (name === 'help' || isHelp(name)) {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    const c = lookup(topic);
    if (!c) throw new Error(`unknown command ${shown(topic)}; commands: ${names}`);
    process.stdout.write(commandHelp(topic, c) + '\n');
    return 0;
  }
  const command = lookup(name);
  if (!command) throw new Error(`unknown command ${shown(name)}; commands: ${names}; see ${PREFIX} --help`);
  if (rest.some(isHelp)) {
    process.stdout.write(commandHelp(name, command) + '\n');
    return 0;
  }
  try {
    const { args, flags } = splitFlags(rest, command);
    await useNodeBackend();
    const result = await command.run(args, flags);
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${oneLine(e, 240)}; usage: ${PREFIX} ${name} ${command.usage}`);
    throw e;
  }
}

/** The one line for any failure, wherever it was thrown. */
function fail(e: unknown): void {
  process.stderr.write(`error: ${oneLine(e, e instanceof UsageError ? 400 : undefined)}\n`);
  process.exitCode = 2;
}

process.on('uncaughtException', (e) => {
  fail(e);
  process.exit(2);
});
process.on('unhandledRejection', (e) => {
  fail(e);
  process.exit(2);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  fail(e);
}
