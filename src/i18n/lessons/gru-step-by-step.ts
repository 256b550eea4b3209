// Text of the lesson "gru-step-by-step" (src/lessons/gru-step-by-step.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck. Every number
// here is measured on the step's own preset by tests/unit/lesson-claims-gru.test.ts.
export const en = {
  'lessons.gru.title': 'GRU step by step',
  'lessons.gru.summary': 'The update and reset gates on the copy task, the GRU as a trimmed LSTM, the original reset-before cell against PyTorch’s reset-after, and the settings that make a GRU a plain RNN.',
  'lessons.gru.intro.title': 'One state, two gates',
  'lessons.gru.intro.body':
    'The gated recurrent unit of Cho et al. (2014) keeps a single vector $h_t$, with no separate cell state, and two [[gate|gates]]: the update gate $z_t$ decides how much of the old state to keep, the reset gate $r_t$ how much of it the new candidate $n_t$ may look at. The equations beside the text are PyTorch’s `nn.GRU`. It trains here on the same copy task, length and seed as the LSTM lesson: read three symbols, wait through the blanks, write them back after the delimiter. Press Play. For about the first 50 steps the loss sits at ln 8 ≈ 2.08, what guessing scores; then it falls, to about 0.94 over steps 275–300, when some 47% of the recalled symbols are right.',
  'lessons.gru.update.title': 'The update gate: keep or overwrite',
  'lessons.gru.update.body':
    'The new state is a mix, $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$. Where the [[update-gate|update gate]] is near 1 a unit keeps its value and, on that direct path, passes its gradient back scaled by $z_t$ alone; where it is near 0 the unit takes the candidate. One gate does the work of the LSTM’s forget and input gates, coupled: whatever is written displaces old content in equal measure. At the start $z_t$ is about ½ everywhere. By step 300 it averages about 0.76 over the blank stretch, 8 of the 32 units keep it above 0.9 through the whole gap, and the histogram puts about half of all its values above 0.9. Those units are the ones carrying the symbols across.',
  'lessons.gru.reset.title': 'The reset gate: how much past the candidate sees',
  'lessons.gru.reset.body':
    'The candidate is $n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$. The [[reset-gate|reset gate]] $r_t$ scales the recurrent part: near 0, a unit computes its candidate from the input alone, as if the sequence began now; near 1, it sees the whole past. It starts at about ½. On this run, by step 300, it averages about 0.58 on the three symbols, where the candidate should mostly encode the new input, and about 0.84 over the blanks; about 45% of its values on the example are above 0.9. On the copy task the reset gate matters less than the update gate; it earns its keep where a unit must drop its context, such as at a phrase boundary in translation, the task Cho et al. designed it for.',
  'lessons.gru.simpler.title': 'A GRU is a trimmed LSTM',
  'lessons.gru.simpler.body':
    'Start from the LSTM and make three cuts. Merge the cell state into the hidden state. Couple the forget and input gates, $f_t = z_t$ and $i_t = 1 - z_t$, the coupled-gate LSTM of the previous lesson. Drop the output gate and the tanh on the output, so the whole state is shown. Then add the reset gate inside the candidate. Three weight blocks remain instead of four: with 10 inputs and 32 units the GRU has 4,224 weights, as many as the coupled-gate LSTM, against the LSTM’s 5,632. In the parameter counter, `nn.GRU(10, 20)` has 1,920 and `nn.LSTM(10, 20)` 2,560. Chung et al. (2014) compared the two on music and speech and found neither consistently better; Greff et al. (2017) found the coupled LSTM about as good as the full one. Open Compare to train the three side by side.',
  'lessons.gru.original.title': 'Reset before or after: Cho et al. against PyTorch',
  'lessons.gru.original.body':
    'Cho et al. (2014) reset the state before the recurrent matrix: $n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \\odot h_{t-1}) + b_{hn})$. PyTorch and cuDNN reset after it, $r_t \\odot (W_{hn} h_{t-1} + b_{hn})$, so one matrix product per step serves all three gates. When $r_t \\equiv 1$ the two are the same function; otherwise they differ. This step trains the original on the same task and seed. It starts from exactly the same weights, yet its first loss differs slightly (2.052 against 2.055) because $r_t \\approx 0.5$ already acts differently. Both learn alike: about 0.95 over steps 275–300, some 47% right. The gates settle differently: over the blanks the original’s reset gate averages about 0.72, PyTorch’s about 0.84. The two load each other’s weights, but they are not the same model.',
  'lessons.gru.plain.title': 'When a GRU is a plain RNN',
  'lessons.gru.plain.body':
    'Set $z_t \\equiv 0$ and $r_t \\equiv 1$ in the GRU: the state is always overwritten and the candidate sees all of the past, so $h_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} h_{t-1} + b_{hn})$, exactly PyTorch’s `nn.RNN` with $W_{in}$ as its input weights and $W_{hn}$ as its recurrent ones. This step trains that plain tanh RNN on the same task and seed. Compare the gradient chart at the start: the gradient reaching step 1 of the first batch is about $2.5 \\times 10^{-5}$ of the last step’s, against about $3.7 \\times 10^{-4}$ for the GRU. On a gap this short the plain RNN still learns, after a plateau: its loss stays between about 1.65 and 1.85 over steps 50–175, then falls to about 1.02 over steps 275–300, with some 58% right. Drag the sequence length to make the gap longer and watch whether it still gets off ln 8.',
  'lessons.gru.q.plain.q': 'Which gate values turn a GRU into a plain tanh RNN?',
  'lessons.gru.q.plain.z0r1': 'Update gate 0 and reset gate 1.',
  'lessons.gru.q.plain.z0r1.why': 'Right. With $z_t = 0$ the new state is the candidate alone, and with $r_t = 1$ the candidate is $\\tanh(W_{in} x_t + b_{in} + W_{hn} h_{t-1} + b_{hn})$, an Elman RNN step.',
  'lessons.gru.q.plain.z1r0': 'Update gate 1 and reset gate 0.',
  'lessons.gru.q.plain.z1r0.why': 'No: with $z_t = 1$ the state never changes, $h_t = h_{t-1}$, whatever the input; the reset gate no longer matters. That is a perfect memory that cannot learn anything new.',
  'lessons.gru.q.plain.half': 'Both gates at ½.',
  'lessons.gru.q.plain.half.why': 'No: that is roughly the untrained GRU of this lesson, which keeps half of its old state at every step and lets the candidate see half of the past.',
  'lessons.gru.q.reset.q': 'Where does PyTorch’s `nn.GRU` apply the reset gate?',
  'lessons.gru.q.reset.after': 'After the recurrent matrix product: $r_t \\odot (W_{hn} h_{t-1} + b_{hn})$.',
  'lessons.gru.q.reset.after.why': 'Right. This lets one matrix product of $h_{t-1}$ per step serve all three gates. Cho et al.’s original resets before the product, which needs a second one.',
  'lessons.gru.q.reset.before': 'Before the recurrent matrix product: $W_{hn} (r_t \\odot h_{t-1})$.',
  'lessons.gru.q.reset.before.why': 'No: that is the cell as Cho et al. (2014) published it, the original trained in this lesson. The two agree only when $r_t \\equiv 1$.',
  'lessons.gru.q.reset.update': 'On the update gate, to decide how much to keep.',
  'lessons.gru.q.reset.update.why': 'No: keeping is the update gate’s own job; the reset gate acts inside the candidate $n_t$.',
  'lessons.gru.q.saturate.q': 'Choose a learning rate and train the GRU until its update gate holds on: more than 40% of its values on the example above 0.9.',
  'lessons.gru.q.saturate.ok': 'Right: many units now keep their state almost unchanged through the blanks. The update gate’s histogram is piled up at the right edge.',
  'lessons.gru.q.saturate.hint': 'Keep training and watch the update gate’s heatmap over the blanks; at the lesson’s learning rate of 0.01, about 300 steps get past 40%.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.gru.title': '逐步理解 GRU',
  'lessons.gru.summary': '在复制任务上认识更新门和重置门，把 GRU 看作精简的 LSTM，对比原始的“先重置”与 PyTorch 的“后重置”，并找出让 GRU 变成普通 RNN 的设置。',
  'lessons.gru.intro.title': '一个状态，两个门',
  'lessons.gru.intro.body':
    'Cho 等（2014）提出的门控循环单元只保留一个向量 $h_t$，没有单独的细胞状态，另有两个[[gate|门]]：更新门 $z_t$ 决定保留多少旧状态，重置门 $r_t$ 决定新的候选值 $n_t$ 能看到多少旧状态。旁边的公式是 PyTorch 的 `nn.GRU`。这里它在与 LSTM 那一课相同的复制任务、长度和种子上训练：读入三个符号，等过空白段，在分隔符之后把它们写出来。点击“开始”。大约前 50 步，损失停在 ln 8 ≈ 2.08，即随机猜测的得分；之后开始下降，第 275–300 步约为 0.94，此时回忆出的符号约 47% 正确。',
  'lessons.gru.update.title': '更新门：保留还是覆盖',
  'lessons.gru.update.body':
    '新状态是一个混合：$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$。[[update-gate|更新门]]接近 1 时，单元保留原值，在这条直接通路上回传的梯度也只被 $z_t$ 缩放；接近 0 时，单元采用候选值。一个门承担了 LSTM 遗忘门和输入门的工作，而且二者是耦合的：写入多少新内容，就同等比例地挤掉多少旧内容。开始时 $z_t$ 处处约为 ½。到第 300 步，它在空白段上平均约 0.76，32 个单元中有 8 个在整个间隔中都保持在 0.9 以上，直方图显示它全部取值中约一半高于 0.9。正是这些单元把符号带过了间隔。',
  'lessons.gru.reset.title': '重置门：候选值能看到多少过去',
  'lessons.gru.reset.body':
    '候选值为 $n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))$。[[reset-gate|重置门]] $r_t$ 缩放其中的循环部分：接近 0 时，单元只根据输入计算候选值，就像序列刚刚开始；接近 1 时，它能看到全部过去。它起初约为 ½。在这次训练中，到第 300 步，它在三个符号上平均约 0.58，此时候选值主要应当编码新的输入；在空白段上约 0.84；示例序列上约 45% 的取值高于 0.9。在复制任务上，重置门没有更新门那么重要；它真正的用处是在单元必须丢弃上下文的地方，比如翻译中的短语边界，那正是 Cho 等设计它时的任务。',
  'lessons.gru.simpler.title': 'GRU 是精简的 LSTM',
  'lessons.gru.simpler.body':
    '从 LSTM 出发，做三处删减：把细胞状态并入隐藏状态；把遗忘门与输入门耦合，$f_t = z_t$、$i_t = 1 - z_t$，即上一课中的耦合门 LSTM；去掉输出门和输出上的 tanh，让整个状态都显露出来。然后在候选值里加上重置门。剩下三个权重块而不是四个：输入为 10 维、32 个单元时，GRU 有 4,224 个权重，与耦合门 LSTM 一样多，而 LSTM 有 5,632 个。在参数计数器里，`nn.GRU(10, 20)` 有 1,920 个参数，`nn.LSTM(10, 20)` 有 2,560 个。Chung 等（2014）在音乐和语音任务上比较了二者，发现没有哪个始终更好；Greff 等（2017）发现耦合门 LSTM 与完整 LSTM 效果相当。打开“对比”页，把三者放在一起训练。',
  'lessons.gru.original.title': '先重置还是后重置：Cho 等与 PyTorch',
  'lessons.gru.original.body':
    'Cho 等（2014）在循环矩阵之前重置状态：$n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \\odot h_{t-1}) + b_{hn})$。PyTorch 和 cuDNN 则在矩阵之后重置，即 $r_t \\odot (W_{hn} h_{t-1} + b_{hn})$，这样每步一次矩阵乘法就能算出全部三个门。当 $r_t \\equiv 1$ 时两者是同一个函数，否则并不相同。本步在同一任务、同一种子下训练原始版本。它从完全相同的权重出发，第一步的损失却已略有不同（2.052 对 2.055），因为约为 ½ 的 $r_t$ 已经起了不同的作用。两者学得差不多：第 275–300 步约 0.95，约 47% 正确。门的取值却各不相同：在空白段上，原始版本的重置门平均约 0.72，PyTorch 的约 0.84。两者可以互相加载权重，但并不是同一个模型。',
  'lessons.gru.plain.title': 'GRU 何时是普通 RNN',
  'lessons.gru.plain.body':
    '在 GRU 中令 $z_t \\equiv 0$、$r_t \\equiv 1$：状态总被覆盖，候选值能看到全部过去，于是 $h_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} h_{t-1} + b_{hn})$，恰好是 PyTorch 的 `nn.RNN`，以 $W_{in}$ 为输入权重、$W_{hn}$ 为循环权重。本步在同一任务、同一种子下训练这个普通 tanh RNN。对比开始时的梯度图：第一批数据上传到第 1 步的梯度约为最后一步的 $2.5 \\times 10^{-5}$，而 GRU 约为 $3.7 \\times 10^{-4}$。间隔这样短时，普通 RNN 仍能学会，只是要先经过一段平台：第 50–175 步损失停在约 1.65 到 1.85 之间，随后降到第 275–300 步的约 1.02，约 58% 正确。拖动序列长度让间隔变长，看看它是否还能离开 ln 8。',
  'lessons.gru.q.plain.q': '哪组门值会把 GRU 变成普通 tanh RNN？',
  'lessons.gru.q.plain.z0r1': '更新门为 0，重置门为 1。',
  'lessons.gru.q.plain.z0r1.why': '正确。$z_t = 0$ 时新状态就是候选值本身；$r_t = 1$ 时候选值为 $\\tanh(W_{in} x_t + b_{in} + W_{hn} h_{t-1} + b_{hn})$，正是 Elman RNN 的一步。',
  'lessons.gru.q.plain.z1r0': '更新门为 1，重置门为 0。',
  'lessons.gru.q.plain.z1r0.why': '不对：$z_t = 1$ 时无论输入是什么，状态都不变，$h_t = h_{t-1}$，重置门也就无关紧要了。这是一个完美却学不进任何新东西的记忆。',
  'lessons.gru.q.plain.half': '两个门都为 ½。',
  'lessons.gru.q.plain.half.why': '不对：这大致是本课中未训练的 GRU，它每一步保留一半旧状态，候选值也只看到一半过去。',
  'lessons.gru.q.reset.q': 'PyTorch 的 `nn.GRU` 在哪里施加重置门？',
  'lessons.gru.q.reset.after': '在循环矩阵乘法之后：$r_t \\odot (W_{hn} h_{t-1} + b_{hn})$。',
  'lessons.gru.q.reset.after.why': '正确。这样每步对 $h_{t-1}$ 的一次矩阵乘法就能服务全部三个门。Cho 等的原始版本在乘法之前重置，需要第二次乘法。',
  'lessons.gru.q.reset.before': '在循环矩阵乘法之前：$W_{hn} (r_t \\odot h_{t-1})$。',
  'lessons.gru.q.reset.before.why': '不对：那是 Cho 等（2014）发表时的单元，也就是本课训练过的原始版本。两者只在 $r_t \\equiv 1$ 时一致。',
  'lessons.gru.q.reset.update': '作用在更新门上，决定保留多少。',
  'lessons.gru.q.reset.update.why': '不对：保留多少是更新门自己的工作；重置门作用在候选值 $n_t$ 内部。',
  'lessons.gru.q.saturate.q': '选一个学习率，训练 GRU，直到它的更新门稳稳保持：示例序列上超过 40% 的取值高于 0.9。',
  'lessons.gru.q.saturate.ok': '正确：现在许多单元在空白段中几乎不改变自己的状态。更新门的直方图堆积在右端。',
  'lessons.gru.q.saturate.hint': '继续训练，留意空白段上更新门的热力图；按本课 0.01 的学习率，大约 300 步就会超过 40%。',
};
