// Text of the lesson "multiscale-statistics" (src/lessons/multiscale-statistics.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.stats.title': 'Multi-scale statistics: SRU and FRU',
  'lessons.stats.summary': 'Two cells without gates that remember by keeping statistics of the past: the SRU’s moving averages at several decay rates and the FRU’s running Fourier coefficients, trained live, with the gradient path they open.',
  'lessons.stats.averages.title': 'Moving averages instead of a hidden state',
  'lessons.stats.averages.body':
    'The Statistical Recurrent Unit of Oliva, Póczos and Schneider (2017) does not push one [[hidden-state|hidden state]] through a matrix at every step. It computes a feature vector $\\varphi_t$ from the input and a summary $r_t$ of what it has stored, then updates several moving averages of that same vector, one per decay rate $\\alpha$: $\\mu_t^{(\\alpha)} = \\alpha\\, \\mu_{t-1}^{(\\alpha)} + (1-\\alpha)\\, \\varphi_t$. Here $A = \\{0, 0.25, 0.5, 0.9, 0.99\\}$. An average with rate $\\alpha$ looks back roughly $1/(1-\\alpha)$ steps: $\\alpha = 0$ is only the present, $\\alpha = 0.99$ about the last hundred steps. These are its [[time-scale|time scales]]; no [[gate|gate]] is learned. Press Play on the 10-step adding problem: in the heatmap the rows of $\\mu$ for small $\\alpha$ flicker with every input, those for $\\alpha = 0.99$ barely move. The loss starts near 1.2 and falls below 0.01 within 250 steps, far under the [[baseline|baseline]] of $1/6$.',
  'lessons.stats.gradient.title': 'A gentle path back in time',
  'lessons.stats.gradient.body':
    'Now the same cell on 30 steps, and the gradient chart, which for the SRU shows $\\|\\partial L / \\partial \\mu_t\\|$. One step back along the average with rate $\\alpha$ multiplies the gradient by exactly $\\alpha$: no matrix, no squashing. Along $\\alpha = 0.99$ the gradient loses only 1% per step. The other paths, through $r_t$ and the fast averages, fade sooner, and together the untrained SRU’s profile falls by about 0.955 per step: the first bar is about a quarter of the last. A plain tanh RNN on this very run falls by about 0.53 per step, so its first bar is around $10^{-8}$ of the last: the [[vanishing-gradient|vanishing gradient]] of the first lessons. The SRU avoids it without gates because its slowest statistic is, by construction, almost an identity map.',
  'lessons.stats.scales.title': 'Choosing the scales',
  'lessons.stats.scales.body':
    'The set of rates is a design choice, and each rate adds $S = 8$ numbers to the state. Pick the scales $\\{0, 0.5, 0.9\\}$ in the menu: the run restarts, the slowest statistic now halves its memory every 7 steps or so, and at the start the profile falls by about 0.90 per step, so the first bar drops to about 5% of the last. Then pick $\\{0, 0.9, 0.99, 0.999\\}$: with a statistic that looks back a thousand steps the restarted profile falls by only about 0.98 per step and the first bar stays above half of the last. Slow scales keep old inputs reachable; fast ones react to the present. Oliva et al. keep both, and the readout $o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)$ can compare them, for example a short-term mean against a long-term one.',
  'lessons.stats.fourier.title': 'The Fourier Recurrent Unit',
  'lessons.stats.fourier.body':
    'Zhang, Lin, Song and Dhillon (2018) replace the decaying averages by running Fourier coefficients. With the same $r_t$ and $\\varphi_t$, for each frequency $f_k$ the FRU adds $c_t^{(k)} \\varphi_t$ to a sum, with $c_t^{(k)} = \\tfrac{1}{T}\\cos(2\\pi f_k t / T + 2\\pi\\theta_k)$: $\\mu_t^{(k)} = \\mu_{t-1}^{(k)} + c_t^{(k)} \\varphi_t$. The sums never decay: the weight on $\\mu_{t-1}$ is exactly 1 (except for $f = 0$, which holds only the present). The heatmap’s $c$ rows show the cosine coefficients, slow waves for low frequencies, faster ones for high. Because each sum carries its past with weight 1, the gradient chart of the untrained FRU on the 20-step adding problem is almost flat: about 0.99 per step, the first bar about 0.84 of the last.',
  'lessons.stats.fit.title': 'Training the FRU',
  'lessons.stats.fit.body':
    'A flat gradient is only useful if the cell can also learn from it. Press Play. On the 20-step adding problem the loss starts near 1.4 and falls below 0.01 within 200 steps. The gradient profile stays flat as it learns, about 1.0 per step after 200 steps. The Fourier statistics summarise the whole sequence at several resolutions: low frequencies say roughly when something happened, high ones refine it, and the readout combines them into the sum of the two marked numbers. The price is that nothing is ever forgotten. The sums keep growing with the sequence, which is why the FRU scales the coefficients by $1/T$ and needs the sequence length in advance.',
  'lessons.stats.compare.title': 'Side by side',
  'lessons.stats.compare.body':
    'Open the plain RNN, the SRU and the FRU side by side on this run, the 20-step adding problem with 32 units. Before training, the gradient charts line up in the order of this lesson. The tanh RNN falls by about 0.53 per step, its first bar below $10^{-4}$ of the last. The SRU with its default scales falls by about 0.94 per step, its first bar about 0.28 of the last. The FRU stays near 0.99. Then let them train and watch the losses. Both statistical cells reach their memory through sums whose weights are fixed numbers at or close to 1, not through a matrix the training has to keep in shape.',
  'lessons.stats.q.alpha.q': 'Roughly how many steps back does an SRU statistic with decay rate $\\alpha = 0.9$ look?',
  'lessons.stats.q.alpha.one': 'About 1',
  'lessons.stats.q.alpha.one.why': 'No, that is $\\alpha = 0$, which holds only the present feature $\\varphi_t$.',
  'lessons.stats.q.alpha.ten': 'About 10',
  'lessons.stats.q.alpha.ten.why': 'Right. The weights of the past fall like $\\alpha^j$, and their effective window is about $1/(1-\\alpha) = 10$ steps.',
  'lessons.stats.q.alpha.hundred': 'About 100',
  'lessons.stats.q.alpha.hundred.why': 'No, that is $\\alpha = 0.99$: $1/(1 - 0.99) = 100$.',
  'lessons.stats.q.flat.q': 'Why is the untrained FRU’s gradient profile almost flat?',
  'lessons.stats.q.flat.sum': 'Its statistics are sums that carry the past with weight exactly 1',
  'lessons.stats.q.flat.sum.why': 'Right. One step back along $\\mu_t^{(k)} = \\mu_{t-1}^{(k)} + c_t^{(k)} \\varphi_t$ multiplies the gradient by 1; nothing squashes it.',
  'lessons.stats.q.flat.gates': 'Its gates are initialised close to 1',
  'lessons.stats.q.flat.gates.why': 'No. The FRU has no gates at all; the weight 1 on $\\mu_{t-1}$ is fixed by its design, not learned.',
  'lessons.stats.q.flat.orthogonal': 'Its recurrent matrix is orthogonal',
  'lessons.stats.q.flat.orthogonal.why': 'No. The statistics are not multiplied by any matrix from one step to the next; only $r_t$ reads them through $W_r$.',
  'lessons.stats.q.scales.q': 'This SRU runs on 30 steps. Choose its scales so that the gradient chart’s first bar is at least 40% of the last.',
  'lessons.stats.q.scales.ok': 'Yes: with a statistic at $\\alpha = 0.999$ the gradient loses only about 2% per step, and the earliest input is still within reach.',
  'lessons.stats.q.scales.hint': 'Not yet. The slowest scale sets how far back the gradient reaches: choose a set with a slower statistic.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.stats.title': '多尺度统计：SRU 与 FRU',
  'lessons.stats.summary': '两个没有门的单元，靠保存过去的统计量来记忆：SRU 在多个衰减率上的滑动平均，FRU 的累积傅里叶系数；现场训练，并观察它们打开的梯度通路。',
  'lessons.stats.averages.title': '用滑动平均代替隐藏状态',
  'lessons.stats.averages.body':
    'Oliva、Póczos 与 Schneider（2017）的统计循环单元（SRU）并不在每一步把一个[[hidden-state|隐藏状态]]乘以矩阵。它先由输入和已存内容的摘要 $r_t$ 计算特征向量 $\\varphi_t$，再对同一个向量按多个衰减率 $\\alpha$ 各更新一个滑动平均：$\\mu_t^{(\\alpha)} = \\alpha\\, \\mu_{t-1}^{(\\alpha)} + (1-\\alpha)\\, \\varphi_t$。这里 $A = \\{0, 0.25, 0.5, 0.9, 0.99\\}$。衰减率为 $\\alpha$ 的平均大约回看 $1/(1-\\alpha)$ 步：$\\alpha = 0$ 只看当前，$\\alpha = 0.99$ 约覆盖最近一百步。这些就是它的[[time-scale|时间尺度]]；没有任何需要学习的[[gate|门]]。在 10 步的加法问题上按下播放：热力图中小 $\\alpha$ 的 $\\mu$ 行随每个输入闪烁，$\\alpha = 0.99$ 的行几乎不动。损失从约 1.2 开始，250 步之内降到 0.01 以下，远低于 $1/6$ 的[[baseline|基线]]。',
  'lessons.stats.gradient.title': '一条平缓的回溯通路',
  'lessons.stats.gradient.body':
    '现在把同一个单元放在 30 步的序列上，看梯度图；对 SRU，它显示 $\\|\\partial L / \\partial \\mu_t\\|$。沿衰减率为 $\\alpha$ 的平均往回走一步，梯度恰好乘以 $\\alpha$：没有矩阵，也没有压缩函数。沿 $\\alpha = 0.99$，梯度每步只损失 1%。其他通路（经过 $r_t$ 和快速平均）消退得更快，合起来，未训练的 SRU 的梯度曲线每步约降为 0.955 倍：第一根柱约为最后一根的四分之一。同样这次运行上的普通 tanh RNN 每步约降为 0.53 倍，第一根柱只有最后一根的 $10^{-8}$ 左右：这就是前几课的[[vanishing-gradient|梯度消失]]。SRU 不靠门就避开了它，因为它最慢的统计量在结构上几乎就是恒等映射。',
  'lessons.stats.scales.title': '选择尺度',
  'lessons.stats.scales.body':
    '衰减率的集合是一个设计选择，每个衰减率给状态增加 $S = 8$ 个数。在菜单中选择尺度 $\\{0, 0.5, 0.9\\}$：训练重新开始，最慢的统计量大约每 7 步记忆减半，开始时梯度曲线每步约降为 0.90 倍，第一根柱降到最后一根的 5% 左右。再选 $\\{0, 0.9, 0.99, 0.999\\}$：有了一个回看一千步的统计量，重新开始的曲线每步只降为约 0.98 倍，第一根柱保持在最后一根的一半以上。慢尺度让旧输入仍然够得着，快尺度对当前做出反应。Oliva 等人两者都保留，输出 $o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)$ 可以比较它们，例如拿短期均值与长期均值相比。',
  'lessons.stats.fourier.title': '傅里叶循环单元',
  'lessons.stats.fourier.body':
    'Zhang、Lin、Song 与 Dhillon（2018）把衰减的平均换成累积的傅里叶系数。$r_t$ 与 $\\varphi_t$ 不变，对每个频率 $f_k$，FRU 把 $c_t^{(k)} \\varphi_t$ 加进一个和，其中 $c_t^{(k)} = \\tfrac{1}{T}\\cos(2\\pi f_k t / T + 2\\pi\\theta_k)$：$\\mu_t^{(k)} = \\mu_{t-1}^{(k)} + c_t^{(k)} \\varphi_t$。这些和永不衰减：$\\mu_{t-1}$ 的权重恰好为 1（$f = 0$ 除外，它只保存当前值）。热力图的 $c$ 行显示余弦系数：低频是缓慢的波，高频更快。由于每个和都以权重 1 携带过去，未训练的 FRU 在 20 步加法问题上的梯度图几乎是平的：每步约 0.99 倍，第一根柱约为最后一根的 0.84。',
  'lessons.stats.fit.title': '训练 FRU',
  'lessons.stats.fit.body':
    '平坦的梯度只有在单元也能借它学习时才有用。按下播放。在 20 步的加法问题上，损失从约 1.4 开始，200 步之内降到 0.01 以下。学习过程中梯度曲线一直保持平坦，200 步后每步约为 1.0 倍。傅里叶统计量在多个分辨率上概括整段序列：低频大致说明事情发生在什么时候，高频加以细化，输出再把它们组合成两个被标记数之和。代价是什么都不会被忘掉。这些和随序列不断增长，所以 FRU 用 $1/T$ 缩放系数，并且需要事先知道序列长度。',
  'lessons.stats.compare.title': '并排比较',
  'lessons.stats.compare.body':
    '在这次运行的设置下（20 步加法问题，32 个单元）把普通 RNN、SRU 和 FRU 并排打开。训练前，梯度图的排列正好是本课的顺序。tanh RNN 每步约降为 0.53 倍，第一根柱不到最后一根的 $10^{-4}$。使用默认尺度的 SRU 每步约降为 0.94 倍，第一根柱约为最后一根的 0.28。FRU 保持在 0.99 附近。然后让它们训练，观察损失。两个统计单元都通过权重固定为 1 或接近 1 的和来获得记忆，而不是依靠一个需要训练来维持形状的矩阵。',
  'lessons.stats.q.alpha.q': '衰减率 $\\alpha = 0.9$ 的 SRU 统计量大约回看多少步？',
  'lessons.stats.q.alpha.one': '约 1 步',
  'lessons.stats.q.alpha.one.why': '不对，那是 $\\alpha = 0$，它只保存当前的特征 $\\varphi_t$。',
  'lessons.stats.q.alpha.ten': '约 10 步',
  'lessons.stats.q.alpha.ten.why': '正确。过去的权重按 $\\alpha^j$ 下降，有效窗口约为 $1/(1-\\alpha) = 10$ 步。',
  'lessons.stats.q.alpha.hundred': '约 100 步',
  'lessons.stats.q.alpha.hundred.why': '不对，那是 $\\alpha = 0.99$：$1/(1 - 0.99) = 100$。',
  'lessons.stats.q.flat.q': '为什么未训练的 FRU 的梯度曲线几乎是平的？',
  'lessons.stats.q.flat.sum': '它的统计量是以权重恰为 1 携带过去的和',
  'lessons.stats.q.flat.sum.why': '正确。沿 $\\mu_t^{(k)} = \\mu_{t-1}^{(k)} + c_t^{(k)} \\varphi_t$ 往回走一步，梯度乘以 1，没有任何东西压缩它。',
  'lessons.stats.q.flat.gates': '它的门被初始化为接近 1',
  'lessons.stats.q.flat.gates.why': '不对。FRU 根本没有门；$\\mu_{t-1}$ 上的权重 1 是设计决定的，不是学出来的。',
  'lessons.stats.q.flat.orthogonal': '它的循环矩阵是正交的',
  'lessons.stats.q.flat.orthogonal.why': '不对。统计量从一步到下一步不乘任何矩阵；只有 $r_t$ 通过 $W_r$ 读取它们。',
  'lessons.stats.q.scales.q': '这个 SRU 运行在 30 步的序列上。选择它的尺度，使梯度图的第一根柱至少是最后一根的 40%。',
  'lessons.stats.q.scales.ok': '对了：有了 $\\alpha = 0.999$ 的统计量，梯度每步只损失约 2%，最早的输入仍然够得着。',
  'lessons.stats.q.scales.hint': '还不够。最慢的尺度决定梯度能回溯多远：选一组含有更慢统计量的尺度。',
};
