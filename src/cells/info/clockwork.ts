// Clockwork RNN (Koutník, Greff, Gomez & Schmidhuber 2014): what the page shows before tfjs loads (the step is in ../clockwork.ts).
import type { CellDims, CellInfo, ParamSpec } from '../types';
import { uniformInit } from '../init';
import { CLOCK_STATE } from './scales';

/** Module sizes (the first H mod g modules get one unit more), offsets and periods base^i. */
export function clockworkModules(d: CellDims): { sizes: number[]; offsets: number[]; periods: number[] } {
  const H = d.hiddenSize;
  const g = Math.min(H, Math.max(1, Math.round(Number(d.options.modules ?? 4))));
  const base = Math.max(1, Math.round(Number(d.options.periodBase ?? 2)));
  const sizes = Array.from({ length: g }, (_, i) => Math.floor(H / g) + (i < H % g ? 1 : 0));
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const periods = sizes.map((_, i) => Math.pow(base, i));
  return { sizes, offsets, periods };
}

export const blockName = (i: number) => `weight_hh_${i}`;

export const clockworkInfo: CellInfo = {
  id: 'clockwork',
  name: 'Clockwork RNN',
  paper: {
    authors: 'Koutník, Greff, Gomez & Schmidhuber',
    year: 2014,
    title: 'A Clockwork RNN',
    venue: 'ICML',
    arxiv: '1402.3511',
    url: 'https://arxiv.org/abs/1402.3511',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'Gives the network several clocks. The hidden state is split into modules that tick every 1, 2, 4, 8 … steps; between ticks a module holds its value exactly, so a slow module carries information (and gradient) across many steps in a few updates. Slow modules feed the fast ones but not the reverse, so the fast modules read long-range context while the slow ones are not disturbed by every new input.',
  notes:
    'From Koutník et al. 2014, Sec. 3: modules sorted by increasing period $T_i = 2^i$ ($i = 0 \\dots g-1$; the base is an option), $h_t = f(W_H h_{t-1} + W_I x_t)$ for the rows of modules with $t \\bmod T_i = 0$, the previous value elsewhere; $W_H$ is block-upper-triangular, block row $i$ holding blocks only for columns $j \\ge i$, i.e. each module receives from itself and from slower modules (slow feeds fast). $t$ is counted from 0 here, so every module reads the first input; it is carried in the state as a step counter, so a sequence resumed from a returned state keeps its schedule. $f = \\tanh$; we add a bias per unit (the paper’s equations omit it). Parameters: only the allowed blocks are stored (block row $i$ is a parameter of shape $k_i \\times (k_i + \\dots + k_{g-1})$), so there is no mask parameter and the count is the paper’s number of effective weights, $HI + H + \\sum_i k_i \\sum_{j \\ge i} k_j$ ($= HI + H + k^2 g(g+1)/2$ for equal modules of size $k$). The block rows are assembled into the full triangular $W_H$ once per sequence. When $g$ does not divide $H$ the first $H \\bmod g$ modules get one unit more. The blocks are marked recurrent, so the recurrent-init control scales them; singular-value clipping acts on each stored block row. Init $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ (PyTorch’s RNN default; the paper does not give one).',
  zh: {
    name: '时钟 RNN（Clockwork RNN）',
    summary:
      '给网络装上几只时钟：隐藏状态被分成若干模块，分别每 1、2、4、8 …… 步更新一次；两次更新之间模块的值完全保持，所以慢模块只需少数几次更新就能把信息（和梯度）带过很多步。慢模块向快模块输入，反之不行，快模块因此能读到长程上下文，而慢模块不被每个新输入打扰。',
    notes:
      '取自 Koutník 等 2014 第 3 节：模块按周期 $T_i = 2^i$ 递增排列，只有 $t \\bmod T_i = 0$ 的模块更新；$W_H$ 为块上三角，每个模块只接收自身和更慢模块的输入。$t$ 从 0 计数，并作为步数计数器保存在状态中，从返回的状态继续运行时时钟不会重新开始。只存储允许的块，因此参数量就是论文的有效权重数 $HI + H + \\sum_i k_i \\sum_{j \\ge i} k_j$。',
    gateLabels: { m: '模块时钟' },
  },
  // Selective copy of the first symbol (T = 20): every module reads x_0 and the period-8 module holds it through two updates, the paper's long memory from few updates. On the adding problem the marks fall at random steps, which slow modules never read (x_t reaches them only on their ticks), and it stayed at the baseline.
  preset: { taskId: 'select', taskOptions: { recall: 1 }, seqLen: 20, hiddenSize: 32, learningRate: 0.02, clipNorm: 1, options: { modules: 4, periodBase: 2 } },
  options: [
    { key: 'modules', label: 'Modules g', kind: 'integer', default: 4, min: 1, max: 8, step: 1,
      help: 'Number of clock modules; module $i$ has period $\\mathrm{base}^i$. One module is a plain tanh RNN.',
      zh: { label: '模块数 g', help: '时钟模块的个数；模块 $i$ 的周期为 $\\mathrm{base}^i$。只有一个模块时就是普通的 tanh RNN。' } },
    { key: 'periodBase', label: 'Period base', kind: 'integer', default: 2, min: 1, max: 4, step: 1,
      help: 'Periods are $\\mathrm{base}^i$: 2 gives the paper’s exponential clocks 1, 2, 4, 8 …; 1 makes every module tick every step.',
      zh: { label: '周期底数', help: '周期为 $\\mathrm{base}^i$：取 2 即论文的指数时钟 1、2、4、8 ……；取 1 则每个模块每一步都更新。' } },
  ],
  gates: [{ id: 'm', tex: 'm_t', label: 'module clock (1 = updates now)', range: 'unit' }],
  // The clock (steps taken so far) is state, so a resumed run keeps the schedule.
  states: [{ id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' }, CLOCK_STATE],
  equations: [
    { id: 'm', tex: 'm_{t,i} = [\\, t \\bmod T_i = 0 \\,], \\quad T_i = 2^{i}', uses: [] },
    { id: 'h', tex: 'h_t = m_t \\odot \\tanh(W_H h_{t-1} + W_I x_t + b) + (1 - m_t) \\odot h_{t-1}, \\quad (W_H)_{ij} = 0 \\text{ for } j < i', uses: ['x', 'm', 'h_prev'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const { sizes, offsets } = clockworkModules(d);
    const init = uniformInit(1 / Math.sqrt(H));
    const label = 'U(−1/√H, 1/√H)';
    const blocks: ParamSpec[] = sizes.map((k, i) => ({
      name: blockName(i), shape: [k, H - offsets[i]], shapeLabel: `k${i} × (k${i} + … + k${sizes.length - 1})`,
      init, initLabel: label, role: 'recurrent',
    }));
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init, initLabel: label, role: 'input' },
      ...blocks,
      { name: 'bias', shape: [H], shapeLabel: 'H', init, initLabel: label, role: 'bias' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
