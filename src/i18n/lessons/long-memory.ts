// Text of the lesson "long-memory" (src/lessons/long-memory.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.longmem.title': 'Long memory',
  'lessons.longmem.summary': 'What “long memory” means in Zhao et al.’s sense, influence that fades like a power of the lag, and how the mLSTM and mRNN get it from the fractional-differencing filter $(1 - B)^d$, measured against an LSTM.',
  'lessons.longmem.short.title': 'How fast does an LSTM forget?',
  'lessons.longmem.short.body':
    'The memory chart asks one question of the network: how much does the last state $h_T$ still depend on the input $t$ steps back? It plots $\\|\\partial h_T / \\partial x_t\\|$ against the lag $T - t$ and fits two lines: a straight line on log-linear axes means exponential decay, $y \\approx a e^{-r \\cdot \\mathrm{lag}}$; a straight line on log-log axes means a [[power-law|power law]], $y \\approx a \\cdot \\mathrm{lag}^{-p}$. The better $R^2$ wins the verdict. Here is an LSTM with a [[forget-gate|forget-gate]] bias of 1 on the 30-step adding problem, before training: the exponential fits with $R^2 = 0.99$, the power law only about 0.88, and the rate $r$ is about 0.19 per step, so each step back keeps roughly 0.83 of the influence. Drag the forget-gate bias to 2: the decay slows to $r \\approx 0.09$ per step and is still exponential. At 3 neither line fits well over 30 lags and the verdict is undecided.',
  'lessons.longmem.definition.title': 'Long memory is a power law',
  'lessons.longmem.definition.body':
    'Zhao et al. (2020) borrow the definition from time-series statistics: a process has [[long-memory|long memory]] when the influence of the past decays polynomially, like $j^{-p}$, so slowly that its sum over all lags diverges; geometric decay, like $\\rho^j$ with $\\rho < 1$, is short memory however close $\\rho$ is to 1. They prove that an RNN or LSTM whose state map is a contraction can only have short memory. Their mLSTM removes the forget gate and builds the new cell from the last $K$ cells, weighted by the coefficients of the fractional difference $(1 - B)^d$: $c_t = -\\sum_{j=1}^{K} w_j(d_t) \\odot c_{t-j} + i_t \\odot \\tilde c_t$, with $w_j \\sim j^{-1-d}$. Here $K = 30$, as long as the sequence. The memory chart of the untrained mLSTM is a straight line on log-log axes: the power law fits with $R^2 \\approx 0.99$, the exponential only 0.85, and the exponent $p$ is about 0.67.',
  'lessons.longmem.window.title': 'Only within the window',
  'lessons.longmem.window.body':
    'The filter reaches back $K$ lags and no further. Beyond $K$ the cell is again a recurrence of a fixed map, and its influence fades geometrically. This mLSTM starts at $K = 10$ on the 30-step sequence: most of the lags lie outside the window and the chart reads exponential ($R^2 \\approx 0.99$ against 0.87). Drag $K$ upwards and watch the verdict. At 15 it is still exponential, at 20 the two fits are level and the verdict is undecided, and from 25 on the power law wins. The authors use $K = 100$ on long series; the window is why. Each extra lag costs a buffer of $H$ numbers per step, and the heatmap’s $w$ row shows the weights $w_1 \\dots w_K$, their size shrinking along it.',
  'lessons.longmem.d.title': 'The memory parameter d',
  'lessons.longmem.d.body':
    'The exponent is set by $d$. Unrolled, the filter $c_t = \\sum_j (-w_j) c_{t-j} + \\dots$ passes an input on with weights that fall like $j^{d-1}$: a larger $d$ means a slower power law, and $d$ is kept in $(0, \\tfrac12)$ by $d = \\tfrac12 \\sigma(\\cdot)$. This step fixes one $d$ per unit, $d = \\tfrac12\\sigma(\\delta)$ with $\\delta = 0$, so every unit starts at exactly $d = 0.25$; the heatmap’s $d$ row is uniform. The memory chart’s exponent $p$ comes out near 0.73, close to $1 - d = 0.75$. Switch on the dynamic $d$: now $d_t$ is computed every step from the input, the state and the previous $d$, and the heatmap’s $d$ row starts to vary, averaging about 0.26. The power law stays, with $p$ about 0.67. Training moves $d$, and with it how slowly the cell forgets.',
  'lessons.longmem.mrnn.title': 'The mRNN: the filter on the inputs',
  'lessons.longmem.mrnn.body':
    'The mRNN keeps a plain tanh RNN $h_t$ and adds a memory $m_t = \\tanh(W_{mm} m_{t-1} + W_{fm} f_t + b_m)$ fed by the filtered input $f_t = \\sum_{j=1}^{K} w_j(d_t) \\odot x_{t-j+1}$: here the long-memory filter acts on the last $K$ inputs directly, with one $d$ per input feature. So the influence of an input $j$ steps back on $m_T$ follows the filter’s own weights, $w_j \\sim j^{-1-d}$. The chart (for $m_T$) agrees: a power law with $R^2 \\approx 0.99$ against 0.87 for the exponential, and an exponent $p$ of about 1.2, close to $1 + d$ with $d$ about 0.23 on this probe (the $d$ row of the heatmap). Steeper than the mLSTM’s, yet still a power law. The tanh recurrence of $m$ itself forgets geometrically, which is why $K$ matters here too.',
  'lessons.longmem.learn.title': 'Does it learn?',
  'lessons.longmem.learn.body':
    'Now train one: an mLSTM with $K = 12$ on the 12-step adding problem, 16 units. Before training its memory chart is a power law again ($R^2 \\approx 0.99$). Press Play. Within 300 steps the loss falls below 0.01, far under the [[baseline|baseline]] of $1/6$. Then pause and look at the memory chart: the verdict is undecided, and the curve no longer decays at all. The trained cell does not forget evenly. The adding problem asks it to hold the two marked numbers whatever their lag and ignore the rest, so the influence follows where the marks were, not a decay law. Long memory is a property of the model class, a capacity to keep influence across many lags; what a trained network does with it depends on the task.',
  'lessons.longmem.compare.title': 'Side by side',
  'lessons.longmem.compare.body':
    'Open the LSTM, the mRNN and the mLSTM side by side on this step’s settings, the 30-step adding problem with 8 units. The Compare page gives every cell except the current one its default options; open its instruments, and the memory chart overlays their curves. In their first readings, taken before training starts, the LSTM, with its default forget-gate bias of 0, falls exponentially, with $r \\approx 0.44$ per step. The mLSTM at $K = 30$ follows its power law. The mRNN comes with its default $K = 10$, a third of the sequence, and reads exponential: outside its window it is an RNN like any other. Long memory in this sense needs both the filter and a window as long as the dependencies you want kept.',
  'lessons.longmem.q.definition.q': 'In Zhao et al.’s definition, a model has long memory when the influence of an input $j$ steps back decays…',
  'lessons.longmem.q.definition.geometric': 'like $\\rho^j$ with $\\rho$ just below 1',
  'lessons.longmem.q.definition.geometric.why': 'No. Geometric decay is short memory however close $\\rho$ is to 1: its sum over all lags is finite, and the memory chart shows a straight line on log-linear axes, as for the LSTM in the first step.',
  'lessons.longmem.q.definition.power': 'like a power of the lag, $j^{-p}$',
  'lessons.longmem.q.definition.power.why': 'Right. Polynomial decay is so slow that the influences summed over all lags diverge; on the memory chart it is a straight line on log-log axes, as for the mLSTM at $K = 30$.',
  'lessons.longmem.q.definition.window': 'to exactly zero after $K$ steps',
  'lessons.longmem.q.definition.window.why': 'No. A hard cut-off is the opposite of long memory. The window $K$ is a limit of the mLSTM’s implementation, and beyond it the decay turns geometric again, as the window step showed.',
  'lessons.longmem.q.definition.flat': 'not at all',
  'lessons.longmem.q.definition.flat.why': 'No. Long memory still decays, only slowly: a power law. A curve that does not decay (like the trained mLSTM’s in the training step) gets no power-law verdict.',
  'lessons.longmem.q.lstm.q': 'With a forget-gate bias of 3 the LSTM’s memory chart reads undecided. Does the LSTM then have long memory?',
  'lessons.longmem.q.lstm.yes': 'Yes: the power law is no longer rejected',
  'lessons.longmem.q.lstm.yes.why': 'No. Undecided only means that neither fit is convincing over 30 lags. The decay rate is still positive, and Zhao et al. prove that a contracting LSTM is short memory however slowly it forgets.',
  'lessons.longmem.q.lstm.slow': 'No: it forgets exponentially, only slowly enough that 30 lags cannot tell',
  'lessons.longmem.q.lstm.slow.why': 'Right. The rate $r$ dropped from about 0.19 to about 0.03 per step. Over a longer sequence the exponential would show again; a forget gate below 1 can only slow the geometric decay, not change its kind.',
  'lessons.longmem.q.lstm.gate': 'It cannot be said: long memory is only defined for mLSTM and mRNN',
  'lessons.longmem.q.lstm.gate.why': 'No. The definition is about any model’s influence curve, which is what the memory chart measures for every cell; that is how Zhao et al. can prove the LSTM short-memory.',
  'lessons.longmem.q.window.q': 'This mLSTM starts at $K = 10$ on a 30-step sequence. Set the filter length $K$ so that the memory chart’s verdict reads power law.',
  'lessons.longmem.q.window.ok': 'Power law: the window now covers (nearly) all 30 lags, so the influence falls polynomially across the chart.',
  'lessons.longmem.q.window.hint': 'Not yet a power law. Beyond $K$ lags the filter is gone and the decay is geometric: make the window cover most of the sequence.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.longmem.title': '长记忆',
  'lessons.longmem.summary': '按 Zhao 等人的定义，“长记忆”指过去的影响按滞后的幂次衰减；看 mLSTM 与 mRNN 如何借分数差分滤波 $(1 - B)^d$ 获得它，并与 LSTM 对比测量。',
  'lessons.longmem.short.title': 'LSTM 遗忘得有多快？',
  'lessons.longmem.short.body':
    '记忆图只问网络一个问题：最后的状态 $h_T$ 还在多大程度上依赖 $t$ 步之前的输入？它以滞后 $T - t$ 为横轴画出 $\\|\\partial h_T / \\partial x_t\\|$，并拟合两条直线：在半对数坐标上是直线，说明是指数衰减 $y \\approx a e^{-r \\cdot \\mathrm{lag}}$；在双对数坐标上是直线，说明是[[power-law|幂律]] $y \\approx a \\cdot \\mathrm{lag}^{-p}$。$R^2$ 更高的一方决定结论。这里是训练前的 LSTM，[[forget-gate|遗忘门]]偏置为 1，任务是 30 步的加法问题：指数拟合的 $R^2 = 0.99$，幂律只有约 0.88，衰减率 $r$ 约为每步 0.19，即每往回一步，影响约保留 0.83。把遗忘门偏置拖到 2：衰减放慢到每步 $r \\approx 0.09$，仍然是指数型。到 3 时，在 30 个滞后内两条直线都拟合不好，结论为“无法判定”。',
  'lessons.longmem.definition.title': '长记忆就是幂律',
  'lessons.longmem.definition.body':
    'Zhao 等人（2020）借用了时间序列统计中的定义：若过去的影响按多项式 $j^{-p}$ 衰减，慢到对所有滞后求和会发散，这个过程就具有[[long-memory|长记忆]]；而几何衰减 $\\rho^j$（$\\rho < 1$）无论 $\\rho$ 多接近 1，都只是短记忆。他们证明：状态映射为压缩映射的 RNN 或 LSTM 只能有短记忆。他们的 mLSTM 去掉遗忘门，用过去 $K$ 个细胞状态构造新细胞，权重取分数差分 $(1 - B)^d$ 的系数：$c_t = -\\sum_{j=1}^{K} w_j(d_t) \\odot c_{t-j} + i_t \\odot \\tilde c_t$，其中 $w_j \\sim j^{-1-d}$。这里 $K = 30$，与序列一样长。未训练的 mLSTM 的记忆图在双对数坐标上是一条直线：幂律拟合 $R^2 \\approx 0.99$，指数只有 0.85，指数 $p$ 约为 0.67。',
  'lessons.longmem.window.title': '只在窗口之内',
  'lessons.longmem.window.body':
    '滤波只向前回溯 $K$ 个滞后。超过 $K$ 之后，单元又只是一个固定映射的循环，影响按几何级数消退。这个 mLSTM 在 30 步的序列上从 $K = 10$ 开始：大多数滞后都在窗口之外，记忆图判为指数型（$R^2 \\approx 0.99$，幂律为 0.87）。把 $K$ 往上拖，观察结论的变化：15 时仍是指数型，20 时两种拟合不相上下，结论为“无法判定”，从 25 起幂律胜出。作者在长序列上取 $K = 100$，原因就在于此。每多一个滞后，每一步就多一个 $H$ 维的缓冲；热力图中 $w$ 一行显示权重 $w_1 \\dots w_K$，其绝对值沿滞后逐渐变小。',
  'lessons.longmem.d.title': '记忆参数 d',
  'lessons.longmem.d.body':
    '衰减的指数由 $d$ 决定。把滤波 $c_t = \\sum_j (-w_j) c_{t-j} + \\dots$ 展开，一个输入被传下去的权重按 $j^{d-1}$ 下降：$d$ 越大，幂律越缓；$d = \\tfrac12 \\sigma(\\cdot)$ 把它限制在 $(0, \\tfrac12)$ 内。这一步为每个单元固定一个 $d = \\tfrac12\\sigma(\\delta)$，$\\delta = 0$，所以每个单元一开始都恰好是 $d = 0.25$，热力图中 $d$ 一行是均匀的。记忆图给出的指数 $p$ 约为 0.73，接近 $1 - d = 0.75$。打开动态 $d$：现在 $d_t$ 每一步都由输入、状态和上一步的 $d$ 计算出来，热力图的 $d$ 行开始变化，平均约 0.26。幂律仍在，$p$ 约为 0.67。训练会改变 $d$，也就改变了单元遗忘的快慢。',
  'lessons.longmem.mrnn.title': 'mRNN：把滤波放在输入上',
  'lessons.longmem.mrnn.body':
    'mRNN 保留一个普通的 tanh RNN $h_t$，另加一个记忆 $m_t = \\tanh(W_{mm} m_{t-1} + W_{fm} f_t + b_m)$，它的输入是滤波后的 $f_t = \\sum_{j=1}^{K} w_j(d_t) \\odot x_{t-j+1}$：长记忆滤波直接作用在最近 $K$ 个输入上，每个输入特征一个 $d$。因此 $j$ 步之前的输入对 $m_T$ 的影响就跟随滤波本身的权重 $w_j \\sim j^{-1-d}$。记忆图（针对 $m_T$）与此一致：幂律 $R^2 \\approx 0.99$，指数拟合为 0.87，指数 $p$ 约为 1.2，接近 $1 + d$，在这条探针序列上 $d$ 约为 0.23（见热力图的 $d$ 行）。比 mLSTM 的陡，但仍是幂律。$m$ 自身的 tanh 循环按几何级数遗忘，所以这里 $K$ 同样重要。',
  'lessons.longmem.learn.title': '它能学会吗？',
  'lessons.longmem.learn.body':
    '现在训练一个：$K = 12$ 的 mLSTM，16 个单元，12 步的加法问题。训练前它的记忆图又是幂律（$R^2 \\approx 0.99$）。按下播放。300 步之内，损失降到 0.01 以下，远低于 $1/6$ 的[[baseline|基线]]。然后暂停，看记忆图：结论是“无法判定”，曲线根本不再衰减。训练后的单元并不均匀地遗忘。加法问题要求它无论滞后多远都记住两个被标记的数、忽略其余的数，所以影响跟随标记的位置，而不是某条衰减规律。长记忆是模型类别的性质，是让影响跨越许多滞后的能力；训练后的网络如何使用它，取决于任务。',
  'lessons.longmem.compare.title': '并排比较',
  'lessons.longmem.compare.body':
    '在这一步的设置下（30 步加法问题，8 个单元）把 LSTM、mRNN 和 mLSTM 并排打开。比较页面给当前单元以外的每个单元使用默认选项；展开它的仪表，记忆图会把它们的曲线叠在一起。在训练开始前的第一次读数中，默认遗忘门偏置为 0 的 LSTM 按指数衰减，每步 $r \\approx 0.44$。$K = 30$ 的 mLSTM 遵循幂律。mRNN 使用默认的 $K = 10$，只有序列长度的三分之一，判为指数型：在窗口之外，它和其他 RNN 没有区别。这种意义上的长记忆，既需要滤波，也需要一个与你想保留的依赖一样长的窗口。',
  'lessons.longmem.q.definition.q': '按 Zhao 等人的定义，$j$ 步之前的输入的影响怎样衰减时，模型才具有长记忆？',
  'lessons.longmem.q.definition.geometric': '像 $\\rho^j$ 那样，$\\rho$ 略小于 1',
  'lessons.longmem.q.definition.geometric.why': '不对。无论 $\\rho$ 多接近 1，几何衰减都是短记忆：对所有滞后求和是有限的，记忆图在半对数坐标上是一条直线，就像第一步中的 LSTM。',
  'lessons.longmem.q.definition.power': '像滞后的幂次 $j^{-p}$ 那样',
  'lessons.longmem.q.definition.power.why': '正确。多项式衰减慢到对所有滞后求和会发散；在记忆图上它是双对数坐标中的直线，就像 $K = 30$ 的 mLSTM。',
  'lessons.longmem.q.definition.window': '在 $K$ 步之后恰好变为零',
  'lessons.longmem.q.definition.window.why': '不对。硬截断恰恰与长记忆相反。窗口 $K$ 是 mLSTM 实现上的限制，超出窗口后衰减又变回几何级数，正如“只在窗口之内”那一步所示。',
  'lessons.longmem.q.definition.flat': '根本不衰减',
  'lessons.longmem.q.definition.flat.why': '不对。长记忆仍会衰减，只是很慢：按幂律。完全不衰减的曲线（如训练那一步中训练后的 mLSTM）不会被判为幂律。',
  'lessons.longmem.q.lstm.q': '遗忘门偏置为 3 时，LSTM 的记忆图判为“无法判定”。这时 LSTM 具有长记忆吗？',
  'lessons.longmem.q.lstm.yes': '有：幂律不再被否定',
  'lessons.longmem.q.lstm.yes.why': '不对。“无法判定”只说明在 30 个滞后内两种拟合都不令人信服。衰减率仍为正，而 Zhao 等人证明了：收缩的 LSTM 无论遗忘多慢都是短记忆。',
  'lessons.longmem.q.lstm.slow': '没有：它仍按指数遗忘，只是慢到 30 个滞后分辨不出来',
  'lessons.longmem.q.lstm.slow.why': '正确。衰减率 $r$ 从每步约 0.19 降到约 0.03。序列更长时指数衰减会再次显现；小于 1 的遗忘门只能放慢几何衰减，不能改变它的类型。',
  'lessons.longmem.q.lstm.gate': '无从谈起：长记忆只对 mLSTM 和 mRNN 有定义',
  'lessons.longmem.q.lstm.gate.why': '不对。这个定义针对任何模型的影响曲线，记忆图对每个单元测量的正是它；Zhao 等人也正是这样证明 LSTM 是短记忆的。',
  'lessons.longmem.q.window.q': '这个 mLSTM 在 30 步的序列上从 $K = 10$ 开始。调整滤波长度 $K$，使记忆图的结论显示为幂律。',
  'lessons.longmem.q.window.ok': '幂律：窗口现在覆盖了（几乎）全部 30 个滞后，影响在整张图上按多项式下降。',
  'lessons.longmem.q.window.hint': '还不是幂律。超过 $K$ 个滞后，滤波就不起作用，衰减是几何级数的：让窗口覆盖序列的大部分。',
};
