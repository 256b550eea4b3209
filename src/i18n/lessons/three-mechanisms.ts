// Text of the lesson "three-mechanisms" (src/lessons/three-mechanisms.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.mech.title': 'Three ways to remember',
  'lessons.mech.summary': 'An overview of the three mechanisms of long memory — gates, connections across time scales, norm-preserving recurrences — with one cell for each on the adding problem and one seed (the Clockwork RNN on the copy task, which it learns), before two lessons take the last two cell by cell.',
  'lessons.mech.problem.title': 'One problem, three kinds of answer',
  'lessons.mech.problem.body':
    'Every long-memory cell in the atlas answers one question: how can the gradient of a late loss reach an early step without passing through a long product of shrinking [[jacobian|Jacobians]], the [[vanishing-gradient|vanishing gradient]] that Bengio, Simard and Frasconi (1994) analysed? The answers fall into three mechanisms: [[gate|gates]] that make the path through time additive, connections that skip across [[time-scale|time scales]], and recurrent matrices that preserve norms by initialisation or by construction. The lessons before this one were mostly about gates; the two after it take the other two mechanisms cell by cell. This one is the map. The baseline first: a tanh RNN on a 30-step adding problem. Press Play and watch its gradient profile fall away to the left, by about 0.55 per step.',
  'lessons.mech.gates.title': 'Mechanism 1: gates',
  'lessons.mech.gates.body':
    'The GRU (Cho et al. 2014) mixes its old state with a candidate, $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$. Where the [[update-gate|update gate]] $z_t$ is close to 1 the unit simply carries its value forward, and the gradient passes back with a factor close to 1. That has to be learned: at initialisation $z_t$ sits near ½ and the profile falls almost as fast as the plain RNN’s, by about 0.6 per step. Press Play: as the GRU learns the adding problem its units learn to hold on, and within about 150 steps the profile is nearly flat (above 0.9 per step). The heatmap of $z_t$ shows which units hold, and when they let go. The LSTM of Hochreiter and Schmidhuber (1997) and its variants (peepholes, coupled gates, the 1997 form without a forget gate), MI-LSTM and mLSTM belong to this family.',
  'lessons.mech.scales.title': 'Mechanism 2: connections across time scales',
  'lessons.mech.scales.body':
    'The Clockwork RNN (Koutník et al. 2014) cuts its hidden state into modules that tick at different rates: module i updates only when t is a multiple of its period $T_i = 2^i$ and otherwise keeps its value, as the clock $m_t$ shows. A module with period 8 crosses 20 steps in under three updates, so its gradient meets three Jacobians instead of twenty, and the profile falls more gently than the plain RNN’s. On the adding problem of the other steps it does not get below the baseline within a few hundred steps, so here it gets the copy task with T = 20, which it learns: after 150 steps the loss is below 80% of ln 8, what guessing scores, and about 40% of the recalled symbols are right, against 12.5% by chance. Dilated RNNs, NARX delay lines, temporal kernels and the multi-scale averages of the SRU and FRU rest on the same idea: give the gradient a short path across a long time. The next lesson trains five of them on one copy task.',
  'lessons.mech.init.title': 'Mechanism 3: a recurrence that keeps norms',
  'lessons.mech.init.body':
    'The unitary RNN of Arjovsky, Shah and Bengio (2016) builds its recurrent matrix from diagonal phase matrices, reflections, a permutation and Fourier transforms, so it is [[unitary]] by construction: it neither shrinks nor stretches any vector, at initialisation or at any later step of training. The spectrum widget shows the built $W$ as a real $128 \\times 128$ matrix: all 128 [[eigenvalue|eigenvalues]] lie on the unit circle, and Play moves them only along it. Only the modReLU nonlinearity, acting on the modulus $|z_t|$, can change a norm, and at the start it does not: the gradient profile begins perfectly flat. The IRNN (Le et al. 2015), np-RNN, IndRNN and RIN seek the same property through their initialisation or a constraint on the recurrent weights; the lesson after next compares them.',
  'lessons.mech.compare.title': 'Side by side',
  'lessons.mech.compare.body':
    'The clearest test is to train them together: the same task, the same seed, the loss curves and gradient profiles of all four cells in one view, with their parameter counts. Open the Compare page and press Play. At the start the plain RNN and the GRU fall away alike (about 0.55 and 0.6 per step), the Clockwork RNN more gently (about 0.87) and the uRNN not at all; as they train, watch the GRU’s line rise towards flat while the plain RNN’s stays steep.',
  'lessons.mech.q.clock.q': 'This Clockwork RNN has its period base at 1: every module ticks every step, and on the copy task its gradient profile falls by about 0.39 per step. Set the period base so that the profile falls by no more than 0.8 per step.',
  'lessons.mech.q.clock.ok': 'Yes: with periods 1, 2, 4, 8 (or longer) the slow modules copy their state between ticks, and the gradient crosses the 20 steps through only a few Jacobians: about 0.89 per step at the start, close to 1 after training.',
  'lessons.mech.q.clock.hint': 'With base 1 every module updates at every step, a plain recurrence. Raise the base so that the slower modules skip steps, then press Step and look at the gradient profile.',
  'lessons.mech.q.family.q': 'The Clockwork RNN, the Dilated RNN and NARX belong to which of the three mechanisms?',
  'lessons.mech.q.family.gates': 'Gates',
  'lessons.mech.q.family.gates.why': 'No: none of the three has a learned gate. The Clockwork RNN’s clock is a fixed schedule, the Dilated RNN skips by a fixed dilation, NARX feeds back a fixed number of delayed outputs.',
  'lessons.mech.q.family.scales': 'Connections across time scales',
  'lessons.mech.q.family.scales.why': 'Right: each adds connections that skip many steps at once (slow modules, dilated recurrences, delay lines), so a distant step is a few Jacobians away.',
  'lessons.mech.q.family.init': 'Norm-preserving recurrences',
  'lessons.mech.q.family.init.why': 'No: their recurrent matrices start from an ordinary random init and nothing holds their norms. They shorten the path instead of making each step norm-preserving.',
  'lessons.mech.q.gru.q': 'At initialisation the GRU’s gradient profile falls about as fast as the plain RNN’s (about 0.6 per step). Why is it nearly flat after 150 steps of training?',
  'lessons.mech.q.gru.learned': 'Its update gates learn to stay near 1 for the units that must hold a value.',
  'lessons.mech.q.gru.learned.why': 'Right: where $z_t \\approx 1$, $h_t \\approx h_{t-1}$ and the gradient passes back with a factor near 1. The gates start near ½, so this has to be learned; the heatmap of $z_t$ shows it.',
  'lessons.mech.q.gru.built': 'Its recurrent matrix is unitary by construction.',
  'lessons.mech.q.gru.built.why': 'No: that is the uRNN. The GRU’s recurrent weights are ordinary matrices, and its profile starts out steep.',
  'lessons.mech.q.gru.clip': 'Gradient clipping rescales the early gradients upwards.',
  'lessons.mech.q.gru.clip.why': 'No: clipping only scales the whole gradient down when its norm is too large; it cannot lift a gradient that has vanished, and it acts the same on the plain RNN, whose profile stays steep.',
  'lessons.mech.q.urnn.q': 'Why does the uRNN’s gradient profile start perfectly flat, while the IRNN only starts near flat and drifts?',
  'lessons.mech.q.urnn.construction': 'Its matrix is a product of unitary factors, unitary for every value of its parameters.',
  'lessons.mech.q.urnn.construction.why': 'Right: the spectrum widget shows every eigenvalue on the unit circle, at the start and after training; only modReLU can change a norm.',
  'lessons.mech.q.urnn.init': 'It is initialised to the identity, like the IRNN.',
  'lessons.mech.q.urnn.init.why': 'No: an identity init is a starting point that training moves away from. The uRNN’s phases and reflections are drawn at random, yet the product is unitary whatever they are.',
  'lessons.mech.q.urnn.gates': 'Its modReLU acts as a gate that holds the state.',
  'lessons.mech.q.urnn.gates.why': 'No: modReLU is a nonlinearity on the modulus $|z_t|$; it can only shrink a norm, never hold one. The flat profile comes from the matrix.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.mech.title': '记忆的三种办法',
  'lessons.mech.summary': '长记忆的三种机制——门控、跨时间尺度的连接、保持范数的循环——的概览：每种机制一个单元，在加法问题上、用同一种子（Clockwork RNN 则做它能学会的复制任务）；随后两课再逐个单元讲后两种机制。',
  'lessons.mech.problem.title': '一个问题，三类答案',
  'lessons.mech.problem.body':
    '图鉴中每一个长记忆单元都在回答同一个问题：最后一步的损失，怎样才能把梯度送回很早的一步，而不必穿过一长串不断缩小的[[jacobian|雅可比矩阵]]，也就是 Bengio、Simard 与 Frasconi（1994）分析过的[[vanishing-gradient|梯度消失]]？答案分为三种机制：让时间上的通路变成加法的[[gate|门控]]；跨越[[time-scale|时间尺度]]的连接；以及通过初始化或结构本身保持范数的循环矩阵。前面几课主要讲门控，后面两课逐个单元讲另外两种机制，这一课是总览图。先看基线：tanh RNN 做 30 步的加法问题。按下播放，看它的梯度曲线向左跌落，每步约乘 0.55。',
  'lessons.mech.gates.title': '机制一：门控',
  'lessons.mech.gates.body':
    'GRU（Cho 等人 2014）把旧状态与候选状态混合：$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$。[[update-gate|更新门]] $z_t$ 接近 1 的单元只是把自己的值向前携带，梯度回传时也只乘上一个接近 1 的因子。这需要学出来：初始化时 $z_t$ 约为 ½，梯度曲线几乎和普通 RNN 一样快地下降，每步约乘 0.6。按下播放：GRU 学习加法问题的同时，它的单元学会保持，大约 150 步之内曲线就几乎变平（每步高于 0.9）。$z_t$ 的热力图显示哪些单元在保持、何时放手。Hochreiter 与 Schmidhuber（1997）的 LSTM 及其变体（窥视孔、耦合门、没有遗忘门的 1997 年原始形式）、MI-LSTM 与 mLSTM 都属于这一类。',
  'lessons.mech.scales.title': '机制二：跨时间尺度的连接',
  'lessons.mech.scales.body':
    'Clockwork RNN（Koutník 等人 2014）把隐藏状态切成以不同速率运转的模块：模块 i 只在 t 是其周期 $T_i = 2^i$ 的倍数时更新，其余时候保持原值，如时钟 $m_t$ 所示。周期为 8 的模块不到三次更新就能跨越 20 步，它的梯度因此只经过三个雅可比矩阵，而不是二十个，梯度曲线也比普通 RNN 下降得平缓。在其他步骤所用的加法问题上，它几百步内降不到基线以下，所以这里让它做 T = 20 的复制任务，它能学会：150 步后损失低于 ln 8（随机猜测的得分）的 80%，回忆出的符号约 40% 正确，而随机猜测只有 12.5%。膨胀 RNN、NARX 延迟线、时间核以及 SRU 和 FRU 的多尺度统计量都基于同一个想法：给梯度一条跨越长时间的捷径。下一课让其中五个单元做同一个复制任务。',
  'lessons.mech.init.title': '机制三：保持范数的循环',
  'lessons.mech.init.body':
    'Arjovsky、Shah 与 Bengio（2016）的酉 RNN 用对角相位矩阵、反射、置换与傅里叶变换的乘积构造循环矩阵，因而它在结构上就是[[unitary|酉矩阵]]：无论初始化时还是训练中的任何一步，它都既不缩小也不拉伸任何向量。谱图把构造出的 $W$ 显示为 $128 \\times 128$ 的实矩阵：全部 128 个[[eigenvalue|特征值]]都在单位圆上，按下播放后它们也只沿圆周移动。只有作用在模 $|z_t|$ 上的 modReLU 非线性能改变范数，而起初它并不改变：梯度曲线一开始完全是平的。IRNN（Le 等人 2015）、np-RNN、IndRNN 与 RIN 则通过初始化或对循环权重的约束追求同样的性质，再下一课会比较它们。',
  'lessons.mech.compare.title': '并排比较',
  'lessons.mech.compare.body':
    '最直接的检验是让它们一起训练：同一任务、同一种子，四个单元的损失曲线和梯度曲线画在同一视图中，并列出各自的参数量。打开“对比”页面并按下播放。起初普通 RNN 和 GRU 同样向左跌落（每步约乘 0.55 和 0.6），Clockwork RNN 平缓一些（约 0.87），uRNN 则完全不降；训练过程中，留意 GRU 的曲线逐渐抬平，而普通 RNN 的仍然陡峭。',
  'lessons.mech.q.clock.q': '这个 Clockwork RNN 的周期底数为 1：每个模块每步都更新，在复制任务上它的梯度曲线每步约乘 0.39。调整周期底数，使曲线每步下降的因子不低于 0.8。',
  'lessons.mech.q.clock.ok': '对：周期为 1、2、4、8（或更长）时，慢模块在两次更新之间照抄自己的状态，梯度只需经过少数几个雅可比矩阵就能跨越 20 步：一开始每步约乘 0.89，训练后接近 1。',
  'lessons.mech.q.clock.hint': '底数为 1 时每个模块每步都更新，就是普通的循环。把底数调大，让较慢的模块跳过一些步，然后按“单步”，看梯度曲线。',
  'lessons.mech.q.family.q': 'Clockwork RNN、膨胀 RNN 和 NARX 属于三种机制中的哪一种？',
  'lessons.mech.q.family.gates': '门控',
  'lessons.mech.q.family.gates.why': '不对：三者都没有可学习的门。Clockwork RNN 的时钟是固定的时间表，膨胀 RNN 按固定的膨胀跳跃，NARX 送回固定数量的延迟输出。',
  'lessons.mech.q.family.scales': '跨时间尺度的连接',
  'lessons.mech.q.family.scales.why': '正确：它们都增加了一次跳过许多步的连接（慢模块、膨胀循环、延迟线），让远处的一步只隔几个雅可比矩阵。',
  'lessons.mech.q.family.init': '保持范数的循环',
  'lessons.mech.q.family.init.why': '不对：它们的循环矩阵从普通的随机初始化开始，也没有任何机制保持其范数。它们缩短路径，而不是让每一步都保持范数。',
  'lessons.mech.q.gru.q': '初始化时 GRU 的梯度曲线下降得和普通 RNN 差不多快（每步约乘 0.6）。为什么训练 150 步后它几乎变平了？',
  'lessons.mech.q.gru.learned': '需要保持数值的单元，其更新门学会了停留在 1 附近。',
  'lessons.mech.q.gru.learned.why': '正确：$z_t \\approx 1$ 时 $h_t \\approx h_{t-1}$，梯度回传时只乘一个接近 1 的因子。门的初值约为 ½，所以这必须学出来；$z_t$ 的热力图显示了这一点。',
  'lessons.mech.q.gru.built': '它的循环矩阵在结构上就是酉矩阵。',
  'lessons.mech.q.gru.built.why': '不对：那是 uRNN。GRU 的循环权重是普通矩阵，它的梯度曲线一开始很陡。',
  'lessons.mech.q.gru.clip': '梯度裁剪把早期的梯度放大了。',
  'lessons.mech.q.gru.clip.why': '不对：裁剪只在范数过大时把整个梯度缩小；它无法抬升已经消失的梯度，而且它对普通 RNN 的作用相同，后者的曲线依然陡峭。',
  'lessons.mech.q.urnn.q': '为什么 uRNN 的梯度曲线一开始完全是平的，而 IRNN 只是一开始接近平坦，随后还会漂移？',
  'lessons.mech.q.urnn.construction': '它的矩阵是若干酉因子的乘积，对参数的任何取值都是酉矩阵。',
  'lessons.mech.q.urnn.construction.why': '正确：谱图显示每个特征值都在单位圆上，训练前后都是如此；只有 modReLU 能改变范数。',
  'lessons.mech.q.urnn.init': '它和 IRNN 一样被初始化为单位矩阵。',
  'lessons.mech.q.urnn.init.why': '不对：单位矩阵初始化只是一个起点，训练会让它偏离。uRNN 的相位和反射是随机抽取的，但无论取什么值，乘积都是酉矩阵。',
  'lessons.mech.q.urnn.gates': '它的 modReLU 充当保持状态的门。',
  'lessons.mech.q.urnn.gates.why': '不对：modReLU 是作用在模 $|z_t|$ 上的非线性，它只能缩小范数，不能保持范数。平坦的曲线来自矩阵本身。',
};
