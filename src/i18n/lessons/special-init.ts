// Text of the lesson "special-init" (src/lessons/special-init.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.init.title': 'Special initialisation, and keeping it',
  'lessons.init.summary': 'IRNN, np-RNN, IndRNN, RIN and the uRNN start with recurrent eigenvalues at or near 1; some keep them there by a bound, by construction or by singular-value clipping. Each on the same copy task, with the spectrum widget.',
  'lessons.init.irnn.title': 'IRNN: start from the identity',
  'lessons.init.irnn.body':
    'Le, Jaitly and Hinton (2015) take ReLU units and set $W_{hh} = I$, biases 0. The spectrum widget shows why: all 32 [[eigenvalue|eigenvalues]] sit at exactly 1, on the unit circle. Without input, $h_t = \\mathrm{ReLU}(h_{t-1}) = h_{t-1}$ for every non-negative state, so every such state is a [[fixed-point|fixed point]]: the network remembers whatever it holds until an input moves it. Backwards, a ReLU passes its gradient with a factor of 1 where it is active, so the gradient profile starts flat, about 1.0 per step, on this copy task with $T = 20$. Now drag $\\alpha$, the scale of the identity, to 0.9: every eigenvalue moves to 0.9 and the profile falls by about 0.88 per step. The paper uses such a scaled identity where only short memory is needed.',
  'lessons.init.np.title': 'np-RNN: one direction kept, the rest damped',
  'lessons.init.np.body':
    'Talathi and Vartak (2016) build $W_{hh} = R/\\lambda_{\\max}(R)$ from $R = I + A^\\top A/N$ with Gaussian $A$. $R$ is symmetric and positive definite, so the spectrum widget shows only real, positive eigenvalues, here between about 0.21 and 1, the largest exactly 1. Only the top eigenvector keeps its length under $W_{hh}$: the linear map has a line of fixed points along it and pulls every other direction towards that line. That is gentler than a random init but much less than the identity: the gradient profile falls by about 0.66 per step at the start. Press Play: after 150 steps only about 19% of the symbols come back, barely above chance (12.5%), while the IRNN of the first step reaches about 44% on the same run. Nothing holds the spectrum either: its radius grows past 1.5.',
  'lessons.init.indrnn.title': 'IndRNN: one weight per unit, and a bound',
  'lessons.init.indrnn.body':
    'Li et al. (2018) give each unit a single recurrent weight: $h_t = \\mathrm{ReLU}(W x_t + u \\odot h_{t-1} + b)$. The recurrence is $\\mathrm{diag}(u)$, so its eigenvalues are the entries $u_n$ themselves, all on the real axis of the spectrum widget. A unit’s gradient is multiplied by $u_n$ per step, and over $T$ steps by at most $u_n^T$; the paper bounds $|u_n| \\le \\gamma^{1/T}$ so that no unit grows its gradient by more than $\\gamma$. With $\\gamma = 2$ and $T = 20$ the bound is $2^{1/20} \\approx 1.035$: the weights start evenly between $2^{-1/20} \\approx 0.966$ and 1.035, half of them just outside the unit circle, and after every update they are clipped back. Press Play: after 150 steps no $|u_n|$ is above 1.035 and about 43% of the symbols are recalled. Drag $\\gamma$ to 10: the bound widens to about 1.12.',
  'lessons.init.rin.title': 'RIN: the identity as a fixed part',
  'lessons.init.rin.body':
    'Hu et al. (2018) write the recurrence as $(U + I)\\,h_{t-1}$ with $I$ fixed and only $U$ learned, $U$ drawn small: $h_t = \\mathrm{ReLU}(W x_t + U h_{t-1} + h_{t-1} + b)$. The spectrum widget shows $U$, the learned part: its eigenvalues lie within about 0.2 of the origin, so those of $U + I$ lie within 0.2 of 1, a slightly blurred identity. Some of those lie just outside the unit circle, and the gradient even grows a little going back, about 1.07 per step at the start. Under Adam or SGD this is the IRNN with noise added to its init; the difference is in what weight decay would pull towards, $U \\to 0$ keeping the identity. Press Play: after 150 steps about 44% of the symbols are recalled, and the radius of $U$ has roughly doubled, to about 0.4.',
  'lessons.init.urnn.title': 'uRNN: unitary by construction',
  'lessons.init.urnn.body':
    'Arjovsky, Shah and Bengio (2016) never store a $W_{hh}$: they build it as a product of diagonal phases, two reflections, a permutation and Fourier transforms, all [[unitary]], so $W$ is unitary whatever the parameters are. The widget shows the built $W$ as a real $64 \\times 64$ matrix acting on $[\\operatorname{Re} h; \\operatorname{Im} h]$: all 64 eigenvalues on the unit circle. Press Play and watch them move around the circle but never off it: after 60 steps every $|\\lambda|$ is still 1 to within $10^{-4}$, and the copy task is solved, nearly every recalled symbol right. Only the modReLU nonlinearity can shrink a norm, so the gradient profile starts flat, about 1.03 per step. The price is a restricted family of matrices, with $O(N)$ parameters instead of $N^2$.',
  'lessons.init.svclip.title': 'Keeping it: singular-value clipping',
  'lessons.init.svclip.body':
    'An init decays as soon as training starts. [[sv-clipping|Singular-value clipping]] holds a property instead: after every update, each [[singular-value|singular value]] of $W_{hh}$ above a threshold $c$ is set to $c$ (Vorontsov et al. 2017 and Zhang et al. 2018 constrain the spectrum in this spirit; Kanai et al. 2017 clip). This tanh RNN starts with $W_{hh}$ rescaled to [[spectral-radius|spectral radius]] 1.5: the spectrum widget shows 19 of its 32 eigenvalues outside the unit circle and $\\sigma_{\\max} \\approx 2.8$. Now set the singular-value clip to 1 and press Play: $\\sigma_{\\max}$ drops to 1 at once and stays there after every update, and since no $|\\lambda|$ can exceed $\\sigma_{\\max}$, every eigenvalue is inside the circle. The clipping chart shows $\\sigma_{\\max}$ after each update, held at 1. Drag $\\rho$ to 3 and the clip still wins.',
  'lessons.init.compare.title': 'Side by side, and what training does to the init',
  'lessons.init.compare.body':
    'First press Play here, on the IRNN of the first step, and watch its spectrum: the eigenvalues leave 1 at the first update, and after 150 steps the radius is about 1.35, with 18 of the 32 outside the unit circle. The identity was a starting point, nothing more. Then open Compare: the IRNN, np-RNN, IndRNN and RIN on the same copy task and seed, each with its default options. After 150 steps the IRNN, the IndRNN and the RIN recall about 43–45% of the symbols, the np-RNN about 19%. The IndRNN’s bound, the uRNN’s construction and singular-value clipping are three ways of keeping what an init only offers at the start.',
  'lessons.init.q.clip.q': 'This tanh RNN starts with $\\rho(W_{hh}) = 1.5$ and eigenvalues outside the unit circle. Set the singular-value clip so that, after training a step, the spectrum shows no eigenvalue outside the circle.',
  'lessons.init.q.clip.ok': 'Yes: every singular value of $W_{hh}$ is now at most the clip, and $|\\lambda| \\le \\sigma_{\\max} \\le 1$ for every eigenvalue.',
  'lessons.init.q.clip.hint': 'The clip is off (0) or too high. Any $|\\lambda|$ is at most $\\sigma_{\\max}$: clip the singular values at 1 or below, then press Step or Play so that an update applies it.',
  'lessons.init.q.keep.q': 'Which of these cells keeps every eigenvalue of its recurrent matrix on the unit circle for the whole of training, whatever the updates do?',
  'lessons.init.q.keep.irnn': 'IRNN',
  'lessons.init.q.keep.irnn.why': 'No: the IRNN only starts at $W_{hh} = I$. On this lesson’s copy task its radius is about 1.35 after 150 steps, with 18 of 32 eigenvalues outside.',
  'lessons.init.q.keep.indrnn': 'IndRNN',
  'lessons.init.q.keep.indrnn.why': 'Not quite: the IndRNN bounds $|u_n| \\le \\gamma^{1/T}$ (about 1.035 here), so no eigenvalue gets far out, but inside the bound the weights move freely, above and below 1.',
  'lessons.init.q.keep.urnn': 'uRNN',
  'lessons.init.q.keep.urnn.why': 'Right: $W$ is a product of unitary factors, so it is unitary for any parameter values; after 60 steps every $|\\lambda|$ is still 1 to within $10^{-4}$.',
  'lessons.init.q.fixed.q': 'An IRNN at initialisation ($W_{hh} = I$, $b = 0$) receives zero input. Which states are fixed points, $h_t = h_{t-1}$?',
  'lessons.init.q.fixed.all': 'Every state with no negative entry.',
  'lessons.init.q.fixed.all.why': 'Right: $h_t = \\mathrm{ReLU}(I h_{t-1}) = h_{t-1}$ whenever $h_{t-1} \\ge 0$, and a ReLU network’s states are never negative. The network keeps whatever it holds.',
  'lessons.init.q.fixed.zero': 'Only the zero state.',
  'lessons.init.q.fixed.zero.why': 'No: that would be the case for a contracting $W_{hh}$ (all $|\\lambda| < 1$), like the IRNN with $\\alpha = 0.9$. With the identity nothing contracts.',
  'lessons.init.q.fixed.none': 'None: the state keeps growing.',
  'lessons.init.q.fixed.none.why': 'No: growth needs an eigenvalue above 1. The identity neither grows nor shrinks a state; it copies it.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.init.title': '特殊初始化及其保持',
  'lessons.init.summary': 'IRNN、np-RNN、IndRNN、RIN 和 uRNN 开始时循环矩阵的特征值都在 1 上或 1 附近；有的单元靠上界、靠结构或靠奇异值裁剪把它们一直保持在那里。每个单元都做同一个复制任务，并配有谱图。',
  'lessons.init.irnn.title': 'IRNN：从单位矩阵出发',
  'lessons.init.irnn.body':
    'Le、Jaitly 与 Hinton（2015）使用 ReLU 单元，令 $W_{hh} = I$，偏置为 0。谱图说明了原因：全部 32 个[[eigenvalue|特征值]]恰好都在 1，位于单位圆上。没有输入时，对每个非负状态都有 $h_t = \\mathrm{ReLU}(h_{t-1}) = h_{t-1}$，所以每个这样的状态都是[[fixed-point|不动点]]：网络会一直记住它所持有的内容，直到有输入改变它。反向看，ReLU 在激活处以因子 1 传递梯度，因此在 $T = 20$ 的复制任务上，梯度曲线一开始是平的，每步约乘 1.0。现在把单位矩阵的缩放 $\\alpha$ 拖到 0.9：每个特征值都移到 0.9，曲线每步约乘 0.88。论文在只需要短期记忆的任务上就使用这种缩小的单位矩阵。',
  'lessons.init.np.title': 'np-RNN：保留一个方向，其余衰减',
  'lessons.init.np.body':
    'Talathi 与 Vartak（2016）由 $R = I + A^\\top A/N$（$A$ 为高斯矩阵）构造 $W_{hh} = R/\\lambda_{\\max}(R)$。$R$ 是对称正定矩阵，所以谱图上只有正实特征值，这里约在 0.21 到 1 之间，最大的恰好是 1。在 $W_{hh}$ 作用下只有最大特征值对应的特征向量保持长度：这个线性映射沿该方向有一条不动点线，并把其他方向都拉向这条线。这比随机初始化温和，但远不如单位矩阵：一开始梯度曲线每步约乘 0.66。按下播放：训练 150 步后只有约 19% 的符号被答对，仅略高于随机水平（12.5%），而第一步的 IRNN 在同样的设置下能达到约 44%。也没有任何机制保持这个谱：它的谱半径会增长到 1.5 以上。',
  'lessons.init.indrnn.title': 'IndRNN：每个单元一个权重，外加上界',
  'lessons.init.indrnn.body':
    'Li 等人（2018）给每个单元只配一个循环权重：$h_t = \\mathrm{ReLU}(W x_t + u \\odot h_{t-1} + b)$。循环部分是 $\\mathrm{diag}(u)$，所以它的特征值就是各个 $u_n$，在谱图上全部落在实轴上。单元的梯度每步乘以 $u_n$，$T$ 步至多乘以 $u_n^T$；论文限制 $|u_n| \\le \\gamma^{1/T}$，使任何单元的梯度增长都不超过 $\\gamma$ 倍。取 $\\gamma = 2$、$T = 20$ 时上界为 $2^{1/20} \\approx 1.035$：权重初值均匀分布在 $2^{-1/20} \\approx 0.966$ 与 1.035 之间，其中一半刚好在单位圆之外，每次更新后都会被裁剪回上界之内。按下播放：训练 150 步后没有任何 $|u_n|$ 超过 1.035，约 43% 的符号被答对。把 $\\gamma$ 拖到 10：上界放宽到约 1.12。',
  'lessons.init.rin.title': 'RIN：作为固定部分的单位矩阵',
  'lessons.init.rin.body':
    'Hu 等人（2018）把循环写成 $(U + I)\\,h_{t-1}$，其中 $I$ 固定，只学习 $U$，且 $U$ 的初值很小：$h_t = \\mathrm{ReLU}(W x_t + U h_{t-1} + h_{t-1} + b)$。谱图显示的是可学习的部分 $U$：它的特征值都在原点附近约 0.2 的范围内，因此 $U + I$ 的特征值都在 1 附近 0.2 之内，相当于一个略微模糊的单位矩阵。其中一些刚好落在单位圆外，梯度往回传甚至略有增长，一开始每步约乘 1.07。在 Adam 或 SGD 下，这就是给初值加了噪声的 IRNN；区别在于权重衰减会把参数拉向哪里，$U \\to 0$ 保留了单位矩阵。按下播放：训练 150 步后约 44% 的符号被答对，$U$ 的谱半径大约翻了一倍，约为 0.4。',
  'lessons.init.urnn.title': 'uRNN：结构上就是酉矩阵',
  'lessons.init.urnn.body':
    'Arjovsky、Shah 与 Bengio（2016）从不存储 $W_{hh}$：他们用对角相位矩阵、两个反射、一个置换和傅里叶变换的乘积来构造它，这些因子都是[[unitary|酉矩阵]]，所以无论参数取何值，$W$ 都是酉矩阵。谱图把构造出的 $W$ 显示为作用在 $[\\operatorname{Re} h; \\operatorname{Im} h]$ 上的 $64 \\times 64$ 实矩阵：全部 64 个特征值都在单位圆上。按下播放，看它们沿圆周移动却从不离开：训练 60 步后每个 $|\\lambda|$ 与 1 的差仍小于 $10^{-4}$，复制任务也已解决，回忆的符号几乎全对。只有 modReLU 非线性能缩小范数，所以梯度曲线一开始是平的，每步约乘 1.03。代价是矩阵族受到限制，参数只有 $O(N)$ 个，而不是 $N^2$。',
  'lessons.init.svclip.title': '保持它：奇异值裁剪',
  'lessons.init.svclip.body':
    '初始化的性质一开始训练就会衰退。[[sv-clipping|奇异值裁剪]]则把性质保持下去：每次更新之后，$W_{hh}$ 中超过阈值 $c$ 的每个[[singular-value|奇异值]]都被设为 $c$（2017 年和 2018 年都有工作以同样的思路约束谱，例如 Zhang 等人 2018 年的工作；Kanai 等人 2017 年采用的就是裁剪，见文末的论文列表）。这个 tanh RNN 的 $W_{hh}$ 初始时被缩放到[[spectral-radius|谱半径]] 1.5：谱图显示 32 个特征值中有 19 个在单位圆外，$\\sigma_{\\max} \\approx 2.8$。现在把奇异值裁剪设为 1 并按下播放：$\\sigma_{\\max}$ 立即降到 1，此后每次更新后都保持在 1，而任何 $|\\lambda|$ 都不会超过 $\\sigma_{\\max}$，所以每个特征值都在圆内。裁剪图显示每次更新后的 $\\sigma_{\\max}$，始终保持在 1。把 $\\rho$ 拖到 3，裁剪依然有效。',
  'lessons.init.compare.title': '并排比较，以及训练对初始化做了什么',
  'lessons.init.compare.body':
    '先在这里按下播放，训练第一步中的 IRNN，观察它的谱：第一次更新后特征值就离开了 1，训练 150 步后谱半径约为 1.35，32 个特征值中有 18 个在单位圆外。单位矩阵只是一个起点，仅此而已。然后打开“对比”页面：IRNN、np-RNN、IndRNN 和 RIN 在同一个复制任务、同一种子下训练，各自使用默认选项。训练 150 步后，IRNN、IndRNN 和 RIN 约答对 43% 到 45% 的符号，np-RNN 约 19%。IndRNN 的上界、uRNN 的结构和奇异值裁剪，是把初始化只在开始时提供的性质保持下去的三种办法。',
  'lessons.init.q.clip.q': '这个 tanh RNN 开始时 $\\rho(W_{hh}) = 1.5$，有特征值位于单位圆外。调整奇异值裁剪，使训练一步之后谱图上没有任何特征值在圆外。',
  'lessons.init.q.clip.ok': '对：现在 $W_{hh}$ 的每个奇异值都不超过裁剪阈值，每个特征值都满足 $|\\lambda| \\le \\sigma_{\\max} \\le 1$。',
  'lessons.init.q.clip.hint': '裁剪是关闭的（0）或阈值太高。任何 $|\\lambda|$ 都不超过 $\\sigma_{\\max}$：把奇异值裁剪在 1 或更低，然后按“单步”或播放，让一次更新生效。',
  'lessons.init.q.keep.q': '下面哪个单元在整个训练过程中，无论参数怎样更新，都让循环矩阵的每个特征值保持在单位圆上？',
  'lessons.init.q.keep.irnn': 'IRNN 单元',
  'lessons.init.q.keep.irnn.why': '不对：IRNN 只是从 $W_{hh} = I$ 出发。在本课的复制任务上，训练 150 步后它的谱半径约为 1.35，32 个特征值中有 18 个在圆外。',
  'lessons.init.q.keep.indrnn': 'IndRNN 单元',
  'lessons.init.q.keep.indrnn.why': '不完全对：IndRNN 限制 $|u_n| \\le \\gamma^{1/T}$（这里约为 1.035），所以没有特征值会远离圆周，但在上界之内权重可以自由变化，可大于 1 也可小于 1。',
  'lessons.init.q.keep.urnn': 'uRNN 单元',
  'lessons.init.q.keep.urnn.why': '正确：$W$ 是若干酉因子的乘积，对任何参数值都是酉矩阵；训练 60 步后每个 $|\\lambda|$ 与 1 的差仍小于 $10^{-4}$。',
  'lessons.init.q.fixed.q': '初始化时的 IRNN（$W_{hh} = I$，$b = 0$）接收零输入。哪些状态是不动点，即 $h_t = h_{t-1}$？',
  'lessons.init.q.fixed.all': '所有没有负分量的状态。',
  'lessons.init.q.fixed.all.why': '正确：只要 $h_{t-1} \\ge 0$，就有 $h_t = \\mathrm{ReLU}(I h_{t-1}) = h_{t-1}$，而 ReLU 网络的状态从不为负。网络会保持它所持有的一切。',
  'lessons.init.q.fixed.zero': '只有零状态。',
  'lessons.init.q.fixed.zero.why': '不对：那是收缩的 $W_{hh}$（所有 $|\\lambda| < 1$）的情形，例如 $\\alpha = 0.9$ 的 IRNN。单位矩阵不收缩任何东西。',
  'lessons.init.q.fixed.none': '没有：状态会一直增长。',
  'lessons.init.q.fixed.none.why': '不对：增长需要大于 1 的特征值。单位矩阵既不放大也不缩小状态，只是照抄它。',
};
