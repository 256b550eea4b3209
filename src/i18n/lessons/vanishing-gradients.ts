// Text of the lesson "vanishing-gradients" (src/lessons/vanishing-gradients.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.vanish.title': 'Why plain RNNs forget',
  'lessons.vanish.summary': 'Watch the gradient $\\partial L / \\partial h_t$ fade on its way back through a tanh RNN, and what scaling, clipping, gates and an identity start do to it.',
  'lessons.vanish.plain.title': 'One matrix, used at every step',
  'lessons.vanish.plain.body':
    'A vanilla RNN keeps a single vector $h_t$ and rebuilds it at every step from the new input and the old state, $h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$. The same $W_{hh}$ is applied at step 1, at step 2, and at step 40. Here the network learns the adding problem: forty random numbers go by, two of them are marked, and only at the very end must it output the sum of the two marked ones. Press Play. The heatmap shows $h_t$ on one probe sequence, a row per unit and a column per step.',
  'lessons.vanish.backward.title': 'The error travels back one step at a time',
  'lessons.vanish.backward.body':
    'The loss is measured at the last step only, so whatever the network learns about the first marked number has to flow backwards through every step in between. Each step back multiplies the gradient by a Jacobian, $\\partial h_t / \\partial h_{t-1} = \\mathrm{diag}(1 - h_t^2)\\, W_{hh}$. The chart plots the size of $\\partial L / \\partial h_t$ for every step on a log scale: the bar on the right is the last step, the bars to its left are earlier and earlier steps. When every Jacobian shrinks vectors, the bars fall off geometrically, a straight downward slope on this axis. With PyTorch’s initialisation, used here, each step back costs a factor of about 0.55, so the first bar is around 10⁻¹⁰ of the last: the first marked number hardly reaches the weights.',
  'lessons.vanish.scale.title': 'Shrink or explode: the spectral radius of $W_{hh}$',
  'lessons.vanish.scale.body':
    'How steep the slope is depends on how much $W_{hh}$ stretches a vector over many steps: its spectral radius $\\rho$, the largest $|\\lambda|$ of its eigenvalues, times the slope of tanh, which is at most 1. PyTorch’s initialisation has $\\rho \\approx 0.6$: the slider’s “off” shows its exact value. Drag $\\rho$: the run restarts with $W_{hh}$ rescaled to exactly that radius. At $\\rho = 0.5$ the first bar falls below 10⁻¹⁰ of the last. At $\\rho = 1$ the slope of tanh still costs about 0.83 per step. Near $\\rho = 1.5$ the profile is roughly flat, and from $\\rho = 2$ it turns over: the early steps get the largest gradients, at $\\rho = 3$ about 10⁵ times the last, and with clipping switched off here single updates see gradient norms above 10³. Tanh saturates, so nothing becomes infinite or NaN; the page would stop the run if it did. Too small and the early steps are out of reach, too large and they drown out the rest: the vanishing and exploding gradient problem that Bengio, Simard and Frasconi described in 1994.',
  'lessons.vanish.clip.title': 'Clipping bounds the updates, not the vanishing',
  'lessons.vanish.clip.body':
    'Gradient clipping rescales the whole gradient whenever its norm exceeds a threshold, so no single batch can dictate a huge update. Here $\\rho$ starts at 3: the gradient norm reaches 10³ and more, and with the threshold at 1 every update is computed from a gradient of norm at most 1. Drag the threshold to 0 (off) to compare. Two things clipping does not do. It cannot stop an explosion in the forward pass: on this task a ReLU RNN at $\\rho = 3$, which nothing saturates, grows its state step after step and starts with a loss near 10¹⁴. And it can only make a gradient smaller, so bring $\\rho$ below 1 and the fall-off on the left of the chart is exactly as before. Vanishing needs a change to the cell itself.',
  'lessons.vanish.gates.title': 'A gated path keeps the gradient alive',
  'lessons.vanish.gates.body':
    'Same task, same seed, now an LSTM. Its cell state is updated by addition, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, so one step back along $c_t$ multiplies the gradient only by the forget gate $f_t$, unit by unit, with no matrix and no squashing in between. With a forget-gate bias of 1, $f_t$ starts near $\\sigma(1) \\approx 0.73$: the profile falls by about 0.78 per step instead of the plain RNN’s 0.55, so the first bar is around 10⁻⁴ of the last instead of 10⁻¹⁰. Far flatter, not flat: the lesson “LSTM step by step” takes the gates one at a time.',
  'lessons.vanish.identity.title': 'Or start where the gradient is preserved',
  'lessons.vanish.identity.body':
    'Gates are not the only fix. The IRNN of Le, Jaitly and Hinton (2015) keeps the plain recurrence but uses ReLU, and starts from $W_{hh} = I$ with a zero bias: at initialisation every active unit copies its value forward unchanged, and along those units the Jacobian is exactly the identity. The gradient profile starts flat, and training has to keep it so. Here the identity is $\\rho = 1$; drag $\\rho$ to 0.9 or 1.1 to feel how delicate this is: at 0.9 the first bar drops to about 10⁻² of the last, at 1.1 it grows to about thirty times the last. The identity sits on a knife edge between vanishing and exploding.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.vanish.title': '普通 RNN 为什么会遗忘',
  'lessons.vanish.summary': '看梯度 $\\partial L / \\partial h_t$ 在 tanh RNN 中向后传播时如何衰减，以及缩放、裁剪、门控和单位矩阵初始化对它的影响。',
  'lessons.vanish.plain.title': '一个矩阵，每一步都用',
  'lessons.vanish.plain.body':
    '普通 RNN 只保存一个向量 $h_t$，每一步都用新的输入和旧的状态重新计算它：$h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$。第 1 步、第 2 步直到第 40 步，用的都是同一个 $W_{hh}$。这里网络学习加法问题：四十个随机数依次经过，其中两个被标记，直到最后一步，网络才需要输出这两个数之和。按下播放。热力图显示一条探针序列上的 $h_t$，每行一个单元，每列一个时间步。',
  'lessons.vanish.backward.title': '误差一步一步往回传',
  'lessons.vanish.backward.body':
    '损失只在最后一步计算，所以网络关于第一个被标记数的一切学习信号，都必须穿过中间的每一步反向传回。每往回走一步，梯度就乘上一个雅可比矩阵 $\\partial h_t / \\partial h_{t-1} = \\mathrm{diag}(1 - h_t^2)\\, W_{hh}$。右侧图表以对数刻度画出每一步 $\\partial L / \\partial h_t$ 的大小：最右边的柱是最后一步，越往左越早。若每个雅可比矩阵都把向量缩小，柱高就按几何级数下降，在对数轴上是一条向左下倾斜的直线。这里用的是 PyTorch 的初始化，每往回一步大约乘 0.55，于是第一根柱只有最后一根的 10⁻¹⁰ 左右：第一个被标记的数几乎影响不到权重。',
  'lessons.vanish.scale.title': '缩小还是爆炸：$W_{hh}$ 的谱半径',
  'lessons.vanish.scale.body':
    '斜坡有多陡，取决于 $W_{hh}$ 经过许多步后把向量拉伸多少：它的谱半径 $\\rho$，即特征值绝对值 $|\\lambda|$ 的最大者，再乘以 tanh 的斜率（至多为 1）。PyTorch 的初始化给出 $\\rho \\approx 0.6$：滑块上的“关闭”显示它的确切值。拖动 $\\rho$：训练会以恰好缩放到该谱半径的 $W_{hh}$ 重新开始。$\\rho = 0.5$ 时，第一根柱低于最后一根的 10⁻¹⁰。$\\rho = 1$ 时，tanh 的斜率仍让每步损失约 0.83 倍。$\\rho$ 接近 1.5 时曲线大致是平的；从 $\\rho = 2$ 起曲线反转：最早的步得到最大的梯度，$\\rho = 3$ 时约为最后一步的 10⁵ 倍；这里关掉了裁剪，单次更新看到的梯度范数超过 10³。tanh 会饱和，所以数值不会变成无穷大或 NaN；若真的出现，页面会停止训练并报告。太小，早期的步够不着；太大，它们淹没了其余的步：这就是 Bengio、Simard 与 Frasconi 在 1994 年描述的梯度消失与爆炸问题。',
  'lessons.vanish.clip.title': '裁剪约束更新，止不住消失',
  'lessons.vanish.clip.body':
    '梯度裁剪在梯度范数超过阈值时把整个梯度按比例缩小，这样任何一个批次都不能左右一次巨大的更新。这里 $\\rho$ 从 3 开始：梯度范数达到 10³ 以上，而阈值为 1 时，每次更新所用的梯度范数都不超过 1。把阈值拖到 0（关闭）比较一下。裁剪有两件事做不到。它止不住前向传播中的爆炸：在这个任务上，$\\rho = 3$ 的 ReLU RNN 没有饱和来抑制，状态一步步增长，起始损失接近 10¹⁴。它也只会让梯度变小：把 $\\rho$ 调到 1 以下，图表左侧的衰减与之前完全一样。要解决消失，必须改动单元本身。',
  'lessons.vanish.gates.title': '门控通路让梯度活下来',
  'lessons.vanish.gates.body':
    '同样的任务、同样的种子，换成 LSTM。它的单元状态通过加法更新，$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$，所以沿 $c_t$ 往回走一步，梯度只逐单元乘上遗忘门 $f_t$，中间没有矩阵，也没有压缩函数。遗忘门偏置为 1 时，$f_t$ 起初约为 $\\sigma(1) \\approx 0.73$：梯度曲线每步约降为 0.78 倍，而普通 RNN 是 0.55 倍，于是第一根柱约为最后一根的 10⁻⁴，而不是 10⁻¹⁰。平坦得多，但并不平：课程“逐步理解 LSTM”会逐个讲解各个门。',
  'lessons.vanish.identity.title': '或者从保持梯度的地方出发',
  'lessons.vanish.identity.body':
    '门控不是唯一的办法。Le、Jaitly 与 Hinton（2015）的 IRNN 保留普通的循环结构，但使用 ReLU，并以 $W_{hh} = I$、零偏置作为初始值：初始化时每个激活的单元都把自己的值原样传到下一步，沿这些单元的雅可比矩阵恰好是单位矩阵。梯度曲线一开始是平的，训练则要设法保持它。这里单位矩阵就是 $\\rho = 1$；把 $\\rho$ 拖到 0.9 或 1.1，感受它有多敏感：0.9 时第一根柱降到最后一根的约 10⁻²，1.1 时则增长到约三十倍。单位矩阵正站在消失与爆炸之间的刀刃上。',
};
