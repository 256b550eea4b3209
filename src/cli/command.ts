// What a CLI command is. main.ts dispatches on a table of these, so adding one is one entry.

export interface Command {
  /** Argument synopsis after the command name, e.g. "MODEL.json INPUT.json". */
  usage: string;
  summary: string;
  /** Returns plain JSON-able data, printed on stdout; throws on bad input. */
  run(args: string[]): Promise<unknown>;
}

/** Wrong arguments: main adds the command's usage line to the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function expectArgs(args: string[], names: string[]): string[] {
  if (args.length !== names.length) {
    throw new UsageError(`expected ${names.length} argument(s) (${names.join(' ')}), got ${args.length}`);
  }
  return args;
}
