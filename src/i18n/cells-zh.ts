// Chinese text for the cells' own prose (labels and summaries live in the cell specs, in English).
// Looked up by cell/gate id; anything missing shows the spec's English.
export const cellSummariesZh: Record<string, string> = {
  rnn: '最基本的循环结构：新的隐藏状态是输入与上一状态的线性组合经非线性函数压缩后的结果。沿 $T$ 步反向传播时要连乘 $T$ 个雅可比矩阵 $\\operatorname{diag}(\\varphi\')\\,W_{hh}$，梯度因此在长间隔上大致按几何级数缩小（或在 $W_{hh}$ 足够拉伸向量时增大）——这就是其他所有单元都试图解决的梯度消失/爆炸问题。',
  lstm: '细胞状态 $c_t$ 沿时间传递，只经过逐元素的门控：遗忘门决定保留什么，输入门决定写入什么，输出门决定展示什么。沿 $c_t$ 回退一步，梯度只逐单元地乘以 $f_t$，所以在 $f_t \\approx 1$ 处，这条通路上的梯度既不缩小也不增大，LSTM 正是这样跨越长间隔的。',
  gru: '没有独立细胞状态的轻量版 LSTM：更新门 $z_t$ 在保留旧状态与采用候选值之间插值，重置门 $r_t$ 决定候选值能看到多少过去的信息。在 $z_t \\approx 1$ 处，单元把状态（以及这条通路上的梯度）原样传递下去。',
};

export const gateLabelsZh: Record<string, string> = {
  i: '输入门',
  f: '遗忘门',
  g: '候选值',
  o: '输出门',
  c: '细胞状态',
  h: '隐藏状态',
  r: '重置门',
  z: '更新门',
  n: '候选值',
};

/**
 * The words in parameter init descriptions (ParamSpec.initLabel), in Chinese. Formulas stay as
 * they are; only these phrases are replaced, longest first. A test checks that every init label
 * of every cell reads without English words in Chinese.
 */
export const initPhrasesZh: [string, string][] = [
  ['; the fixed I is added in the step', '；固定的 $I$ 在每一步中另行加上'],
  ['logit of λ, λ evenly over', 'λ 的对数几率，λ 均匀分布于'],
  ['random permutation (fixed)', '随机置换（固定）'],
  ['(+1 on f in the step)', '（步内对 $f$ 再加 1）'],
  ['Glorot uniform', 'Glorot 均匀分布'],
  ['(top layer)', '（顶层）'],
  ['(variance)', '（方差）'],
  ['TruncNormal', '截断正态 N'],
  ['fan in', '扇入'],
];
