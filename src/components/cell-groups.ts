// The catalogue's shelves in the order the page shows them (the README lists cells in this order).
import type { CellGroup } from '../cells/types';

export const GROUP_ORDER: CellGroup[] = ['classic', 'lstm-family', 'gru-family', 'initialisation', 'multi-scale', 'long-memory', 'tensor', 'unitary'];
