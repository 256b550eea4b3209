// Every cell's info (text, maths, options, parameter shapes), in syllabus order, without tfjs:
// the page's catalogue reads this; src/cells/registry.ts adds the tensor code in the same order.
import { clockworkInfo } from './clockwork';
import { dilatedInfo } from './dilated';
import { fruInfo } from './fru';
import { ftruInfo } from './ftru';
import { gruInfo } from './gru';
import { gruOriginalInfo } from './gru-original';
import { hotrnnInfo } from './hotrnn';
import { indrnnInfo } from './indrnn';
import { irnnInfo } from './irnn';
import { lstmInfo } from './lstm';
import { lstm1997Info } from './lstm-1997';
import { lstmCifgInfo } from './lstm-cifg';
import { lstmPeepholeInfo } from './lstm-peephole';
import { miGruInfo } from './mi-gru';
import { miLstmInfo } from './mi-lstm';
import { miRnnInfo } from './mi-rnn';
import { mlstmInfo } from './mlstm';
import { mrnnInfo } from './mrnn';
import { narxInfo } from './narx';
import { npRnnInfo } from './np-rnn';
import { qrnnInfo } from './qrnn';
import { rinInfo } from './rin';
import { rnnInfo } from './rnn';
import { scrnnInfo } from './scrnn';
import { sruInfo } from './sru';
import { tkrnnInfo } from './tkrnn';
import { urnnInfo } from './urnn';
import type { CellInfo } from '../types';

// Syllabus order: the classic three, their gated variants (QRNN among them: its memory is a
// forget gate, its convolution is for speed), the initialisation family, the multi-scale
// (cross-scale connection) family, long-memory statistics, tensor cells.
export const cellInfoList: readonly CellInfo[] = [
  rnnInfo, lstmInfo, gruInfo,
  lstmPeepholeInfo, lstmCifgInfo, lstm1997Info, gruOriginalInfo, miRnnInfo, miLstmInfo, miGruInfo, qrnnInfo,
  irnnInfo, npRnnInfo, indrnnInfo, rinInfo, urnnInfo,
  scrnnInfo, clockworkInfo, dilatedInfo, narxInfo, tkrnnInfo,
  sruInfo, fruInfo, mrnnInfo, mlstmInfo,
  hotrnnInfo, ftruInfo,
];
