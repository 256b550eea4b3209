// Text of the lesson "three-mechanisms" (src/lessons/three-mechanisms.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.mech.title': 'Three ways to remember',
  'lessons.mech.summary': 'Gates, connections across time scales and norm-preserving recurrences: one cell for each, on the adding problem and one seed (the Clockwork RNN on the copy task, which it learns).',
  'lessons.mech.problem.title': 'One problem, three kinds of answer',
  'lessons.mech.problem.body':
    'Every long-memory cell in the atlas answers one question: how can the gradient of a late loss reach an early step without passing through a long product of shrinking Jacobians? The answers fall into three mechanisms: gates that make the path through time additive, connections that skip across time scales, and recurrent matrices that preserve norms by initialisation or by construction. The baseline first: a tanh RNN on a 30-step adding problem. Press Play and watch its gradient profile fall away to the left, by about 0.55 per step.',
  'lessons.mech.gates.title': 'Mechanism 1: gates',
  'lessons.mech.gates.body':
    'The GRU mixes its old state with a candidate, $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$. Where the update gate $z_t$ is close to 1 the unit simply carries its value forward, and the gradient passes back with a factor close to 1. That has to be learned: at initialisation $z_t$ sits near ½ and the profile falls almost as fast as the plain RNN’s, by about 0.6 per step. Press Play: as the GRU learns the adding problem its units learn to hold on, and within about 150 steps the profile is nearly flat (above 0.9 per step). The heatmap of $z_t$ shows which units hold, and when they let go. The LSTM and its variants (peepholes, coupled gates, the 1997 form), MI-LSTM and mLSTM belong to this family.',
  'lessons.mech.scales.title': 'Mechanism 2: connections across time scales',
  'lessons.mech.scales.body':
    'The Clockwork RNN cuts its hidden state into modules that tick at different rates: module i updates only when t is a multiple of its period $T_i = 2^i$ and otherwise keeps its value, as the clock $m_t$ shows. A module with period 8 crosses 20 steps in under three updates, so its gradient meets three Jacobians instead of twenty, and the profile falls more gently than the plain RNN’s. On the adding problem of the other steps it does not get below the baseline within a few hundred steps, so here it gets the copy task with T = 20, which it learns: after 150 steps the loss is below 80% of ln 8, what guessing scores, and about 40% of the recalled symbols are right, against 12.5% by chance. Dilated RNNs, NARX delay lines, temporal kernels and the multi-scale averages of the SRU and FRU rest on the same idea: give the gradient a short path across a long time.',
  'lessons.mech.init.title': 'Mechanism 3: a recurrence that keeps norms',
  'lessons.mech.init.body':
    'The unitary RNN of Arjovsky, Shah and Bengio (2016) builds its recurrent matrix from diagonal phase matrices, reflections, a permutation and Fourier transforms, so it is unitary by construction: it neither shrinks nor stretches any vector, at initialisation or at any later step of training. Only the modReLU nonlinearity, acting on the modulus $|z_t|$, can change a norm, and at the start it does not: the gradient profile begins perfectly flat. The IRNN, np-RNN, IndRNN and RIN seek the same property through their initialisation or a constraint on the recurrent weights.',
  'lessons.mech.compare.title': 'Side by side',
  'lessons.mech.compare.body':
    'The clearest test is to train them together: the same task, the same seed, the loss curves and gradient profiles of all four cells in one view, with their parameter counts. Open the Compare page and press Play. At the start the plain RNN and the GRU fall away alike (about 0.55 and 0.6 per step), the Clockwork RNN more gently (about 0.87) and the uRNN not at all; as they train, watch the GRU’s line rise towards flat while the plain RNN’s stays steep.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.mech.title': '记忆的三种办法',
  'lessons.mech.summary': '门控、跨时间尺度的连接、保持范数的循环：每种机制一个单元，在加法问题上、用同一种子（Clockwork RNN 则做它能学会的复制任务）。',
  'lessons.mech.problem.title': '一个问题，三类答案',
  'lessons.mech.problem.body':
    '图鉴中每一个长记忆单元都在回答同一个问题：最后一步的损失，怎样才能把梯度送回很早的一步，而不必穿过一长串不断缩小的雅可比矩阵？答案分为三种机制：让时间上的通路变成加法的门控；跨越时间尺度的连接；以及通过初始化或结构本身保持范数的循环矩阵。先看基线：tanh RNN 做 30 步的加法问题。按下播放，看它的梯度曲线向左跌落，每步约乘 0.55。',
  'lessons.mech.gates.title': '机制一：门控',
  'lessons.mech.gates.body':
    'GRU 把旧状态与候选状态混合：$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$。更新门 $z_t$ 接近 1 的单元只是把自己的值向前携带，梯度回传时也只乘上一个接近 1 的因子。这需要学出来：初始化时 $z_t$ 约为 ½，梯度曲线几乎和普通 RNN 一样快地下降，每步约乘 0.6。按下播放：GRU 学习加法问题的同时，它的单元学会保持，大约 150 步之内曲线就几乎变平（每步高于 0.9）。$z_t$ 的热力图显示哪些单元在保持、何时放手。LSTM 及其变体（窥视孔、耦合门、1997 年原始形式）、MI-LSTM 与 mLSTM 都属于这一类。',
  'lessons.mech.scales.title': '机制二：跨时间尺度的连接',
  'lessons.mech.scales.body':
    'Clockwork RNN 把隐藏状态切成以不同速率运转的模块：模块 i 只在 t 是其周期 $T_i = 2^i$ 的倍数时更新，其余时候保持原值，如时钟 $m_t$ 所示。周期为 8 的模块不到三次更新就能跨越 20 步，它的梯度因此只经过三个雅可比矩阵，而不是二十个，梯度曲线也比普通 RNN 下降得平缓。在其他步骤所用的加法问题上，它几百步内降不到基线以下，所以这里让它做 T = 20 的复制任务，它能学会：150 步后损失低于 ln 8（随机猜测的得分）的 80%，回忆出的符号约 40% 正确，而随机猜测只有 12.5%。膨胀 RNN、NARX 延迟线、时间核以及 SRU 和 FRU 的多尺度统计量都基于同一个想法：给梯度一条跨越长时间的捷径。',
  'lessons.mech.init.title': '机制三：保持范数的循环',
  'lessons.mech.init.body':
    'Arjovsky、Shah 与 Bengio（2016）的酉 RNN 用对角相位矩阵、反射、置换与傅里叶变换的乘积构造循环矩阵，因而它在结构上就是酉矩阵：无论初始化时还是训练中的任何一步，它都既不缩小也不拉伸任何向量。只有作用在模 $|z_t|$ 上的 modReLU 非线性能改变范数，而起初它并不改变：梯度曲线一开始完全是平的。IRNN、np-RNN、IndRNN 与 RIN 则通过初始化或对循环权重的约束追求同样的性质。',
  'lessons.mech.compare.title': '并排比较',
  'lessons.mech.compare.body':
    '最直接的检验是让它们一起训练：同一任务、同一种子，四个单元的损失曲线和梯度曲线画在同一视图中，并列出各自的参数量。打开“对比”页面并按下播放。起初普通 RNN 和 GRU 同样向左跌落（每步约乘 0.55 和 0.6），Clockwork RNN 平缓一些（约 0.87），uRNN 则完全不降；训练过程中，留意 GRU 的曲线逐渐抬平，而普通 RNN 的仍然陡峭。',
};
