// What a CLI command is. main.ts dispatches on a table of these, so adding one is one entry.

export interface Command {
  /** Argument synopsis after the command name, e.g. "MODEL.json INPUT.json". */
  usage: string;
  summary: string;
  /**
   * `<command> --help`: what each argument is, the file formats read and written (a sketch; the
   * full reference is docs/FILE-FORMATS.md) and what the output means. Several lines.
   */
  help: string;
  /** Flags the command takes, each with a one-line description ("--batch-first": "…"). */
  flags?: Record<string, string>;
  /** Returns plain JSON-able data, printed on stdout; throws on bad input. */
  run(args: string[], flags?: ReadonlySet<string>): Promise<unknown>;
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

/** Splits argv into positional arguments and the command's known flags; any other "--x" is refused. */
export function splitFlags(argv: string[], command: Pick<Command, 'flags'>): { args: string[]; flags: Set<string> } {
  const known = Object.keys(command.flags ?? {});
  const args: string[] = [];
  const flags = new Set<string>();
  for (const a of argv) {
    if (a.startsWith('--') && a.length > 2) {
      if (!known.includes(a)) {
        const name = a.length > 40 ? `${a.slice(0, 40)}…` : a;
        throw new UsageError(`unknown option "${name}"${known.length ? `; this command takes ${known.join(', ')}` : '; this command takes no options'}`);
      }
      flags.add(a);
    } else {
      args.push(a);
    }
  }
  return { args, flags };
}

/** Where the file formats are written down in full. */
export const FORMATS_DOC = 'docs/FILE-FORMATS.md';
