// Every cell by id. The UI, the worker and the CLI look cells up here; nothing else lists them.
import { clockwork } from './clockwork';
import { dilated } from './dilated';
import { fru } from './fru';
import { ftru } from './ftru';
import { gru } from './gru';
import { gruOriginal } from './gru-original';
import { hotrnn } from './hotrnn';
import { indrnn } from './indrnn';
import { irnn } from './irnn';
import { lstm } from './lstm';
import { lstm1997 } from './lstm-1997';
import { lstmCifg } from './lstm-cifg';
import { lstmPeephole } from './lstm-peephole';
import { miGru } from './mi-gru';
import { miLstm } from './mi-lstm';
import { miRnn } from './mi-rnn';
import { mlstm } from './mlstm';
import { mrnn } from './mrnn';
import { narx } from './narx';
import { npRnn } from './np-rnn';
import { qrnn } from './qrnn';
import { rin } from './rin';
import { rnn } from './rnn';
import { scrnn } from './scrnn';
import { sru } from './sru';
import { tkrnn } from './tkrnn';
import { urnn } from './urnn';
import type { CellSpec } from './types';

// Syllabus order: the classic three, their gated variants (QRNN among them: its memory is a
// forget gate, its convolution is for speed), the initialisation family, the multi-scale
// (cross-scale connection) family, long-memory statistics, tensor cells.
export const cellList: readonly CellSpec[] = [
  rnn, lstm, gru,
  lstmPeephole, lstmCifg, lstm1997, gruOriginal, miRnn, miLstm, miGru, qrnn,
  irnn, npRnn, indrnn, rin, urnn,
  scrnn, clockwork, dilated, narx, tkrnn,
  sru, fru, mrnn, mlstm,
  hotrnn, ftru,
];

const byId = new Map(cellList.map((c) => [c.id, c]));

export function getCell(id: string): CellSpec {
  const cell = byId.get(id);
  if (!cell) throw new Error(`unknown cell "${id}"; known cells: ${[...byId.keys()].join(', ')}`);
  return cell;
}

export function hasCell(id: string): boolean {
  return byId.has(id);
}
