// `npm run --silent cli -- <command> …`. Commands are a table; errors go to stderr with exit
// code 2 and no stack trace, so scripts can tell bad input from a result.
// tfjs-core registers no gradients; in Node only the @tensorflow/tfjs bundle's CJS build does
// (tfjs-core's ESM register_all_gradients uses directory imports Node cannot resolve).
import '@tensorflow/tfjs';
import { useNodeBackend } from '../engine/node-backend';
import { UsageError, type Command } from './command';
import { cellsCommand, forwardCellCommand } from './cell-commands';
import { forwardCommand, gradNormsCommand } from './pytorch-commands';
import { jacobiansCommand } from './jacobian-commands';

const commands: Record<string, Command> = {
  forward: forwardCommand,
  gradnorms: gradNormsCommand,
  cells: cellsCommand,
  'forward-cell': forwardCellCommand,
  jacobians: jacobiansCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name} ${c.usage}\n      ${c.summary}`);
  return `usage: npm run --silent cli -- <command> [args]\ncommands:\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    process.stderr.write(`error: no command given\n${usage()}\n`);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`error: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    await useNodeBackend();
    const result = await command.run(args);
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const hint = e instanceof UsageError ? `\nusage: npm run --silent cli -- ${name} ${command.usage}` : '';
    process.stderr.write(`error: ${msg}${hint}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
