// Text of the lesson "lstm-step-by-step" (src/lessons/lstm-step-by-step.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.lstm.title': 'LSTM step by step',
  'lessons.lstm.summary': 'Gate by gate, how an LSTM decides what to keep, what to write and what to show, on the copy task.',
  'lessons.lstm.intro.title': 'Why a cell needs a memory',
  'lessons.lstm.intro.body':
    'A plain recurrent network squeezes everything it has seen into one vector $h_t$ and multiplies it by the same matrix at every step. Over many steps that product shrinks or blows up, and so does the gradient: the network cannot learn to connect an output to an input far in the past. The LSTM adds a second vector, the cell state $c_t$, that is changed only by element-wise gates. Here it learns the copy task: read a few symbols, wait through a stretch of blanks, then write them back. Press Play and follow the steps.',
  'lessons.lstm.forget.title': 'The forget gate decides what to keep',
  'lessons.lstm.forget.body':
    'At every step the forget gate $f_t$ looks at the new input and the previous hidden state and produces, for each unit, a number between 0 and 1. Multiplying the old cell state $c_{t-1}$ by $f_t$ keeps what is near 1 and erases what is near 0. A positive forget-gate bias at initialisation makes the cell remember by default: with the bias of 1 used here, $f_t$ starts near $\\sigma(1) \\approx 0.73$ everywhere. On the copy task, watch the heatmap of $f_t$ during the blank stretch: by step 300 about half of the units keep it above 0.9 through the whole gap, the ones that can carry the symbols across.',
  'lessons.lstm.input.title': 'The input gate and the candidate decide what to write',
  'lessons.lstm.input.body':
    'The candidate $g_t$ proposes new content, squashed by tanh into −1…1. The input gate $i_t$, again between 0 and 1, decides how much of that proposal actually enters the cell. Splitting “what” from “whether” lets the cell ignore irrelevant steps: during the blanks a low $i_t$ keeps new content from overwriting the stored symbols. It starts at about ½; by step 300 its average over the blanks has fallen to about 0.35, lower in some units than in others.',
  'lessons.lstm.cell.title': 'The cell update is a sum, not a product',
  'lessons.lstm.cell.body':
    'The new cell state is the kept part of the old one plus the written part of the new: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$. Because this path has no matrix multiplication and no squashing, the gradient flowing back along $c_t$ is scaled only by $f_t$. Where $f_t \\approx 1$ it passes through many steps almost unchanged — the “constant error carousel” that lets LSTMs bridge long gaps. Compare the gradient chart with a plain RNN in the playground.',
  'lessons.lstm.output.title': 'The output gate decides what to show',
  'lessons.lstm.output.body':
    'The cell can hold information without revealing it. The output gate $o_t$ chooses which units of $\\tanh(c_t)$ appear in the hidden state $h_t$, which feeds the next step and the prediction. Whether a model uses it to hide what it stores is learned, not given: on this run, by step 300, $o_t$ averages about 0.47 while the symbols arrive and about 0.72 through the blanks and the recall, so it is mostly open while the symbols wait. Compare the heatmaps of $o_t$ and $h_t$.',
  'lessons.lstm.watch.title': 'Watch it learn',
  'lessons.lstm.watch.body':
    'Let it train. Only the recall steps are scored, so the loss starts at ln 8 ≈ 2.08, what guessing among the eight symbols scores, and falls smoothly, without a separate stage: about 1.5 after 150 steps and about 1.15 after 300, when some 40% of the recalled symbols are right. Now try the two sliders below. With a forget-gate bias of 0 the gates start at ½, the cell halves its memory at every step, and the loss stays at ln 8 for the first 150 steps. At T = 40 the gap is more than twice as long, and the loss too stays at ln 8 for the first 150 steps.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.lstm.title': '逐步理解 LSTM',
  'lessons.lstm.summary': '在复制任务上逐个认识 LSTM 的门：它如何决定保留什么、写入什么、输出什么。',
  'lessons.lstm.intro.title': '为什么单元需要记忆',
  'lessons.lstm.intro.body':
    '普通循环网络把看到的一切压缩进一个向量 $h_t$，并在每一步乘以同一个矩阵。经过很多步之后，这个连乘会趋于零或急剧增大，梯度也随之消失或爆炸：网络因此难以把输出与很久以前的输入联系起来。LSTM 增加了第二个向量——细胞状态 $c_t$，它只被逐元素的门改变。这里它学习复制任务：先读入几个符号，等待一段空白，再把它们原样写出。点击“开始”，然后按步骤阅读。',
  'lessons.lstm.forget.title': '遗忘门决定保留什么',
  'lessons.lstm.forget.body':
    '每一步，遗忘门 $f_t$ 根据新的输入和上一步的隐藏状态，为每个单元给出一个 0 到 1 之间的数。旧的细胞状态 $c_{t-1}$ 乘以 $f_t$ 后，接近 1 的部分被保留，接近 0 的部分被擦除。初始化时给遗忘门一个正偏置，会让单元默认倾向于记住：这里偏置为 1，$f_t$ 起初处处约为 $\\sigma(1) \\approx 0.73$。在复制任务中，留意空白段里 $f_t$ 的热力图：到第 300 步，大约一半的单元在整个间隔中都保持在 0.9 以上，正是它们能把符号带过间隔。',
  'lessons.lstm.input.title': '输入门与候选值决定写入什么',
  'lessons.lstm.input.body':
    '候选值 $g_t$ 提出新的内容，经 tanh 压缩到 −1 到 1 之间。输入门 $i_t$ 同样取值于 0 到 1，决定这份提议有多少真正写入细胞。把“写什么”和“写不写”分开，单元就能忽略无关的时间步：在空白段，较低的 $i_t$ 可以防止新内容覆盖已存储的符号。它起初约为 ½；到第 300 步，它在空白段上的平均值降到约 0.35，有的单元降得更多。',
  'lessons.lstm.cell.title': '细胞更新是加法，而不是乘法',
  'lessons.lstm.cell.body':
    '新的细胞状态等于旧状态中被保留的部分加上新内容中被写入的部分：$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$。这条通路上没有矩阵乘法，也没有压缩函数，因此沿 $c_t$ 反向传播的梯度只会被 $f_t$ 缩放。在 $f_t \\approx 1$ 的地方，梯度几乎不变地穿过许多时间步——这就是让 LSTM 跨越长间隔的“恒定误差传送带”。可以在实验场中与普通 RNN 的梯度图对比。',
  'lessons.lstm.output.title': '输出门决定展示什么',
  'lessons.lstm.output.body':
    '细胞可以保存信息而不把它显露出来。输出门 $o_t$ 选择 $\\tanh(c_t)$ 中哪些单元进入隐藏状态 $h_t$，而 $h_t$ 会传给下一步并用于预测。模型是否用它来隐藏所存的内容，是学出来的，而不是预先给定的：在这次训练中，到第 300 步，符号到来时 $o_t$ 平均约 0.47，空白段和回忆阶段约 0.72，也就是说符号等待期间它大多是打开的。对比 $o_t$ 与 $h_t$ 的热力图看看。',
  'lessons.lstm.watch.title': '观察它如何学习',
  'lessons.lstm.watch.body':
    '让它训练。只有回忆的时间步计分，所以损失从 ln 8 ≈ 2.08 开始，即在八个符号中随机猜测的得分，然后平稳下降，并没有分阶段：150 步后约 1.5，300 步后约 1.15，此时回忆出的符号约 40% 正确。现在试试下面的两个滑块。遗忘门偏置为 0 时，门起初约为 ½，细胞每一步都把记忆减半，前 150 步损失一直停在 ln 8。T = 40 时间隔长了一倍多，前 150 步损失同样停在 ln 8。',
};
