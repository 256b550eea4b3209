// The long-memory filter's options, window length and formula (Zhao et al. 2020), shared by the
// mRNN and mLSTM info without tfjs (the filter's tensor code is in ../long-memory-filter.ts).
import type { CellDims, OptionSpec } from '../types';

export const filterOptions: OptionSpec[] = [
  { key: 'K', label: 'Filter length K', kind: 'integer', default: 10, min: 2, max: 100, step: 1,
    help: 'How many past values the filter reaches back; the power-law weights act only within these K lags. The paper’s code uses 100, which trains here too, slowly (about 1–2 s per step at T = 120); 10 keeps the browser fast.',
    zh: { label: '滤波长度 K', help: '滤波向前回溯的过去值个数；幂律权重只在这 K 个滞后内起作用。论文代码取 100，这里也能训练，只是较慢（T = 120 时每步约 1–2 秒）；取 10 让浏览器保持流畅。' } },
  { key: 'dynamic', label: 'Dynamic d', kind: 'boolean', default: true,
    help: 'On: $d_t$ is computed every step from the input and the state (mRNN / mLSTM). Off: one learned $d$ per unit, $d = \\tfrac12 \\sigma(b_d)$, starting at 0.25 (mRNNF / mLSTMF).',
    zh: { label: '动态 d', help: '开：每一步由输入和状态计算 $d_t$（mRNN / mLSTM）。关：每个单元一个可学习的 $d$，$d = \\tfrac12 \\sigma(b_d)$，初值 0.25（mRNNF / mLSTMF）。' } },
];

export const filterK = (d: CellDims) => Math.max(2, Math.round(Number(d.options.K ?? 10)));
export const isDynamic = (d: CellDims) => d.options.dynamic !== false && d.options.dynamic !== 'false';

export const FILTER_TEX = 'w_0 = 1,\\; w_j(d) = w_{j-1}(d)\\,\\frac{j-1-d}{j},\\; j = 1..K';
