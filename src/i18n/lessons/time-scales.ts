// Text of the lesson "time-scales" (src/lessons/time-scales.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.scales.title': 'Connections across time scales',
  'lessons.scales.summary': 'Clockwork RNN, Dilated RNN, NARX, TKRNN and SCRNN give the gradient a shorter path between distant steps: each on the same copy task as a tanh RNN, then side by side.',
  'lessons.scales.problem.title': 'A long chain of Jacobians',
  'lessons.scales.problem.body':
    'The copy task shows three symbols, a stretch of blanks, a delimiter `:`, and asks for the three symbols back: with $T = 20$ the first symbol must survive 17 steps. In a tanh RNN the only road from $h_0$ to the recall runs through every step in between, so the gradient meets one [[jacobian|Jacobian]] per step. Press Play and look at the gradient profile: at the start it falls by about 0.57 per step, so the loss barely reaches the first symbol. After 150 steps this RNN recalls about a third of the symbols (chance is 1 in 8, 12.5%). The cells of this lesson do not change the squashing; they change the road. Each adds connections that skip across [[time-scale|time scales]], so that a distant step is a few Jacobians away instead of twenty.',
  'lessons.scales.clockwork.title': 'Clockwork RNN: modules that tick slowly',
  'lessons.scales.clockwork.body':
    'Koutník et al. (2014) cut the hidden state into modules with periods $T_i = 2^i$: 1, 2, 4 and 8 here. A module updates only when $t$ is a multiple of its period and copies its value otherwise, as the clock $m_t$ in the heatmap shows; slow modules feed the fast ones, never the reverse. Between ticks a slow unit passes its gradient back unchanged, so the period-8 module crosses 20 steps in at most three updates. At the start the profile falls by only about 0.89 per step, against 0.57 for the tanh RNN, and after 150 steps about 41% of the symbols come back. Now drag the period base to 1: every module ticks every step, the Clockwork RNN becomes a (block-triangular) plain RNN, its profile falls by about 0.39 per step, and after 100 steps it is still at chance.',
  'lessons.scales.dilated.title': 'Dilated RNN: a stack of ever longer skips',
  'lessons.scales.dilated.body':
    'Chang et al. (2017) keep every unit ticking but let layer $l$ read its own state from $d = 2^l$ steps back: $h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-d} + b)$. Three [[stacking|stacked]] layers have [[dilation|dilations]] 1, 2 and 4, so the top layer spans 20 steps in five hops, and the lower layers hand it the details of the steps in between. There is no gate here, only tanh units. Press Play: within 60 steps the loss falls below 0.6 nats, where guessing scores $\\ln 8 \\approx 2.08$. Then drag the dilation base to 1: the same three layers, now an ordinary stack of tanh RNNs, are still above 1.7 nats after 60 steps. The hidden buffer of $h_{t-1} \\dots h_{t-d+1}$ is the price: each layer keeps its last $d$ states.',
  'lessons.scales.narx.title': 'NARX: a delay line of past outputs',
  'lessons.scales.narx.body':
    'A NARX network (Lin, Horne, Tiňo and Giles 1996) feeds its own outputs back through a tapped delay line: $h_t = \\tanh(W_x x_t + \\sum_{d=1}^{n} W_d\\, y_{t-d} + b)$ with $y_t = W_y h_t + b_y$. With $n = 3$ taps the output of three steps ago enters $h_t$ directly, a [[skip-connection|skip connection]] through time, and the path from the first symbol to the recall takes about a third as many squashing steps. Lin et al. argued exactly this: delays shorten the paths along which the gradient vanishes. Press Play: after 150 steps about 87% of the recalled symbols are right, the best of this lesson’s single-layer cells. Now drag the delay order to 1: only $y_{t-1}$ is fed back, the network is a plain recurrent net again, and after 100 steps it is still at chance.',
  'lessons.scales.tkrnn.title': 'TKRNN: every past value, weighted by a kernel',
  'lessons.scales.tkrnn.body':
    'The temporal-kernel RNN of Sutskever and Hinton (2010) lets each unit hear all of another unit’s past, weighted by a decaying kernel: $s^h_t = h_{t-1} + \\lambda^h \\odot s^h_{t-1}$ sums $h_{t-k}$ with weight $\\lambda^{k-1}$, and $h_t = \\tanh(W_{hh} s^h_t + W_{xh} s^x_{t-1} + b)$. Each sending unit has its own decay rate $\\lambda$, learned and started evenly between 0.2 and 0.9: the heatmap row of $\\lambda^h$ shows fast units beside slow ones. A unit with $\\lambda$ near 1 is a leaky memory that reaches every earlier step in a single connection. So the profile is nearly flat from the start, about 0.97 per step. Press Play: after 150 steps about 44% of the symbols are recalled, more than the tanh RNN’s third.',
  'lessons.scales.scrnn.title': 'SCRNN: a slow context beside fast units',
  'lessons.scales.scrnn.body':
    'Mikolov et al. (2015) add to a sigmoid RNN a few context units with a fixed self-connection: $s_t = (1 - \\alpha) B x_t + \\alpha s_{t-1}$, $h_t = \\sigma(P s_t + A x_t + R h_{t-1})$, and the readout sees both $h_t$ and $s_t$. With $\\alpha = 0.95$ the context is a running average over roughly $1/(1-\\alpha) = 20$ steps, exactly the span of the task. Press Play and watch the heatmap of $s_t$: after 150 steps the first symbols leave a trace that fades by about 5% per step through the blanks and is still about half as strong at the recall, while $h_t$ settles within a few steps of each new input. By then about 41% of the symbols come back. Now drag $\\alpha$ to 0: the context forgets at once, only the fast units remain, and after 100 steps the recall is still at chance. Nothing about the context is learned except what is written into it.',
  'lessons.scales.compare.title': 'Side by side',
  'lessons.scales.compare.body':
    'Open Compare to train the tanh RNN, the Clockwork RNN, NARX and the TKRNN together, on this copy task with the same seed and sizes, each with its own default options. At the start their profiles already differ: about 0.57 per step for the plain RNN, 0.64 for NARX (its delay line carries outputs, not $h$), 0.89 for the Clockwork RNN and 0.97 for the TKRNN. After 150 steps NARX recalls about 87% of the symbols, the TKRNN and the Clockwork RNN a little over 40%, the plain RNN about a third. A flat profile is not the whole story, then: what matters is whether the short path carries what the task needs. The Dilated RNN needs three layers and the SCRNN its context; they had their own steps above.',
  'lessons.scales.q.clock.q': 'On the same copy task, why does the Clockwork RNN’s gradient profile fall so much more gently than the tanh RNN’s?',
  'lessons.scales.q.clock.rare': 'Its slow modules update only every 2, 4 or 8 steps and copy their state in between.',
  'lessons.scales.q.clock.rare.why': 'Right. Between ticks a module’s unit passes its gradient back with a factor of exactly 1, so a gradient crossing 20 steps meets only a few Jacobians. With the period base at 1 every module ticks every step and the profile falls by about 0.39 per step.',
  'lessons.scales.q.clock.orthogonal': 'Its recurrent matrix is orthogonal, so it keeps norms.',
  'lessons.scales.q.clock.orthogonal.why': 'No. $W_H$ is block-triangular and drawn from the same uniform init as a plain RNN’s; nothing holds its norm at 1. The gain comes from the steps on which a module does not update at all.',
  'lessons.scales.q.clock.gates': 'It learns gates that decide when to hold the state.',
  'lessons.scales.q.clock.gates.why': 'No. The clock $m_t$ is a fixed schedule, not a learned gate: which module updates at which step is set by the periods before training starts.',
  'lessons.scales.q.dilation.q': 'A Dilated RNN with three layers and dilation base 2: how many steps back does its top layer’s recurrent connection reach?',
  'lessons.scales.q.dilation.one': 'One step',
  'lessons.scales.q.dilation.one.why': 'That is the bottom layer, $l = 0$, with $d = 2^0 = 1$: an ordinary recurrence.',
  'lessons.scales.q.dilation.two': 'Two steps',
  'lessons.scales.q.dilation.two.why': 'That is the middle layer, $l = 1$. The top one is $l = 2$.',
  'lessons.scales.q.dilation.four': 'Four steps',
  'lessons.scales.q.dilation.four.why': 'Right: layer $l$ reads $h_{t-d}$ with $d = 2^l$, and the top layer is $l = 2$, so $d = 4$ and 20 steps take five hops.',
  'lessons.scales.q.dilation.eight': 'Eight steps',
  'lessons.scales.q.dilation.eight.why': 'That would take a fourth layer ($l = 3$). With three layers the longest dilation is $2^2 = 4$.',
  'lessons.scales.q.order.q': 'This NARX network starts with a delay order of 1 and stays at chance on the copy task. Set the delay order so that, after training, more than 60% of the recalled symbols are right.',
  'lessons.scales.q.order.ok': 'Yes: with several taps the outputs of a few steps back enter $h_t$ directly, and the first symbols reach the recall in a few hops. Order 3 passes 60% within 150 steps.',
  'lessons.scales.q.order.hint': 'With one tap the road from the first symbol to the recall is 19 squashing steps long. Give the delay line more taps, then press Play and wait for the accuracy to climb.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.scales.title': '跨时间尺度的连接',
  'lessons.scales.summary': 'Clockwork RNN、膨胀 RNN、NARX、TKRNN 和 SCRNN 给梯度一条连接远距离时间步的捷径：每个单元都和 tanh RNN 做同一个复制任务，最后并排比较。',
  'lessons.scales.problem.title': '一长串雅可比矩阵',
  'lessons.scales.problem.body':
    '复制任务先给出三个符号，接着是一段空白和分隔符 `:`，然后要求网络把这三个符号依次说出来：当 $T = 20$ 时，第一个符号要保存 17 步。在 tanh RNN 里，从 $h_0$ 到回忆阶段只有一条路，它经过中间的每一步，所以梯度每退一步就要乘一个[[jacobian|雅可比矩阵]]。按下播放，看梯度曲线：一开始它每步约乘 0.57，损失几乎传不到第一个符号。训练 150 步后，这个 RNN 大约能答对三分之一的符号（随机猜测是八分之一，即 12.5%）。本课的单元并不改变压缩非线性，而是改变道路：它们各自增加跨越[[time-scale|时间尺度]]的连接，让远处的一步只隔几个雅可比矩阵，而不是二十个。',
  'lessons.scales.clockwork.title': 'Clockwork RNN：走得慢的模块',
  'lessons.scales.clockwork.body':
    'Koutník 等人（2014）把隐藏状态切成若干模块，周期为 $T_i = 2^i$，这里是 1、2、4、8。模块只在 $t$ 是其周期的倍数时更新，其余时候照抄原值，热力图中的时钟 $m_t$ 显示了这一点；慢模块向快模块输送信息，反之则不行。两次更新之间，慢单元把梯度原样传回，因此周期为 8 的模块至多三次更新就跨过 20 步。一开始梯度曲线每步只乘约 0.89，而 tanh RNN 是 0.57；训练 150 步后约 41% 的符号能被答对。现在把周期底数拖到 1：每个模块每步都更新，Clockwork RNN 变成一个（分块三角的）普通 RNN，曲线每步约乘 0.39，训练 100 步后仍停留在随机水平。',
  'lessons.scales.dilated.title': '膨胀 RNN：逐层加长的跳跃',
  'lessons.scales.dilated.body':
    'Chang 等人（2017）让每个单元每步都更新，但第 $l$ 层读取的是 $d = 2^l$ 步之前的自身状态：$h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-d} + b)$。三层[[stacking|堆叠]]的[[dilation|膨胀]]分别是 1、2、4，所以顶层只需五跳就跨过 20 步，下面的层则把中间各步的细节交给它。这里没有任何门控，只有 tanh 单元。按下播放：60 步之内损失降到 0.6 奈特以下，而随机猜测的损失是 $\\ln 8 \\approx 2.08$。然后把膨胀底数拖到 1：同样的三层变成普通的 tanh RNN 堆叠，训练 60 步后损失仍高于 1.7 奈特。代价是隐藏的缓冲区 $h_{t-1} \\dots h_{t-d+1}$：每一层都要记住自己最近的 $d$ 个状态。',
  'lessons.scales.narx.title': 'NARX：过去输出的延迟线',
  'lessons.scales.narx.body':
    'NARX 网络（Lin、Horne、Tiňo 与 Giles，1996）通过带抽头的延迟线把自己的输出送回输入：$h_t = \\tanh(W_x x_t + \\sum_{d=1}^{n} W_d\\, y_{t-d} + b)$，$y_t = W_y h_t + b_y$。有 $n = 3$ 个抽头时，三步之前的输出直接进入 $h_t$，这是一条穿越时间的[[skip-connection|跳跃连接]]，从第一个符号到回忆阶段所需的压缩步数约减为三分之一。Lin 等人正是这样论证的：延迟缩短了梯度消失所沿的路径。按下播放：训练 150 步后，约 87% 的回忆符号正确，是本课单层单元中最好的。现在把延迟阶数拖到 1：只有 $y_{t-1}$ 被送回，网络又成了普通的循环网络，训练 100 步后仍停留在随机水平。',
  'lessons.scales.tkrnn.title': 'TKRNN：用核加权的全部过去',
  'lessons.scales.tkrnn.body':
    'Sutskever 与 Hinton（2010）的时间核 RNN 让每个单元听到另一个单元的全部过去，并用衰减核加权：$s^h_t = h_{t-1} + \\lambda^h \\odot s^h_{t-1}$ 以权重 $\\lambda^{k-1}$ 累加 $h_{t-k}$，而 $h_t = \\tanh(W_{hh} s^h_t + W_{xh} s^x_{t-1} + b)$。每个发送单元有自己的衰减率 $\\lambda$，它是可学习的，初值均匀分布在 0.2 到 0.9 之间：热力图中 $\\lambda^h$ 一行显示快单元与慢单元并存。$\\lambda$ 接近 1 的单元是一个有泄漏的记忆，只用一条连接就能触及之前的每一步。因此梯度曲线从一开始就几乎是平的，每步约乘 0.97。按下播放：训练 150 步后约 44% 的符号被答对，多于 tanh RNN 的三分之一。',
  'lessons.scales.scrnn.title': 'SCRNN：快单元旁边的慢上下文',
  'lessons.scales.scrnn.body':
    'Mikolov 等人（2015）在 sigmoid RNN 旁边加了少量上下文单元，它们的自连接是固定的：$s_t = (1 - \\alpha) B x_t + \\alpha s_{t-1}$，$h_t = \\sigma(P s_t + A x_t + R h_{t-1})$，读出层同时读取 $h_t$ 和 $s_t$。取 $\\alpha = 0.95$ 时，上下文是约 $1/(1-\\alpha) = 20$ 步的滑动平均，恰好覆盖整个任务。按下播放，看 $s_t$ 的热力图：训练 150 步后，开头的符号留下一道痕迹，在空白段中每步约减弱 5%，到回忆时仍有峰值的一半左右；而 $h_t$ 在每次输入变化后几步之内就趋于稳定。此时约 41% 的符号能被答对。现在把 $\\alpha$ 拖到 0：上下文立刻遗忘，只剩快单元，训练 100 步后回忆仍停留在随机水平。上下文本身除了被写入的内容之外，没有任何东西是学出来的。',
  'lessons.scales.compare.title': '并排比较',
  'lessons.scales.compare.body':
    '打开“对比”页面，让 tanh RNN、Clockwork RNN、NARX 和 TKRNN 一起训练：同一个复制任务、同一种子、同样的规模，各自使用默认选项。一开始它们的梯度曲线就不同：普通 RNN 每步约乘 0.57，NARX 约 0.64（它的延迟线传递的是输出而不是 $h$），Clockwork RNN 约 0.89，TKRNN 约 0.97。训练 150 步后，NARX 约答对 87% 的符号，TKRNN 和 Clockwork RNN 略高于 40%，普通 RNN 约三分之一。可见平坦的梯度曲线并不说明一切：关键是这条捷径是否传递了任务所需的信息。膨胀 RNN 需要三层，SCRNN 需要它的上下文，它们已在前面的步骤中单独训练过。',
  'lessons.scales.q.clock.q': '在同一个复制任务上，为什么 Clockwork RNN 的梯度曲线比 tanh RNN 的下降得平缓得多？',
  'lessons.scales.q.clock.rare': '它的慢模块每 2、4 或 8 步才更新一次，其间照抄自己的状态。',
  'lessons.scales.q.clock.rare.why': '正确。两次更新之间，模块中的单元以恰好为 1 的因子把梯度传回，因此跨越 20 步的梯度只经过少数几个雅可比矩阵。把周期底数设为 1，每个模块每步都更新，曲线每步约乘 0.39。',
  'lessons.scales.q.clock.orthogonal': '它的循环矩阵是正交的，所以保持范数。',
  'lessons.scales.q.clock.orthogonal.why': '不对。$W_H$ 是分块三角矩阵，初始化方式与普通 RNN 相同（均匀分布），没有任何机制把它的范数保持在 1。好处来自模块根本不更新的那些步。',
  'lessons.scales.q.clock.gates': '它学会了决定何时保持状态的门。',
  'lessons.scales.q.clock.gates.why': '不对。时钟 $m_t$ 是固定的时间表，不是学出来的门：哪个模块在哪一步更新，在训练开始前就由周期决定了。',
  'lessons.scales.q.dilation.q': '一个三层、膨胀底数为 2 的膨胀 RNN：它顶层的循环连接能回溯多少步？',
  'lessons.scales.q.dilation.one': '一步',
  'lessons.scales.q.dilation.one.why': '那是最底层 $l = 0$，$d = 2^0 = 1$：普通的循环。',
  'lessons.scales.q.dilation.two': '两步',
  'lessons.scales.q.dilation.two.why': '那是中间层 $l = 1$。顶层是 $l = 2$。',
  'lessons.scales.q.dilation.four': '四步',
  'lessons.scales.q.dilation.four.why': '正确：第 $l$ 层读取 $h_{t-d}$，$d = 2^l$；顶层是 $l = 2$，所以 $d = 4$，跨越 20 步只需五跳。',
  'lessons.scales.q.dilation.eight': '八步',
  'lessons.scales.q.dilation.eight.why': '那需要第四层（$l = 3$）。三层时最长的膨胀是 $2^2 = 4$。',
  'lessons.scales.q.order.q': '这个 NARX 网络从延迟阶数 1 开始，在复制任务上一直停留在随机水平。调整延迟阶数，使训练后超过 60% 的回忆符号正确。',
  'lessons.scales.q.order.ok': '对：有了多个抽头，几步之前的输出直接进入 $h_t$，开头的符号只需几跳就能到达回忆阶段。阶数为 3 时，150 步之内就超过 60%。',
  'lessons.scales.q.order.hint': '只有一个抽头时，从第一个符号到回忆阶段要经过 19 个压缩步。给延迟线更多抽头，然后按下播放，等准确率上升。',
};
