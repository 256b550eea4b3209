// Every cell by id, with its tensor code. The worker, the engine and the CLI look cells up here;
// the page's catalogue reads src/cells/info instead, which loads without tfjs.
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
import { cellInfoList } from './info';

const specs: readonly CellSpec[] = [
  clockwork, dilated, fru, ftru, gru, gruOriginal, hotrnn, indrnn, irnn, lstm, lstm1997, lstmCifg, lstmPeephole,
  miGru, miLstm, miRnn, mlstm, mrnn, narx, npRnn, qrnn, rin, rnn, scrnn, sru, tkrnn, urnn,
];

/** Every cell in syllabus order: the order of their info (src/cells/info/index.ts), which the page reads without tfjs. */
export const cellList: readonly CellSpec[] = cellInfoList.map((info) => {
  const spec = specs.find((s) => s.id === info.id);
  if (!spec) throw new Error(`cell "${info.id}" has info but no tensor code in the registry`);
  return spec;
});

const byId = new Map(cellList.map((c) => [c.id, c]));

export function getCell(id: string): CellSpec {
  const cell = byId.get(id);
  if (!cell) throw new Error(`unknown cell "${id}"; known cells: ${[...byId.keys()].join(', ')}`);
  return cell;
}

export function hasCell(id: string): boolean {
  return byId.has(id);
}
