// Text of the lesson "lstm-step-by-step" (src/lessons/lstm-step-by-step.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck. Every number
// here is measured on the step's own preset by tests/unit/lesson-claims-lstm.test.ts.
export const en = {
  'lessons.lstm.title': 'LSTM step by step',
  'lessons.lstm.summary': 'Gate by gate on the copy task, then the 1997 cell without a forget gate, peepholes, coupled gates, and the settings that turn an LSTM back into a plain RNN.',
  'lessons.lstm.intro.title': 'Why a cell needs a memory',
  'lessons.lstm.intro.body':
    'A plain recurrent network squeezes everything it has seen into one vector $h_t$ and multiplies it by the same matrix at every step. Over many steps that product shrinks or blows up, and so does the gradient: the network cannot learn to connect an output to an input far in the past. The LSTM adds a second vector, the [[cell-state|cell state]] $c_t$, that is changed only by element-wise [[gate|gates]]: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$, the kept part of the old content plus the written part of the new. That update is a sum with no matrix in it, so the gradient flowing back along $c_t$ is scaled only by $f_t$. Here it learns the copy task: read a few symbols, wait through a stretch of blanks, then write them back. Press Play and follow the steps.',
  'lessons.lstm.forget.title': 'The forget gate decides what to keep',
  'lessons.lstm.forget.body':
    'At every step the [[forget-gate|forget gate]] $f_t$ looks at the new input and the previous hidden state and produces, for each unit, a number between 0 and 1. Multiplying the old cell state $c_{t-1}$ by $f_t$ keeps what is near 1 and erases what is near 0. A positive forget-gate bias at initialisation makes the cell remember by default: with the bias of 1 used here, which Jozefowicz et al. (2015) found closes most of the LSTM’s gap to the GRU, $f_t$ starts near $\\sigma(1) \\approx 0.73$ everywhere. On the copy task, watch the heatmap of $f_t$ during the blank stretch: by step 300 about half of the units keep it above 0.9 through the whole gap, the ones that can carry the symbols across. The histogram beside it collects every value of $f_t$ on the example.',
  'lessons.lstm.input.title': 'The input and output gates decide what to write and what to show',
  'lessons.lstm.input.body':
    'The candidate $g_t$ proposes new content, squashed by tanh into −1…1, and the [[input-gate|input gate]] $i_t$ decides how much of it enters the cell. Splitting “what” from “whether” lets the cell ignore irrelevant steps: during the blanks a low $i_t$ keeps new content from overwriting the stored symbols. It starts at about ½; by step 300 its average over the blanks has fallen to about 0.35. The [[output-gate|output gate]] $o_t$ then chooses which units of $\\tanh(c_t)$ appear in $h_t$, which feeds the next step and the prediction, so the cell can hold information without showing it. Whether it does is learned: on this run, by step 300, $o_t$ averages about 0.47 while the symbols arrive and about 0.72 through the blanks and the recall.',
  'lessons.lstm.cec.title': '1997: no forget gate, a constant error carousel',
  'lessons.lstm.cec.body':
    'The first LSTM (Hochreiter & Schmidhuber 1997) had no forget gate: $c_t = c_{t-1} + i_t \\odot g_t$, so $\\partial c_t / \\partial c_{t-1} = I$ and an error on the cell flows back any number of steps unchanged, the [[cec|constant error carousel]]. This step trains that cell on the same task and seed. On the first batch the gradient reaching step 1 is about 1/8 of the last step’s, against about 1/100 for the LSTM with its forget gate at 0.73. It also learns faster here: below 1.0 by step 200, where the LSTM is still near 1.4. The price is in the heatmap of $c_t$: nothing ever subtracts, so by step 200 the largest $|c_t|$ grows at every step of the example, to about 14 at the end. Each sequence here restarts from $c = 0$; on a long stream without resets the cell would keep drifting until $h$ saturates, the problem Gers, Schmidhuber & Cummins (2000) met and solved with a forget gate that lets the cell empty itself.',
  'lessons.lstm.peephole.title': 'Peepholes: gates that see the cell',
  'lessons.lstm.peephole.body':
    'In the LSTM the gates read $h_{t-1} = o_{t-1} \\odot \\tanh(c_{t-1})$, so while the output gate is shut they are blind to the memory they control. [[peephole|Peephole connections]] (Gers & Schmidhuber 2000) add one weight per unit from the cell to its own gates: $i_t$ and $f_t$ see $c_{t-1}$, $o_t$ sees the fresh $c_t$. Trained here with forget-gate bias 1, by step 200 the output gate climbs along the example from about 0.43 on the symbols to about 0.8 at the recall, while the largest $|c_t|$ grows from about 0.3 at the first symbol to near 10 at the end. The loss is at 1.29, a little ahead of the plain LSTM’s 1.38. Greff et al. (2017) compared eight variants on three tasks and found that removing peepholes did not significantly hurt; they matter for precise timing and counting.',
  'lessons.lstm.cifg.title': 'Coupled gates: forget as much as you write',
  'lessons.lstm.cifg.body':
    'Does the cell need separate input and forget gates? The coupled variant sets $f_t = 1 - i_t$, so $c_t = (1 - i_t) \\odot c_{t-1} + i_t \\odot g_t$ mixes old and new in fixed proportion and one weight block disappears: with 10 inputs and 32 units the cell has 4,224 weights instead of 5,632. Greff et al. (2017) found it about as good as the full LSTM. The cost shows at the start: with no forget bias, $f_t = 1 - i_t$ starts near ½, the gradient reaching step 1 of the first batch is below $10^{-4}$ of the last step’s, and the loss stays at ln 8 for the first 75 steps. Then it falls quickly, to about 1.12 by step 200, below the full LSTM’s 1.38. The GRU makes the same coupling with its update gate.',
  'lessons.lstm.plain.title': 'When an LSTM is only a plain RNN',
  'lessons.lstm.plain.body':
    'This step starts with the forget-gate bias at −3: $f_t$ is about $\\sigma(-3) \\approx 0.05$ everywhere, and the [[saturation|saturation]] histogram puts all of it below 0.1. The cell is wiped at every step, so the only memory left runs through $h_{t-1}$ and the recurrent weights, as in a plain RNN. Exactly: with $f \\equiv 0$, $i \\equiv 1$ and $o \\equiv 1$ the cell computes $h_t = \\tanh(\\tanh(W x_t + U h_{t-1} + b))$, a plain tanh RNN with one extra squashing. Here it is a weaker one, since $i_t$ and $o_t$ near 0.4 shrink every pass. The gradient chart shows the [[vanishing-gradient|vanishing gradient]] back: at the start, the gradient reaching step 1 is about $10^{-13}$ of the last step’s, and the loss stays at ln 8 for 150 steps. This is how the forget gate can cut the gradient, and why its bias starts positive. Drag the bias back up and watch the chart recover.',
  'lessons.lstm.watch.title': 'Watch it learn',
  'lessons.lstm.watch.body':
    'Back to the LSTM with bias 1. Let it train. Only the recall steps are scored, so the loss starts at ln 8 ≈ 2.08, what guessing among the eight symbols scores, and falls smoothly, without a separate stage: about 1.5 after 150 steps and about 1.15 after 300, when some 40% of the recalled symbols are right. Now try the two sliders below. With a forget-gate bias of 0 the gates start at ½, the cell halves its memory at every step, and the loss stays at ln 8 for the first 150 steps. At T = 40 the gap is more than twice as long, and the loss too stays at ln 8 for the first 150 steps.',
  'lessons.lstm.q.cec.q': 'Why can an error travel many steps back along the 1997 cell state without shrinking?',
  'lessons.lstm.q.cec.sum': 'Its update is a sum: $c_t = c_{t-1} + i_t \\odot g_t$.',
  'lessons.lstm.q.cec.sum.why': 'Right. Along the cell, $\\partial c_t / \\partial c_{t-1} = I$: no matrix and no squashing, so the carousel passes the error on unchanged. The 1997 step’s gradient chart is the flattest of the lesson at the start.',
  'lessons.lstm.q.cec.product': 'Its recurrent matrix is initialised with a spectral radius above 1.',
  'lessons.lstm.q.cec.product.why': 'No: the cell path has no matrix at all. A radius above 1 would make the gradient explode, not carry it steadily; the cell’s weights here use the same small init as every other LSTM in the lesson.',
  'lessons.lstm.q.cec.output': 'The output gate stays shut, so nothing leaks out.',
  'lessons.lstm.q.cec.output.why': 'No: the output gate only decides what $h_t$ shows. On this run it is open, about 0.7 through the blanks; the gradient survives because of the sum on the cell path.',
  'lessons.lstm.q.forget.q': 'What did the forget gate of 2000 give the cell that the 1997 cell lacked?',
  'lessons.lstm.q.forget.reset': 'A way to empty the cell, so its state stops drifting on long streams.',
  'lessons.lstm.q.forget.reset.why': 'Right. Without it $c_t$ only accumulates: in the 1997 step the largest $|c_t|$ grows at every step of the example. The same gate can also cut the gradient, as the step with bias −3 shows, which is why its bias starts positive.',
  'lessons.lstm.q.forget.gradient': 'A stronger gradient along the cell state.',
  'lessons.lstm.q.forget.gradient.why': 'No: along the cell the gradient is multiplied by $f_t \\le 1$, so the forget gate can only keep it or shrink it. The 1997 cell, with no forget gate, had the flattest gradient chart.',
  'lessons.lstm.q.forget.params': 'Fewer weights.',
  'lessons.lstm.q.forget.params.why': 'No: the forget gate adds a fourth weight block. Coupling it to the input gate, $f_t = 1 - i_t$, is what removes one.',
  'lessons.lstm.q.plain.q': 'Set the forget-gate bias so that the LSTM starts out as a plain RNN: its forget gate below 0.1, the cell wiped at every step.',
  'lessons.lstm.q.plain.ok': 'Right: at a bias of −2.5 or lower, $\\sigma$ of it is under 0.1, the cell keeps almost nothing from one step to the next, and the gradient chart collapses towards step 1, as in the step with bias −3.',
  'lessons.lstm.q.plain.hint': 'The forget gate starts near $\\sigma(b)$ for bias $b$. Drag the bias down until $\\sigma(b) < 0.1$.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.lstm.title': '逐步理解 LSTM',
  'lessons.lstm.summary': '在复制任务上逐个认识 LSTM 的门，再看没有遗忘门的 1997 年原始单元、窥视孔连接、耦合门，以及让 LSTM 退化为普通 RNN 的设置。',
  'lessons.lstm.intro.title': '为什么单元需要记忆',
  'lessons.lstm.intro.body':
    '普通循环网络把看到的一切压缩进一个向量 $h_t$，并在每一步乘以同一个矩阵。经过很多步之后，这个连乘会趋于零或急剧增大，梯度也随之消失或爆炸：网络因此难以把输出与很久以前的输入联系起来。LSTM 增加了第二个向量——[[cell-state|细胞状态]] $c_t$，它只被逐元素的[[gate|门]]改变：$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$，即旧内容中被保留的部分加上新内容中被写入的部分。这次更新是一个加法，其中没有矩阵，因此沿 $c_t$ 反向传播的梯度只会被 $f_t$ 缩放。这里它学习复制任务：先读入几个符号，等待一段空白，再把它们原样写出。点击“开始”，然后按步骤阅读。',
  'lessons.lstm.forget.title': '遗忘门决定保留什么',
  'lessons.lstm.forget.body':
    '每一步，[[forget-gate|遗忘门]] $f_t$ 根据新的输入和上一步的隐藏状态，为每个单元给出一个 0 到 1 之间的数。旧的细胞状态 $c_{t-1}$ 乘以 $f_t$ 后，接近 1 的部分被保留，接近 0 的部分被擦除。初始化时给遗忘门一个正偏置，会让单元默认倾向于记住：这里偏置为 1（Jozefowicz 等 2015 年发现，这一设置能弥补 LSTM 与 GRU 之间的大部分差距），$f_t$ 起初处处约为 $\\sigma(1) \\approx 0.73$。在复制任务中，留意空白段里 $f_t$ 的热力图：到第 300 步，大约一半的单元在整个间隔中都保持在 0.9 以上，正是它们能把符号带过间隔。旁边的直方图汇总了示例序列上 $f_t$ 的全部取值。',
  'lessons.lstm.input.title': '输入门和输出门决定写入什么、展示什么',
  'lessons.lstm.input.body':
    '候选值 $g_t$ 提出新的内容，经 tanh 压缩到 −1 到 1 之间；[[input-gate|输入门]] $i_t$ 决定其中有多少真正写入细胞。把“写什么”和“写不写”分开，单元就能忽略无关的时间步：在空白段，较低的 $i_t$ 可以防止新内容覆盖已存储的符号。它起初约为 ½；到第 300 步，它在空白段上的平均值降到约 0.35。[[output-gate|输出门]] $o_t$ 再选择 $\\tanh(c_t)$ 中哪些单元进入 $h_t$，而 $h_t$ 会传给下一步并用于预测，所以细胞可以保存信息而不显露出来。是否这样做是学出来的：在这次训练中，到第 300 步，符号到来时 $o_t$ 平均约 0.47，空白段和回忆阶段约 0.72。',
  'lessons.lstm.cec.title': '1997 年：没有遗忘门，只有恒定误差传送带',
  'lessons.lstm.cec.body':
    '最早的 LSTM（Hochreiter 与 Schmidhuber 1997）没有遗忘门：$c_t = c_{t-1} + i_t \\odot g_t$，因此 $\\partial c_t / \\partial c_{t-1} = I$，细胞上的误差可以原样回传任意多步，这就是[[cec|恒定误差传送带]]。本步在同一任务、同一种子下训练这个单元。第一批数据上，传到第 1 步的梯度约为最后一步的 1/8，而遗忘门约为 0.73 的 LSTM 只有约 1/100。它在这里学得也更快：到第 200 步损失已低于 1.0，LSTM 此时仍在 1.4 左右。代价体现在 $c_t$ 的热力图上：没有任何东西会把它减小，到第 200 步，示例序列上最大的 $|c_t|$ 每一步都在增长，到末尾约为 14。这里每条序列都从 $c = 0$ 重新开始；在不分段的长数据流上，细胞会一直漂移下去，直到 $h$ 饱和。Gers、Schmidhuber 与 Cummins（2000）遇到的正是这个问题，他们用一个能让细胞清空自己的遗忘门解决了它。',
  'lessons.lstm.peephole.title': '窥视孔：让门看见细胞',
  'lessons.lstm.peephole.body':
    '在 LSTM 中，门读取的是 $h_{t-1} = o_{t-1} \\odot \\tanh(c_{t-1})$，所以输出门关闭时，它们看不到自己所控制的记忆。[[peephole|窥视孔连接]]（Gers 与 Schmidhuber 2000）为每个单元增加一个从细胞到它自己各个门的权重：$i_t$ 和 $f_t$ 看 $c_{t-1}$，$o_t$ 看更新后的 $c_t$。这里以遗忘门偏置 1 训练，到第 200 步，输出门沿示例序列从符号处的约 0.43 升到回忆处的约 0.8，同时最大的 $|c_t|$ 从第一个符号处的约 0.3 增长到末尾的接近 10。损失为 1.29，略领先于普通 LSTM 的 1.38。Greff 等（2017）在三个任务上比较了八种变体，发现去掉窥视孔并不会明显变差；它们在精确计时和计数时才显出作用。',
  'lessons.lstm.cifg.title': '耦合门：写入多少就遗忘多少',
  'lessons.lstm.cifg.body':
    '细胞真的需要相互独立的输入门和遗忘门吗？耦合变体令 $f_t = 1 - i_t$，于是 $c_t = (1 - i_t) \\odot c_{t-1} + i_t \\odot g_t$ 按固定比例混合新旧内容，并少了一个权重块：输入为 10 维、32 个单元时，细胞有 4,224 个权重，而不是 5,632 个。Greff 等（2017）发现它与完整 LSTM 效果相当。代价出现在开头：没有遗忘门偏置，$f_t = 1 - i_t$ 起初接近 ½，第一批数据上传到第 1 步的梯度不到最后一步的 $10^{-4}$，前 75 步损失一直停在 ln 8。随后它下降得很快，到第 200 步约为 1.12，低于完整 LSTM 的 1.38。GRU 用它的更新门做了同样的耦合。',
  'lessons.lstm.plain.title': 'LSTM 何时只是普通 RNN',
  'lessons.lstm.plain.body':
    '本步一开始把遗忘门偏置设为 −3：$f_t$ 处处约为 $\\sigma(-3) \\approx 0.05$，[[saturation|饱和]]直方图把它全部放在 0.1 以下。细胞每一步都被清空，唯一剩下的记忆只能经由 $h_{t-1}$ 和循环权重传递，就像普通 RNN 一样。确切地说：当 $f \\equiv 0$、$i \\equiv 1$、$o \\equiv 1$ 时，单元计算 $h_t = \\tanh(\\tanh(W x_t + U h_{t-1} + b))$，即多了一层压缩的普通 tanh RNN。这里它还更弱，因为约为 0.4 的 $i_t$ 和 $o_t$ 每经过一步都会把信号缩小。梯度图上又出现了[[vanishing-gradient|梯度消失]]：开始时传到第 1 步的梯度约为最后一步的 $10^{-13}$，前 150 步损失一直停在 ln 8。遗忘门正是这样切断梯度的，这也是它的偏置要从正值开始的原因。把偏置拖回去，看梯度图如何恢复。',
  'lessons.lstm.watch.title': '观察它如何学习',
  'lessons.lstm.watch.body':
    '回到偏置为 1 的 LSTM，让它训练。只有回忆的时间步计分，所以损失从 ln 8 ≈ 2.08 开始，即在八个符号中随机猜测的得分，然后平稳下降，并没有分阶段：150 步后约 1.5，300 步后约 1.15，此时回忆出的符号约 40% 正确。现在试试下面的两个滑块。遗忘门偏置为 0 时，门起初约为 ½，细胞每一步都把记忆减半，前 150 步损失一直停在 ln 8。T = 40 时间隔长了一倍多，前 150 步损失同样停在 ln 8。',
  'lessons.lstm.q.cec.q': '为什么误差能沿 1997 年单元的细胞状态回传很多步而不衰减？',
  'lessons.lstm.q.cec.sum': '它的更新是加法：$c_t = c_{t-1} + i_t \\odot g_t$。',
  'lessons.lstm.q.cec.sum.why': '正确。沿细胞通路 $\\partial c_t / \\partial c_{t-1} = I$：没有矩阵，也没有压缩函数，所以传送带把误差原样传下去。在 1997 年那一步，开始时的梯度图是整节课中最平的。',
  'lessons.lstm.q.cec.product': '它的循环矩阵初始化时谱半径大于 1。',
  'lessons.lstm.q.cec.product.why': '不对：细胞通路上根本没有矩阵。谱半径大于 1 只会让梯度爆炸，而不是平稳地传下去；这里该单元的权重与本课其他 LSTM 用的是同样较小的初始化。',
  'lessons.lstm.q.cec.output': '输出门一直关着，所以什么都不会漏出去。',
  'lessons.lstm.q.cec.output.why': '不对：输出门只决定 $h_t$ 显示什么。在这次训练中它在空白段是打开的，约为 0.7；梯度能保持，是因为细胞通路上的加法。',
  'lessons.lstm.q.forget.q': '2000 年的遗忘门给了细胞什么 1997 年单元所没有的东西？',
  'lessons.lstm.q.forget.reset': '清空细胞的办法，使状态在长数据流上不再漂移。',
  'lessons.lstm.q.forget.reset.why': '正确。没有它，$c_t$ 只会不断累积：在 1997 年那一步，示例序列上最大的 $|c_t|$ 每一步都在增长。同一个门也能切断梯度，偏置为 −3 的那一步就展示了这一点，所以它的偏置要从正值开始。',
  'lessons.lstm.q.forget.gradient': '沿细胞状态更强的梯度。',
  'lessons.lstm.q.forget.gradient.why': '不对：沿细胞通路，梯度要乘以 $f_t \\le 1$，所以遗忘门只能保持或缩小梯度。没有遗忘门的 1997 年单元，梯度图反而最平。',
  'lessons.lstm.q.forget.params': '更少的权重。',
  'lessons.lstm.q.forget.params.why': '不对：遗忘门增加了第四个权重块。把它与输入门耦合，即 $f_t = 1 - i_t$，才会去掉一个权重块。',
  'lessons.lstm.q.plain.q': '设置遗忘门偏置，使 LSTM 一开始就是普通 RNN：遗忘门低于 0.1，细胞每一步都被清空。',
  'lessons.lstm.q.plain.ok': '正确：偏置不高于 −2.5 时，它的 $\\sigma$ 值低于 0.1，细胞几乎不把任何东西留到下一步，梯度图也像偏置为 −3 的那一步一样朝第 1 步塌下去。',
  'lessons.lstm.q.plain.hint': '偏置为 $b$ 时，遗忘门起初约为 $\\sigma(b)$。把偏置往下拖，直到 $\\sigma(b) < 0.1$。',
};
