// Text of the lesson "vanishing-gradients" (src/lessons/vanishing-gradients.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.vanish.title': 'Why plain RNNs forget',
  'lessons.vanish.summary': 'Backpropagation through time and the eigenvalue argument: watch $\\partial L / \\partial h_t$ fade through a tanh RNN, see why even an orthogonal $W_{hh}$ loses it, and what clipping, gates and an identity start do.',
  'lessons.vanish.plain.title': '`I grew up in France … I speak fluent ___`',
  'lessons.vanish.plain.body':
    'To fill that blank a language model needs a word it read many words ago; everything in between is noise. A vanilla RNN must carry “France” in one vector $h_t$, rebuilt at every step from the new input and the old state, $h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$, with the same $W_{hh}$ at step 1, at step 2 and at step 40. The adding problem is the same difficulty in miniature: forty random numbers go by, two of them are marked, and only at the very end must the network output the sum of the two marked ones. Press Play. The heatmap shows the [[hidden-state|hidden state]] $h_t$ on one probe sequence, a row per unit and a column per step; the loss chart shows how far the answers are off.',
  'lessons.vanish.backward.title': 'Backpropagation through time',
  'lessons.vanish.backward.body':
    'To train, the network is [[unroll|unrolled]] into forty copies and the error flows backwards through all of them: [[bptt|backpropagation through time]]. The loss sits at the last step, so whatever the network learns about the first marked number crosses every step in between, and each step back multiplies the gradient by a [[jacobian|Jacobian]], $\\partial h_t / \\partial h_{t-1} = \\mathrm{diag}(1 - h_t^2)\\, W_{hh}$. The large chart plots $\\lVert \\partial L / \\partial h_t \\rVert$ per step on a log scale, last step on the right. With PyTorch’s initialisation, used here, each step back costs a factor of about 0.55, a straight downward slope: the first bar is around 10⁻¹⁰ of the last. The Jacobian chart below multiplies the same factors on the probe sequence: $\\lVert \\partial h_T / \\partial h_0 \\rVert$ starts near 10⁻¹⁰ too. The first marked number hardly reaches the weights.',
  'lessons.vanish.scale.title': 'The eigenvalue argument: the spectral radius of $W_{hh}$',
  'lessons.vanish.scale.body':
    'Forty steps back is a product of forty Jacobians, nearly $W_{hh}^{40}$. A matrix power grows or shrinks like its largest [[eigenvalue|eigenvalue]]: the [[spectral-radius|spectral radius]] $\\rho$, the largest $|\\lambda|$, above 1 or below 1. The spectrum widget draws the eigenvalues of $W_{hh}$ against the unit circle; here $\\rho = 1$, so the outermost one starts on the circle (PyTorch’s own init has $\\rho \\approx 0.6$: the slider’s “off”). Drag $\\rho$: the run restarts with $W_{hh}$ rescaled to exactly that radius. At $\\rho = 0.5$ the first bar falls below 10⁻¹⁰ of the last; at $\\rho = 1$ the slope of tanh still costs about 0.83 per step; near 1.5 the profile is roughly flat; from 2 it turns over at the start, and at 3 the first bar is about 10⁵ times the last, with gradient norms above 10³ (clipping is off here). Tanh saturates, so nothing becomes infinite. Bengio, Simard and Frasconi described both failures in 1994.',
  'lessons.vanish.orthogonal.title': 'Even an orthogonal $W_{hh}$ vanishes',
  'lessons.vanish.orthogonal.body':
    'Is $\\rho = 1$ then safe? The Jacobian chart says no: at the start $\\lVert \\partial h_T / \\partial h_0 \\rVert$ is only a few thousandths. Each step back multiplies by $\\mathrm{diag}(1 - h_t^2)$ as well as by $W_{hh}$, and the slope of tanh, $1 - h_t^2$, is below 1 everywhere except at exactly 0. Take the best possible matrix, an [[orthogonal|orthogonal]] one: every singular value is 1, so $W_{hh}$ keeps every vector’s length, and still each step shrinks it by the tanh slope of every unit. Open the “What if” page, which runs a tanh RNN without training: keep $\\rho \\cdot Q$ with $Q$ orthogonal, set $\\rho = 1$ and $T = 200$. All eigenvalues lie on the unit circle, yet $\\lVert \\partial h_T / \\partial h_0 \\rVert$ is around 10⁻¹⁰, and fifty steps back it is already below 10⁻². This is why rescaling $W_{hh}$ cannot cure [[vanishing-gradient|vanishing gradients]]: the nonlinearity itself leaks.',
  'lessons.vanish.clip.title': 'Clipping bounds the updates, not the vanishing',
  'lessons.vanish.clip.body':
    '[[gradient-clipping|Gradient clipping]] rescales the whole gradient whenever its norm exceeds a threshold, so no single batch can dictate a huge update. Here $\\rho$ starts at 3: the raw gradient norm reaches 10³ and more, and with the threshold at 1 every update is computed from a gradient of norm at most 1. The clipping chart draws both, raw and clipped, per training step; drag the threshold to 0 (off) to compare. Two things clipping does not do. It cannot stop an explosion in the forward pass: on this task a ReLU RNN at $\\rho = 3$, which nothing saturates, grows its state step after step and starts with a loss near 10¹⁴. And it can only make a gradient smaller, so bring $\\rho$ below 1 and the fall-off on the left of the gradient chart is exactly as before. [[exploding-gradient|Exploding gradients]] are tamed; vanishing needs a change to the cell itself.',
  'lessons.vanish.gates.title': 'Gates fix vanishing, not exploding',
  'lessons.vanish.gates.body':
    'Same task, same seed, now an LSTM. Its [[cell-state|cell state]] is updated by addition, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, so one step back along $c_t$ multiplies the gradient only by the [[forget-gate|forget gate]] $f_t$, unit by unit, with no matrix and no squashing. With a forget-gate bias of 1, $f_t$ starts near $\\sigma(1) \\approx 0.73$: the profile falls by about 0.78 per step instead of 0.55, so the first bar is around 10⁻⁴ of the last instead of 10⁻¹⁰. A gate is at most 1, so that path can never amplify. But the gates themselves read $h_{t-1}$ through recurrent matrices, and that path can. Pause, drag $\\rho$ to 3, which rescales each gate’s block of $W_{hh}$, and press Step once: the first batch’s profile turns over, the first bar tens of times the last. Training soon saturates the gates and the profile falls again, but a burst at the wrong moment can still throw the weights far: LSTMs are still trained with clipping, on here at 1.',
  'lessons.vanish.identity.title': 'Or start where the gradient is preserved',
  'lessons.vanish.identity.body':
    'Gates are not the only fix. The IRNN of Le, Jaitly and Hinton (2015) keeps the plain recurrence but uses ReLU, and starts from $W_{hh} = I$ with a zero bias: at initialisation every active unit copies its value forward unchanged, and along those units the Jacobian is exactly the identity; ReLU’s slope is exactly 1 where it is active, so there is no tanh leak. The spectrum shows every eigenvalue at 1. The gradient profile starts flat, and training has to keep it so. Drag $\\rho$ to 0.9 or 1.1 to feel how delicate this is: at 0.9 the first bar drops to about 10⁻² of the last, at 1.1 it grows to about thirty times the last. The identity sits on a knife edge between vanishing and exploding. For more sliders and no training, the “What if” page takes the same argument further.',
  'lessons.vanish.q.outside.q': 'The run starts at $\\rho = 0.5$: every eigenvalue of $W_{hh}$ is well inside the unit circle. Set the slider so that the live spectrum has an eigenvalue outside the circle, the regime where gradients can explode.',
  'lessons.vanish.q.outside.ok': 'Outside the unit circle, $W_{hh}^k$ grows along that eigenvector: a linear recurrence would explode. The slope of tanh pulls the other way, so the gradient chart only flattens near $\\rho = 1.5$ and turns over, early steps above the last, from $\\rho = 2$.',
  'lessons.vanish.q.outside.hint': 'The spectrum widget’s outermost point is the spectral radius; the slider sets it at the restart. Training alone does not push it past 1 from here.',
  'lessons.vanish.q.ortho.q': 'A tanh RNN has an orthogonal $W_{hh}$ (all singular values 1). What happens to $\\lVert \\partial h_T / \\partial h_0 \\rVert$ over 200 steps?',
  'lessons.vanish.q.ortho.kept': 'It stays near 1, because $W_{hh}$ preserves lengths.',
  'lessons.vanish.q.ortho.kept.why': '$W_{hh}$ does, but every step also multiplies by $\\mathrm{diag}(1 - h_t^2)$, below 1 wherever a unit is not exactly 0. On the “What if” page it ends near 10⁻¹⁰.',
  'lessons.vanish.q.ortho.vanishes': 'It vanishes: the slope of tanh shrinks it at every step.',
  'lessons.vanish.q.ortho.vanishes.why': 'Right: the product of 200 factors $\\mathrm{diag}(1 - h_t^2) W_{hh}$ shrinks even when $W_{hh}$ is orthogonal. The “What if” page shows about 10⁻¹⁰ at $\\rho = 1$, $T = 200$.',
  'lessons.vanish.q.ortho.explodes': 'It explodes: eigenvalues on the unit circle add up.',
  'lessons.vanish.q.ortho.explodes.why': 'Eigenvalues of modulus 1 neither grow nor shrink a vector; only $|\\lambda| > 1$ could amplify, and tanh’s slope pulls the other way.',
  'lessons.vanish.q.clip.q': 'Which problem does gradient clipping solve?',
  'lessons.vanish.q.clip.exploding': 'Exploding gradients: no update can be larger than the threshold.',
  'lessons.vanish.q.clip.exploding.why': 'Right. The clipping chart shows raw norms above 10³ at $\\rho = 3$ while every applied update has norm at most 1.',
  'lessons.vanish.q.clip.vanishing': 'Vanishing gradients: it lifts the small bars.',
  'lessons.vanish.q.clip.vanishing.why': 'Clipping only ever shrinks a gradient. Below $\\rho = 1$ the gradient chart is identical with and without it.',
  'lessons.vanish.q.clip.both': 'Both, by keeping the norm near the threshold.',
  'lessons.vanish.q.clip.both.why': 'It rescales only when the norm is above the threshold, and then the whole gradient at once: the early steps’ share stays as small as before.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.vanish.title': '普通 RNN 为什么会遗忘',
  'lessons.vanish.summary': '随时间反向传播与特征值论证：看 $\\partial L / \\partial h_t$ 在 tanh RNN 中逐步衰减，明白为什么连正交的 $W_{hh}$ 也留不住它，以及裁剪、门控和单位矩阵初始化各起什么作用。',
  'lessons.vanish.plain.title': '我在法国长大……我能说一口流利的＿＿',
  'lessons.vanish.plain.body':
    '要填上这个空，语言模型需要的是很多个词之前读到的一个词，中间的一切都只是干扰。普通 RNN 只能把“法国”存放在一个向量 $h_t$ 里，而这个向量每一步都由新的输入和旧的状态重新算出：$h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$，第 1 步、第 2 步直到第 40 步用的都是同一个 $W_{hh}$。加法问题是同一难题的缩小版：四十个随机数依次经过，其中两个被标记，直到最后一步，网络才需要输出这两个数之和。按下“开始”。热力图显示一条探针序列上的[[hidden-state|隐藏状态]] $h_t$，每行一个单元，每列一个时间步；损失曲线显示答案偏差有多大。',
  'lessons.vanish.backward.title': '随时间反向传播',
  'lessons.vanish.backward.body':
    '训练时，网络被[[unroll|展开]]成四十份副本，误差穿过所有副本向后流动，这就是[[bptt|随时间反向传播]]。损失位于最后一步，所以网络关于第一个被标记数的一切学习信号，都要穿过中间的每一步；每往回一步，梯度就乘上一个[[jacobian|雅可比矩阵]] $\\partial h_t / \\partial h_{t-1} = \\mathrm{diag}(1 - h_t^2)\\, W_{hh}$。大图以对数刻度画出每一步的 $\\lVert \\partial L / \\partial h_t \\rVert$，最后一步在最右边。这里用的是 PyTorch 的初始化，每往回一步大约乘 0.55，形成一条笔直的下坡：第一根柱只有最后一根的 10⁻¹⁰ 左右。下方的雅可比图在探针序列上连乘同样的因子：$\\lVert \\partial h_T / \\partial h_0 \\rVert$ 起初也在 10⁻¹⁰ 附近。第一个被标记的数几乎影响不到权重。',
  'lessons.vanish.scale.title': '特征值论证：$W_{hh}$ 的谱半径',
  'lessons.vanish.scale.body':
    '往回四十步，就是四十个雅可比矩阵的乘积，差不多是 $W_{hh}^{40}$。矩阵的幂增长还是缩小，取决于它最大的[[eigenvalue|特征值]]：[[spectral-radius|谱半径]] $\\rho$，即最大的 $|\\lambda|$，是大于 1 还是小于 1。谱图把 $W_{hh}$ 的特征值画在单位圆旁边；这里 $\\rho = 1$，所以最外面的那个特征值起初正好落在圆上（PyTorch 自己的初始化约为 $\\rho \\approx 0.6$，即滑块上的“关闭”）。拖动 $\\rho$：训练会以恰好缩放到该谱半径的 $W_{hh}$ 重新开始。$\\rho = 0.5$ 时第一根柱低于最后一根的 10⁻¹⁰；$\\rho = 1$ 时 tanh 的斜率仍让每步损失约 0.83 倍；接近 1.5 时曲线大致是平的；从 2 起曲线反转，到 3 时第一根柱约为最后一根的 10⁵ 倍，梯度范数超过 10³（这里关掉了裁剪）。tanh 会饱和，所以数值不会变成无穷大。Bengio、Simard 与 Frasconi 在 1994 年描述了这两种失败。',
  'lessons.vanish.orthogonal.title': '连正交的 $W_{hh}$ 也会消失',
  'lessons.vanish.orthogonal.body':
    '那么 $\\rho = 1$ 就安全了吗？雅可比图给出否定的回答：起初 $\\lVert \\partial h_T / \\partial h_0 \\rVert$ 只有千分之几。每往回一步，除了乘 $W_{hh}$，还要乘 $\\mathrm{diag}(1 - h_t^2)$，而 tanh 的斜率 $1 - h_t^2$ 除了恰好在 0 处之外处处小于 1。就算取最理想的矩阵，一个[[orthogonal|正交]]矩阵：它的奇异值全为 1，$W_{hh}$ 保持每个向量的长度不变，可每一步仍要被各单元的 tanh 斜率缩小。打开“假如”页面，那里不训练，只运行一个 tanh RNN：保留 $\\rho \\cdot Q$（$Q$ 为正交矩阵），设 $\\rho = 1$、$T = 200$。所有特征值都在单位圆上，$\\lVert \\partial h_T / \\partial h_0 \\rVert$ 却只有 10⁻¹⁰ 左右，往回五十步就已低于 10⁻²。这就是缩放 $W_{hh}$ 治不好[[vanishing-gradient|梯度消失]]的原因：非线性本身在漏。',
  'lessons.vanish.clip.title': '裁剪约束更新，止不住消失',
  'lessons.vanish.clip.body':
    '[[gradient-clipping|梯度裁剪]]在梯度范数超过阈值时把整个梯度按比例缩小，这样任何一个批次都不能左右一次巨大的更新。这里 $\\rho$ 从 3 开始：原始梯度范数达到 10³ 以上，而阈值为 1 时，每次更新所用的梯度范数都不超过 1。裁剪图逐个训练步画出裁剪前后的两条曲线；把阈值拖到 0（关闭）比较一下。裁剪有两件事做不到。它止不住前向传播中的爆炸：在这个任务上，$\\rho = 3$ 的 ReLU RNN 没有饱和来抑制，状态一步步增长，起始损失接近 10¹⁴。它也只会让梯度变小：把 $\\rho$ 调到 1 以下，梯度图左侧的衰减与之前完全一样。[[exploding-gradient|梯度爆炸]]被驯服了；要解决消失，必须改动单元本身。',
  'lessons.vanish.gates.title': '门控治好消失，治不好爆炸',
  'lessons.vanish.gates.body':
    '同样的任务、同样的种子，换成 LSTM。它的[[cell-state|细胞状态]]通过加法更新，$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$，所以沿 $c_t$ 往回走一步，梯度只逐单元乘上[[forget-gate|遗忘门]] $f_t$，中间没有矩阵，也没有压缩函数。遗忘门偏置为 1 时，$f_t$ 起初约为 $\\sigma(1) \\approx 0.73$：梯度曲线每步约降为 0.78 倍，而不是 0.55 倍，于是第一根柱约为最后一根的 10⁻⁴，而不是 10⁻¹⁰。门的值至多为 1，所以这条通路永远不会放大梯度。但各个门本身要通过循环矩阵读取 $h_{t-1}$，那条通路就会放大。先暂停，把 $\\rho$ 拖到 3（它会缩放 $W_{hh}$ 中每个门的分块），再按一次“单步”：第一批数据的曲线反转，第一根柱是最后一根的几十倍。训练很快会让门饱和，曲线重新下降，但在不巧的时刻出现一次这样的爆发，仍可能把权重甩得很远：所以训练 LSTM 时仍然要裁剪，这里阈值为 1。',
  'lessons.vanish.identity.title': '或者从保持梯度的地方出发',
  'lessons.vanish.identity.body':
    '门控不是唯一的办法。Le、Jaitly 与 Hinton（2015）的 IRNN 保留普通的循环结构，但使用 ReLU，并以 $W_{hh} = I$、零偏置作为初始值：初始化时每个激活的单元都把自己的值原样传到下一步，沿这些单元的雅可比矩阵恰好是单位矩阵；ReLU 在激活处的斜率恰好为 1，不存在 tanh 那样的泄漏。谱图上每个特征值都在 1。梯度曲线一开始是平的，训练则要设法保持它。把 $\\rho$ 拖到 0.9 或 1.1，感受它有多敏感：0.9 时第一根柱降到最后一根的约 10⁻²，1.1 时则增长到约三十倍。单位矩阵正站在消失与爆炸之间的刀刃上。想要更多滑块、又不必训练，可以去“假如”页面把同一论证推得更远。',
  'lessons.vanish.q.outside.q': '训练从 $\\rho = 0.5$ 开始：$W_{hh}$ 的每个特征值都远在单位圆之内。调节滑块，使实时谱图上出现一个位于圆外的特征值，也就是梯度可能爆炸的区域。',
  'lessons.vanish.q.outside.ok': '特征值在单位圆外时，$W_{hh}^k$ 沿对应的特征向量不断增长：线性的循环会爆炸。tanh 的斜率朝相反方向拉，所以梯度图要到 $\\rho = 1.5$ 附近才变平，从 $\\rho = 2$ 起才反转，早期的步高过最后一步。',
  'lessons.vanish.q.outside.hint': '谱图最外面的点就是谱半径；滑块在重新开始时设定它。从这里出发，单靠训练不会把它推过 1。',
  'lessons.vanish.q.ortho.q': '一个 tanh RNN 的 $W_{hh}$ 是正交矩阵（奇异值全为 1）。经过 200 步，$\\lVert \\partial h_T / \\partial h_0 \\rVert$ 会怎样？',
  'lessons.vanish.q.ortho.kept': '保持在 1 附近，因为 $W_{hh}$ 保持长度不变。',
  'lessons.vanish.q.ortho.kept.why': '$W_{hh}$ 确实保持长度，但每一步还要乘 $\\mathrm{diag}(1 - h_t^2)$，只要某个单元不恰好为 0，这个因子就小于 1。在“假如”页面上，它最后约为 10⁻¹⁰。',
  'lessons.vanish.q.ortho.vanishes': '它会消失：tanh 的斜率每一步都把它缩小。',
  'lessons.vanish.q.ortho.vanishes.why': '正确：即使 $W_{hh}$ 是正交的，200 个因子 $\\mathrm{diag}(1 - h_t^2) W_{hh}$ 的乘积也会缩小。“假如”页面在 $\\rho = 1$、$T = 200$ 时显示约 10⁻¹⁰。',
  'lessons.vanish.q.ortho.explodes': '它会爆炸：单位圆上的特征值会累积起来。',
  'lessons.vanish.q.ortho.explodes.why': '模为 1 的特征值既不放大也不缩小向量；只有 $|\\lambda| > 1$ 才可能放大，而 tanh 的斜率朝相反方向拉。',
  'lessons.vanish.q.clip.q': '梯度裁剪解决的是哪个问题？',
  'lessons.vanish.q.clip.exploding': '梯度爆炸：任何一次更新都不会超过阈值。',
  'lessons.vanish.q.clip.exploding.why': '正确。在 $\\rho = 3$ 时，裁剪图上原始范数超过 10³，而每次实际采用的更新范数都不超过 1。',
  'lessons.vanish.q.clip.vanishing': '梯度消失：它把矮小的柱子抬高。',
  'lessons.vanish.q.clip.vanishing.why': '裁剪只会让梯度变小。在 $\\rho = 1$ 以下，开不开裁剪，梯度图完全一样。',
  'lessons.vanish.q.clip.both': '两者都解决，因为它让范数保持在阈值附近。',
  'lessons.vanish.q.clip.both.why': '只有范数超过阈值时它才缩放，而且是整个梯度一起缩放：早期步所占的份额和原来一样小。',
};
