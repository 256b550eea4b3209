// Text of the lesson "multiplicative" (src/lessons/multiplicative.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.mult.title': 'Multiplicative and higher-order interactions',
  'lessons.mult.summary': 'Cells in which inputs and states multiply instead of only adding: multiplicative integration in the RNN, GRU and LSTM, the HOT-RNN’s tensor train, the fTRU’s fractional power, and the QRNN’s convolution plus pooling, each trained live.',
  'lessons.mult.mi.title': 'Let the input scale the past',
  'lessons.mult.mi.body':
    'In a plain RNN the input and the state are added, $\\tanh(Wx_t + Uh_{t-1} + b)$: the input can shift the sum but cannot change how much the past counts. Wu et al. (2016) add a product, $h_t = \\tanh(\\alpha \\odot Wx_t \\odot Uh_{t-1} + \\beta_1 \\odot Uh_{t-1} + \\beta_2 \\odot Wx_t + b)$, so the [[jacobian|Jacobian]] becomes $\\mathrm{diag}(1 - h_t^2)\\,\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)\\, U$: the current input rescales, unit by unit, how much of the past (and of its gradient) gets through. This MI-RNN starts with $\\alpha = 1$, $\\beta = 0.5$ on the 10-step adding problem. At initialisation $Wx_t$ is small, so $\\beta_1$ sets the scale: the gradient chart falls by about 0.26 per step, its first bar about $10^{-5}$ of the last. Drag $\\beta$ to 1 and the run restarts at about 0.53 per step, like a plain tanh RNN on the same run. At 2 it restarts flat, about 0.99 per step. Moving $\\alpha$ between 0 and 2 barely changes it: $\\alpha$ multiplies $Wx_t$, which is small at this initialisation.',
  'lessons.mult.gated.title': 'The same trick inside the gates',
  'lessons.mult.gated.body':
    'Multiplicative integration is a drop-in change to any block of the form $Wx + Uh$, so it fits inside gates too. The MI-GRU uses it in its [[reset-gate|reset gate]], [[update-gate|update gate]] and candidate; the MI-LSTM in all four blocks of the LSTM, leaving the additive [[cell-state|cell state]] untouched. Each block costs only three extra vectors $\\alpha, \\beta_1, \\beta_2$. Press Play on the MI-GRU, 20-step adding problem: before training its gradient chart falls by about 0.54 per step, after 150 steps it is nearly flat (about 0.99 per step) and the loss is below 0.01, far under the [[baseline|baseline]] of $1/6$. The button opens the GRU, the MI-GRU and the MI-LSTM side by side on this run, each with its default options, to compare their loss curves and gradient profiles as they train.',
  'lessons.mult.tensor.title': 'Higher order, stored as a tensor train',
  'lessons.mult.tensor.body':
    'Yu et al. (2017) go further: the gates of their HOT-RNN read the last $L$ states at once, $S_{t-1} = [h_{t-L}; \\dots; h_{t-1}; 1]$ of size $D = LH + 1$, and all their products up to order $P$, through a weight tensor $\\langle \\mathcal{A}, S_{t-1}^{\\otimes P} \\rangle$. In full that tensor is huge: here, with $H = 16$ and $L = P = 2$, it has $33^2 \\cdot 64 = 69{,}696$ entries. A [[tensor-train|tensor train]] stores it as a chain of small cores $A^{(1)} A^{(2)}$ with inner rank $r$, and the whole model has 4,499 parameters. Drag the rank to 1 and it has 2,354. Set the order to 3 and it has 4,631, only 132 more, where the full tensor would grow to more than two million. Press Play: with $r = 2$ and $P = 2$ the loss falls below 0.02 within 150 steps.',
  'lessons.mult.ftru.title': 'A fractional degree: the fTRU',
  'lessons.mult.ftru.body':
    'Qiu et al. (2021) ask what the degree of a polynomial recurrence does to memory. Their tensor-power cell computes $z_{t,r} = W_r^\\top [h_{t-1}; x_t]$ for two terms and $h_t = \\tanh(\\sum_r \\mathrm{sgn}(z_{t,r}) \\odot |z_{t,r}|^{p} + b)$: a degree-$p$ power, made continuous by the signed power so that the degree $p$ can be learned per unit. A large degree helps memory but makes the dynamics unstable; a continuous $p$ lets training choose. Here every unit starts at $p = 1$, an ordinary tanh RNN; the heatmap’s $p$ row shows the degrees. Press Play on the copy task with 12 steps: after 150 steps the mean degree has risen to about 1.3, the loss is below 0.83 nats (0.4 of the baseline $\\ln 8$), and about three quarters of the recalled symbols are right, against 12.5% by chance.',
  'lessons.mult.qrnn.title': 'Convolution plus pooling: the QRNN',
  'lessons.mult.qrnn.body':
    'The QRNN of Bradbury et al. (2017) moves every matrix out of the recurrence. The candidate and the gates are computed from a short causal window of $k$ inputs only, $z_t = \\tanh(W_z [x_{t-k+1}; \\dots; x_t] + b_z)$ and likewise $f_t$ and $o_t$, so on a GPU they come out for all steps at once, as a convolution. What remains sequential is element-wise: $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$, $h_t = o_t \\odot c_t$. Memory comes from the [[forget-gate|forget gate]], as in the LSTM, but the gates never see $h_{t-1}$. The model is tiny: 513 parameters at $k = 2$. Drag the width to 1 (321) or 4 (897): each extra input in the window adds 192 weights. Press Play: at $k = 2$ the loss falls below 0.05 within 250 steps; watch the $f$ rows of the heatmap.',
  'lessons.mult.q.mi.q': 'What does multiplicative integration change in the Jacobian $\\partial h_t / \\partial h_{t-1}$ of an RNN?',
  'lessons.mult.q.mi.input': 'The current input rescales it unit by unit, through $\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)$',
  'lessons.mult.q.mi.input.why': 'Right. The Jacobian is $\\mathrm{diag}(1 - h_t^2)\\,\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)\\,U$: what is read now decides how much of the past gets through, and at initialisation $\\beta_1$ alone sets the slope of the gradient chart.',
  'lessons.mult.q.mi.tensor': 'It replaces $U$ by a full third-order tensor',
  'lessons.mult.q.mi.tensor.why': 'No. MI adds only three vectors $\\alpha, \\beta_1, \\beta_2$; a full tensor of input-state products is what it avoids. The HOT-RNN’s tensor train is another way to keep such a tensor small.',
  'lessons.mult.q.mi.nothing': 'Nothing: it only changes the input term',
  'lessons.mult.q.mi.nothing.why': 'No. Dragging $\\beta$ from 0.5 to 2 changed the gradient chart from about 0.26 to about 0.99 per step: the term multiplies $Uh_{t-1}$, so it sits on the path back in time.',
  'lessons.mult.q.qrnn.q': 'Why can the QRNN compute its candidate and gates for all time steps at once?',
  'lessons.mult.q.qrnn.inputs': 'They depend only on a window of inputs, not on $h_{t-1}$',
  'lessons.mult.q.qrnn.inputs.why': 'Right. Only the element-wise pooling $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$ runs step by step; the matrices act on the inputs, as a convolution.',
  'lessons.mult.q.qrnn.fourier': 'It computes them in the frequency domain',
  'lessons.mult.q.qrnn.fourier.why': 'No. That is closer to the FRU of the previous lesson. The QRNN’s gates are a plain causal convolution over $k$ inputs.',
  'lessons.mult.q.qrnn.forget': 'It has no forget gate, so nothing is sequential',
  'lessons.mult.q.qrnn.forget.why': 'No. It does have a forget gate $f_t$, and it is where its memory comes from; the pooling with it is the sequential part.',
  'lessons.mult.q.rank.q': 'The full weight tensor of this HOT-RNN would have 69,696 entries. Set the tensor-train rank so that the whole model has fewer than 3,000 parameters.',
  'lessons.mult.q.rank.ok': 'Yes: at rank 1 the chain of cores holds the tensor in a few thousand numbers, 2,354 parameters for the whole model. Watch whether it still learns the task.',
  'lessons.mult.q.rank.hint': 'Still 3,000 or more. The largest core has $r \\cdot D \\cdot 4H$ entries: a smaller rank shrinks it.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.mult.title': '乘法与高阶交互',
  'lessons.mult.summary': '输入与状态相乘而不只是相加的单元：RNN、GRU 和 LSTM 中的乘法整合，HOT-RNN 的张量列车，fTRU 的分数次幂，以及 QRNN 的卷积加池化，每一个都现场训练。',
  'lessons.mult.mi.title': '让输入缩放过去',
  'lessons.mult.mi.body':
    '普通 RNN 把输入与状态相加，$\\tanh(Wx_t + Uh_{t-1} + b)$：输入能平移这个和，却不能改变过去的分量有多重。Wu 等人（2016）加入一个乘积项，$h_t = \\tanh(\\alpha \\odot Wx_t \\odot Uh_{t-1} + \\beta_1 \\odot Uh_{t-1} + \\beta_2 \\odot Wx_t + b)$，于是[[jacobian|雅可比矩阵]]变成 $\\mathrm{diag}(1 - h_t^2)\\,\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)\\, U$：当前输入逐单元地缩放过去（以及它的梯度）能传过来多少。这个 MI-RNN 在 10 步的加法问题上从 $\\alpha = 1$、$\\beta = 0.5$ 开始。初始化时 $Wx_t$ 很小，所以尺度由 $\\beta_1$ 决定：梯度图每步约降为 0.26 倍，第一根柱约为最后一根的 $10^{-5}$。把 $\\beta$ 拖到 1，训练重新开始，曲线每步约 0.53 倍，与同一次运行上的普通 tanh RNN 相当。到 2 时重新开始的曲线是平的，每步约 0.99 倍。在 0 到 2 之间移动 $\\alpha$，几乎没有影响：$\\alpha$ 乘的是 $Wx_t$，而它在这种初始化下很小。',
  'lessons.mult.gated.title': '把同样的技巧放进门里',
  'lessons.mult.gated.body':
    '乘法整合可以直接替换任何形如 $Wx + Uh$ 的模块，所以也能放进门里。MI-GRU 在[[reset-gate|重置门]]、[[update-gate|更新门]]和候选值中使用它；MI-LSTM 在 LSTM 的全部四个模块中使用它，加性的[[cell-state|细胞状态]]保持不变。每个模块只多出三个向量 $\\alpha, \\beta_1, \\beta_2$。在 20 步的加法问题上对 MI-GRU 按下播放：训练前它的梯度图每步约降为 0.54 倍，150 步后几乎是平的（每步约 0.99 倍），损失低于 0.01，远低于 $1/6$ 的[[baseline|基线]]。按钮会在这次运行的设置下把 GRU、MI-GRU 和 MI-LSTM 并排打开，各用默认选项，便于比较它们训练时的损失曲线和梯度曲线。',
  'lessons.mult.tensor.title': '更高阶，用张量列车存储',
  'lessons.mult.tensor.body':
    'Yu 等人（2017）走得更远：他们的 HOT-RNN 的门同时读取最近 $L$ 个状态 $S_{t-1} = [h_{t-L}; \\dots; h_{t-1}; 1]$（维数 $D = LH + 1$）以及它们直到 $P$ 阶的所有乘积，通过权重张量 $\\langle \\mathcal{A}, S_{t-1}^{\\otimes P} \\rangle$ 作用。完整的张量非常大：这里 $H = 16$、$L = P = 2$，它有 $33^2 \\cdot 64 = 69{,}696$ 个元素。[[tensor-train|张量列车]]把它存成一串内部秩为 $r$ 的小核 $A^{(1)} A^{(2)}$，整个模型只有 4,499 个参数。把秩拖到 1，参数变为 2,354。把阶数设为 3，参数为 4,631，只多 132 个，而完整张量会增长到两百多万。按下播放：$r = 2$、$P = 2$ 时，150 步之内损失降到 0.02 以下。',
  'lessons.mult.ftru.title': '分数次数：fTRU',
  'lessons.mult.ftru.body':
    'Qiu 等人（2021）研究多项式循环的次数对记忆有什么影响。他们的张量幂单元对两项计算 $z_{t,r} = W_r^\\top [h_{t-1}; x_t]$，再取 $h_t = \\tanh(\\sum_r \\mathrm{sgn}(z_{t,r}) \\odot |z_{t,r}|^{p} + b)$：这是 $p$ 次幂，借带符号的幂变成连续的，于是次数 $p$ 可以按单元学习。次数大有助于记忆，却让动力学不稳定；连续的 $p$ 让训练自己做选择。这里每个单元都从 $p = 1$ 开始，也就是普通的 tanh RNN；热力图的 $p$ 行显示各单元的次数。在 12 步的复制任务上按下播放：150 步之后平均次数升到约 1.3，损失低于 0.83 奈特（基线 $\\ln 8$ 的 0.4），复现的符号约有四分之三正确，而随机猜测只有 12.5%。',
  'lessons.mult.qrnn.title': '卷积加池化：QRNN',
  'lessons.mult.qrnn.body':
    'Bradbury 等人（2017）的 QRNN 把所有矩阵都移出了循环。候选值和门只由 $k$ 个输入组成的短因果窗口计算，$z_t = \\tanh(W_z [x_{t-k+1}; \\dots; x_t] + b_z)$，$f_t$ 与 $o_t$ 同理，所以在 GPU 上它们可以像卷积一样对所有时间步一次算出。剩下的顺序计算都是逐元素的：$c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$，$h_t = o_t \\odot c_t$。记忆来自[[forget-gate|遗忘门]]，与 LSTM 相同，但门永远看不到 $h_{t-1}$。模型非常小：$k = 2$ 时只有 513 个参数。把窗口宽度拖到 1（321 个）或 4（897 个）：窗口中每多一个输入，就多 192 个权重。按下播放：$k = 2$ 时 250 步之内损失降到 0.05 以下；留意热力图中的 $f$ 行。',
  'lessons.mult.q.mi.q': '乘法整合改变了 RNN 的雅可比矩阵 $\\partial h_t / \\partial h_{t-1}$ 中的什么？',
  'lessons.mult.q.mi.input': '当前输入通过 $\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)$ 逐单元地缩放它',
  'lessons.mult.q.mi.input.why': '正确。雅可比矩阵是 $\\mathrm{diag}(1 - h_t^2)\\,\\mathrm{diag}(\\alpha \\odot Wx_t + \\beta_1)\\,U$：当前读到的内容决定过去能传过来多少；初始化时，单凭 $\\beta_1$ 就决定了梯度图的斜率。',
  'lessons.mult.q.mi.tensor': '它用一个完整的三阶张量替换 $U$',
  'lessons.mult.q.mi.tensor.why': '不对。MI 只增加三个向量 $\\alpha, \\beta_1, \\beta_2$；它恰恰避免了输入与状态乘积的完整张量。HOT-RNN 的张量列车是让这种张量保持小巧的另一种办法。',
  'lessons.mult.q.mi.nothing': '什么也没改变：它只改变输入项',
  'lessons.mult.q.mi.nothing.why': '不对。把 $\\beta$ 从 0.5 拖到 2，梯度图从每步约 0.26 倍变成约 0.99 倍：这一项乘在 $Uh_{t-1}$ 上，正处在回溯时间的通路上。',
  'lessons.mult.q.qrnn.q': '为什么 QRNN 能一次算出所有时间步的候选值和门？',
  'lessons.mult.q.qrnn.inputs': '它们只依赖一个输入窗口，而不依赖 $h_{t-1}$',
  'lessons.mult.q.qrnn.inputs.why': '正确。只有逐元素的池化 $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$ 需要逐步计算；矩阵作用在输入上，相当于卷积。',
  'lessons.mult.q.qrnn.fourier': '它在频域中计算它们',
  'lessons.mult.q.qrnn.fourier.why': '不对。那更接近上一课的 FRU。QRNN 的门是对 $k$ 个输入的普通因果卷积。',
  'lessons.mult.q.qrnn.forget': '它没有遗忘门，所以没有任何顺序计算',
  'lessons.mult.q.qrnn.forget.why': '不对。它有遗忘门 $f_t$，它的记忆正来自这里；用它做的池化就是顺序计算的部分。',
  'lessons.mult.q.rank.q': '这个 HOT-RNN 的完整权重张量会有 69,696 个元素。调整张量列车的秩，使整个模型的参数少于 3,000 个。',
  'lessons.mult.q.rank.ok': '对了：秩为 1 时，一串小核只用几千个数就存下了这个张量，整个模型 2,354 个参数。看看它是否仍能学会任务。',
  'lessons.mult.q.rank.hint': '仍然不少于 3,000。最大的核有 $r \\cdot D \\cdot 4H$ 个元素：减小秩就能让它变小。',
};
