// Multiplicative Integration (Wu et al. 2016), the tfjs-free part the MI infos share: options and parameter shapes (miBlock is in ../mi-common.ts).
import { constantInit, pytorchRnnInit, zerosInit } from '../init';
import type { CellDims, OptionSpec, ParamSpec } from '../types';

export const miOptions: OptionSpec[] = [
  { key: 'alphaInit', label: 'α (init)', kind: 'number', default: 1, min: 0, max: 2, step: 0.25,
    help: 'Initial weight of the second-order term $\\alpha \\odot Wx \\odot Uh$. 0 starts the cell as its additive original.',
    zh: { label: 'α（初始值）', help: '二阶项 $\\alpha \\odot Wx \\odot Uh$ 的初始权重。取 0 时单元起始为其原始的加性形式。' } },
  { key: 'betaInit', label: 'β₁, β₂ (init)', kind: 'number', default: 0.5, min: 0, max: 2, step: 0.25,
    help: 'Initial gates on the first-order terms $Uh$ and $Wx$ (1 with $\\alpha = 0$ is exactly the additive block).',
    zh: { label: 'β₁、β₂（初始值）', help: '一阶项 $Uh$ 与 $Wx$ 上的初始门控系数（取 1 且 $\\alpha = 0$ 时恰为加性模块）。' } },
];

/** W [kH × I], U [kH × H], b and the MI gating vectors α, β₁, β₂ [kH] for k stacked blocks. */
export function miParams(d: CellDims, k: number, biasInit = zerosInit, biasLabel = '0', candidateBlock?: number): ParamSpec[] {
  const H = d.hiddenSize;
  const kH = k === 1 ? 'H' : `${k}H`;
  const init = pytorchRnnInit(H);
  const label = 'U(−1/√H, 1/√H)';
  const a = Number(d.options.alphaInit ?? 1);
  const bt = Number(d.options.betaInit ?? 0.5);
  return [
    { name: 'weight_ih', shape: [k * H, d.inputSize], shapeLabel: `${kH} × I`, init, initLabel: label, role: 'input' },
    { name: 'weight_hh', shape: [k * H, H], shapeLabel: `${kH} × H`, init, initLabel: label, role: 'recurrent',
      ...(candidateBlock !== undefined ? { candidateBlocks: [candidateBlock] } : {}) },
    { name: 'bias', shape: [k * H], shapeLabel: kH, init: biasInit, initLabel: biasLabel, role: 'bias' },
    { name: 'alpha', shape: [k * H], shapeLabel: kH, init: constantInit(a), initLabel: String(a), role: 'other' },
    { name: 'beta1', shape: [k * H], shapeLabel: kH, init: constantInit(bt), initLabel: String(bt), role: 'other' },
    { name: 'beta2', shape: [k * H], shapeLabel: kH, init: constantInit(bt), initLabel: String(bt), role: 'other' },
  ];
}
