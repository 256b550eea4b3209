// Text of the lesson "gates-selectivity" (src/lessons/gates-selectivity.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck. Every number
// here is measured on the step's own preset by tests/unit/lesson-claims-select.test.ts.
export const en = {
  'lessons.select.title': 'Gates as selectivity',
  'lessons.select.summary': 'On the selective-copy task a trained gate opens for what matters and shuts for the rest: its values pile up near 0 and 1, and what it keeps passes through the distractors unchanged.',
  'lessons.select.task.title': 'Remember the first three, ignore the rest',
  'lessons.select.task.body':
    'The selective-copy task, a simpler relative of the selective copying Gu & Dao (2023) used to test state-space models: the input is seven symbols and three blanks, like `abcdefg___`, and once the blanks begin the answer is the first three symbols, `_______abc`. Only those three positions are scored, so guessing among the eight symbols scores ln 8 ≈ 2.08. Unlike plain copying, remembering is not enough: the cell must write the first three symbols and then stop the next four from overwriting them, with nothing in the input marking which is which, so it has to count. A GRU learns it here: the loss averages about 2.0 over the first 50 steps and about 0.31 over steps 350–400, when some 90% of the recalled symbols are right. By then the heatmaps’ row of predictions reads the same three symbols as the target. Press Play.',
  'lessons.select.write.title': 'The update gate opens to write and shuts to ignore',
  'lessons.select.write.body':
    'In the GRU of Cho et al. (2014), $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$: where the [[update-gate|update gate]] $z_t$ is low the unit takes the new candidate, where it is high the unit keeps what it had. Watch the heatmap of $z_t$ after about 400 steps. On the three symbols to remember it is low, averaging about 0.46, 0.22 and 0.33; on the four distractors that follow it jumps to about 0.84 and stays there. The gate has learned when to write and when not to, from the loss alone: this is [[selectivity|selectivity]]. Letting only the needed input in leaves less to remember, which makes the rest easier. At the start $z_t$ was about ½ at every step, for every symbol alike.',
  'lessons.select.saturate.title': 'Trained gates sit near 0 or 1',
  'lessons.select.saturate.body':
    'A gate can take any value between 0 and 1, but one that has learned to decide rarely stays in the middle. The histograms collect every value of each gate on the example. Before training none of the values of $z_t$ or $r_t$ lies outside 0.1–0.9; after 400 steps about 17% of the update gate’s values are below 0.1 and about 36% above 0.9, and about 45% of the reset gate’s are above 0.9. This is [[saturation|saturation]] doing useful work: a gate at 0 or 1 is a switch, letting information through whole or not at all. Watch the outer bands of the histograms fill as the loss falls.',
  'lessons.select.still.title': 'What is kept passes through unchanged',
  'lessons.select.still.body':
    'Where $z_t \\approx 1$ the update is $h_t \\approx h_{t-1}$: no matrix and no tanh act on the kept state, so it crosses the distractors nearly as it was. Measure it on the heatmap of $h_t$. After 400 steps, the first distractor still moves the state by about 36% of its size, but the next three move it by only about 12%, 7% and 6%. The state after the last distractor points almost the same way as after the third symbol: the cosine between the two is about 0.86. In the untrained GRU every distractor moved the state by a quarter to a half of its size. The gradient flows back along the same path, scaled by $z_t$ alone.',
  'lessons.select.plain.title': 'A plain RNN carries the symbols by rewriting them',
  'lessons.select.plain.body':
    'A plain tanh RNN has no gate: every step sends the whole state through the recurrent matrix and the squashing again. On this short version it learns the task too, and sooner: over steps 100–150 its loss is about 0.95 where the GRU’s is about 1.47, and over steps 350–400 it is right about 85% of the time, the GRU about 90%. But look at how it carries them. On the distractors its hidden state changes at every step by about its own size or more, 1.0 to 1.6 times, and the state after the last distractor is unrelated to the one after the third symbol, cosine about −0.2. The symbols are still there, in a code the network rewrites at every step and has learned to decode. Nothing is held in place, so every extra step is one more transformation to learn through; a gated cell just holds still. Open Compare to run the three cells side by side.',
  'lessons.select.lstm.title': 'The LSTM: a forget gate that saturates',
  'lessons.select.lstm.body':
    'The LSTM (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000) splits the GRU’s update gate in two: the [[forget-gate|forget gate]] $f_t$ keeps, the [[input-gate|input gate]] $i_t$ writes. With forget-gate bias 1, $f_t$ starts near 0.72 everywhere and none of its values is above 0.9. After 400 steps about 80% of them are, and the histogram of $f_t$ piles up at the right edge: the cell has learned to keep. Its input gate has not yet become a switch: only about 10% of its values are outside 0.1–0.9, and it selects by leaning rather than by closing, lower on the distractors than on the symbols to keep. The LSTM learns more slowly here than the GRU, about 75% right over steps 350–400. Gates need not saturate to work, but the ones that decide most clearly are the ones that do.',
  'lessons.select.q.gate.q': 'After training, the GRU’s update gate is about 0.84 on the distractors. What does that do?',
  'lessons.select.q.gate.keep': 'It keeps most of the old state, so the three stored symbols are not overwritten.',
  'lessons.select.q.gate.keep.why': 'Right. $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$: with $z_t$ near 1 the old state wins. The heatmap of $h_t$ barely changes over the distractors.',
  'lessons.select.q.gate.write': 'It writes the distractors into the state.',
  'lessons.select.q.gate.write.why': 'No: writing is done by $1 - z_t$, which is small here. The gate is low, about 0.2–0.5, on the three symbols it does write.',
  'lessons.select.q.gate.erase': 'It erases the state before the recall.',
  'lessons.select.q.gate.erase.why': 'No: a high update gate is the opposite of erasing; the state is carried forward nearly unchanged, as the step on undistorted information measured.',
  'lessons.select.q.rnn.q': 'The plain RNN also recalls the symbols. What is different about how it carries them?',
  'lessons.select.q.rnn.recode': 'It rewrites its whole state at every step and has learned to decode the result.',
  'lessons.select.q.rnn.recode.why': 'Right. Its state changes by about its own size or more at each distractor, and the cosine between the states before and after them is about −0.2; the gated cell’s is about 0.86.',
  'lessons.select.q.rnn.nothing': 'Nothing: it holds the state still, like the GRU.',
  'lessons.select.q.rnn.nothing.why': 'No: with no gate the state goes through the matrix and tanh at every step. Compare the heatmaps of $h_t$ on the distractors.',
  'lessons.select.q.rnn.fails': 'It does not carry them: its answers are guesses.',
  'lessons.select.q.rnn.fails.why': 'No: on this short version it is right about 85% of the time by step 400. It remembers, only not in place.',
  'lessons.select.q.decide.q': 'Choose a learning rate and train the GRU until its update gate has become a switch: more than 40% of its values on the example below 0.1 or above 0.9.',
  'lessons.select.q.decide.ok': 'Right: the gate now mostly decides. Look at the histogram: its outer bands hold most of the values, low on the symbols to keep, high on the distractors.',
  'lessons.select.q.decide.hint': 'Keep training and watch the update gate’s histogram; a learning rate of about 0.01 gets past 40% within about 400 steps.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.select.title': '门控即选择',
  'lessons.select.summary': '在选择性复制任务上，训练好的门为重要的输入打开、为其余的输入关闭：门的取值集中在 0 和 1 附近，它保留下来的内容原样穿过干扰符号。',
  'lessons.select.task.title': '记住前三个，忽略其余',
  'lessons.select.task.body':
    '这是选择性复制任务（Gu 与 Dao 2023 曾用它的一个更复杂的版本检验状态空间模型）：输入是七个符号加三个空白，例如 `abcdefg___`；空白一开始，答案就是最前面的三个符号，即 `_______abc`。只有这三个位置计分，所以在八个符号中随机猜测的得分是 ln 8 ≈ 2.08。与普通复制不同，光记住还不够：单元必须写入前三个符号，再阻止后面四个把它们覆盖，而输入中并没有标记哪个是哪个，所以它得学会计数。这里的 GRU 学会了它：前 50 步损失平均约 2.0，第 350–400 步平均约 0.31，此时回忆出的符号约 90% 正确。到那时，热力图中预测的那一行与目标的三个符号完全相同。点击“开始”。',
  'lessons.select.write.title': '更新门打开以写入，关闭以忽略',
  'lessons.select.write.body':
    '在 Cho 等（2014）的 GRU 中，$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$：[[update-gate|更新门]] $z_t$ 低的地方，单元采用新的候选值；高的地方，单元保留原有内容。训练约 400 步后看 $z_t$ 的热力图。在要记住的三个符号上它很低，平均约为 0.46、0.22 和 0.33；在随后的四个干扰符号上，它跳到约 0.84 并保持不变。门只凭损失就学会了何时写入、何时不写：这就是[[selectivity|选择性]]。只放进需要的输入，要记的东西就少了，其余部分也就更容易学。训练开始时，$z_t$ 在每一步、对每个符号都约为 ½，毫无区别。',
  'lessons.select.saturate.title': '训练好的门停在 0 或 1 附近',
  'lessons.select.saturate.body':
    '门可以取 0 到 1 之间的任何值，但学会了做决定的门很少停在中间。直方图汇总了示例序列上每个门的全部取值。训练前，$z_t$ 和 $r_t$ 没有一个值落在 0.1–0.9 之外；训练 400 步后，更新门约 17% 的值低于 0.1、约 36% 高于 0.9，重置门约 45% 的值高于 0.9。这就是起了作用的[[saturation|饱和]]：取 0 或 1 的门就是一个开关，让信息要么完整通过，要么完全不过。随着损失下降，看直方图两侧的阴影带逐渐被填满。',
  'lessons.select.still.title': '保留的内容原样通过',
  'lessons.select.still.body':
    '在 $z_t \\approx 1$ 的地方，更新就是 $h_t \\approx h_{t-1}$：被保留的状态上没有矩阵，也没有 tanh，所以它几乎原样穿过干扰符号。在 $h_t$ 的热力图上量一量。训练 400 步后，第一个干扰符号仍会让状态改变约其自身大小的 36%，但接下来三个只分别改变约 12%、7% 和 6%。最后一个干扰符号之后的状态，与第三个符号之后的状态方向几乎相同：两者的余弦约为 0.86。在未训练的 GRU 中，每个干扰符号都会让状态改变其大小的四分之一到一半。梯度沿同一条通路回传，只被 $z_t$ 缩放。',
  'lessons.select.plain.title': '普通 RNN 靠不断改写来携带符号',
  'lessons.select.plain.body':
    '普通 tanh RNN 没有门：每一步都把整个状态重新送过循环矩阵和压缩函数。在这个较短的版本上它也学会了任务，而且更早：第 100–150 步它的损失约 0.95，GRU 约 1.47；第 350–400 步它约 85% 正确，GRU 约 90%。但看看它是怎么携带这些符号的。在干扰符号上，它的隐藏状态每一步的变化都约等于或超过自身大小，为 1.0 到 1.6 倍；最后一个干扰符号之后的状态与第三个符号之后的状态毫不相关，余弦约为 −0.2。符号仍在其中，只是被编码成网络每一步都要改写、并已学会解读的形式。没有任何东西停在原处，所以每多一步，就多一次需要学着穿过的变换；而有门的单元只需保持不动。打开“对比”页，把三种单元放在一起运行。',
  'lessons.select.lstm.title': 'LSTM：会饱和的遗忘门',
  'lessons.select.lstm.body':
    'LSTM（Hochreiter 与 Schmidhuber 1997，遗忘门来自 Gers 等 2000）把 GRU 的更新门一分为二：[[forget-gate|遗忘门]] $f_t$ 负责保留，[[input-gate|输入门]] $i_t$ 负责写入。遗忘门偏置为 1 时，$f_t$ 起初处处约为 0.72，没有一个值高于 0.9。训练 400 步后，约 80% 的值高于 0.9，$f_t$ 的直方图堆积在右端：细胞学会了保留。它的输入门还没有变成开关：只有约 10% 的值落在 0.1–0.9 之外，它靠偏向而不是关闭来做选择，在干扰符号上比在要保留的符号上低一些。LSTM 在这里学得比 GRU 慢，第 350–400 步约 75% 正确。门不必饱和也能起作用，但决定做得最清楚的门，正是那些饱和的门。',
  'lessons.select.q.gate.q': '训练后，GRU 的更新门在干扰符号上约为 0.84。这有什么作用？',
  'lessons.select.q.gate.keep': '保留大部分旧状态，使存下的三个符号不被覆盖。',
  'lessons.select.q.gate.keep.why': '正确。$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$：$z_t$ 接近 1 时旧状态占上风。$h_t$ 的热力图在干扰符号上几乎不变。',
  'lessons.select.q.gate.write': '把干扰符号写进状态。',
  'lessons.select.q.gate.write.why': '不对：写入由 $1 - z_t$ 决定，而它在这里很小。门在它真正写入的三个符号上是低的，约 0.2–0.5。',
  'lessons.select.q.gate.erase': '在回忆之前清空状态。',
  'lessons.select.q.gate.erase.why': '不对：更新门高恰恰与清空相反；状态几乎不变地被带向前方，“保留的内容原样通过”那一步量过这一点。',
  'lessons.select.q.rnn.q': '普通 RNN 也能回忆出这些符号。它携带符号的方式有什么不同？',
  'lessons.select.q.rnn.recode': '它每一步都改写整个状态，并学会了解读改写后的结果。',
  'lessons.select.q.rnn.recode.why': '正确。在每个干扰符号上，它的状态变化都约等于或超过自身大小；干扰符号前后两个状态的余弦约为 −0.2，而有门单元的约为 0.86。',
  'lessons.select.q.rnn.nothing': '没有不同：它像 GRU 一样让状态保持不动。',
  'lessons.select.q.rnn.nothing.why': '不对：没有门，状态每一步都要经过矩阵和 tanh。对比两者在干扰符号上 $h_t$ 的热力图。',
  'lessons.select.q.rnn.fails': '它并没有携带符号：它的答案只是猜测。',
  'lessons.select.q.rnn.fails.why': '不对：在这个较短的版本上，到第 400 步它约 85% 正确。它记住了，只是没有把内容留在原处。',
  'lessons.select.q.decide.q': '选一个学习率，训练 GRU，直到它的更新门变成开关：示例序列上超过 40% 的取值低于 0.1 或高于 0.9。',
  'lessons.select.q.decide.ok': '正确：这个门现在大多在做决定。看直方图：大部分取值落在两侧的阴影带里，在要保留的符号上低，在干扰符号上高。',
  'lessons.select.q.decide.hint': '继续训练，留意更新门的直方图；学习率约 0.01 时，大约 400 步内就会超过 40%。',
};
