// Text of the lesson "recurrence" (src/lessons/recurrence.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.recur.title': 'Recurrence: one cell, unrolled',
  'lessons.recur.summary': 'One cell applied at every step with the same weights: unrolling in time, weight sharing, PyTorch’s parameter count, stacked layers, the shapes of sequence tasks, tanh and ReLU trained live.',
  'lessons.recur.unroll.title': 'A loop, unrolled in time',
  'lessons.recur.unroll.body':
    'A feed-forward network maps one input to one output. A recurrent network reads a sequence one element at a time and keeps a [[hidden-state|hidden state]] that carries what it has seen: $h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$. Drawn as a loop it is one cell feeding itself; [[unroll|unrolled]], it is a chain of copies, one per time step, each passing $h_t$ to the next. Here the chain has twelve links. The task is copying: three symbols, five blanks, a delimiter, then the network must repeat the three symbols. In the heatmap each column is one copy of the cell, each row one of the 32 units of $h_t$. Press Play. The loss starts at $\\ln 8 \\approx 2.08$, a blind guess among eight symbols, and by step 300 it is below 1, with most recalled symbols right.',
  'lessons.recur.share.title': 'One weight matrix, shared across time',
  'lessons.recur.share.body':
    'The twelve copies are not twelve networks. They are the same cell with the same $W_{ih}$, $W_{hh}$ and $b$: [[weight-sharing|weight sharing]] across time, the recurrent cousin of a convolution sharing its filter across space. So the number of weights does not depend on the length of the sequence, and a model trained on short sequences can run on long ones. The spectrum widget shows the 32 eigenvalues of the one $W_{hh}$, a 32 × 32 matrix. Drag the sequence length: the run restarts with a longer chain and the same seed, and it starts from exactly the same eigenvalues as the run of length 12 did: the same matrix, now applied at more steps. What does change with $T$ is how many times it is applied in a row, and that is the whole story of the next lesson.',
  'lessons.recur.params.title': 'Counting parameters as PyTorch does',
  'lessons.recur.params.body':
    'The counter opens at `nn.RNN(10, 20)`: input size 10, hidden size 20, one layer. PyTorch stores `weight_ih_l0` (20 × 10 = 200), `weight_hh_l0` (20 × 20 = 400) and two bias vectors of 20, `bias_ih_l0` and `bias_hh_l0`: 640 in all. The two biases are redundant, only their sum matters, but PyTorch keeps both. Set two layers: 1,480. The second layer reads the first layer’s $h_t$, 20 wide, so it adds 20 × 20 + 20 × 20 + 40 = 840. Now switch the cell: an LSTM computes four blocks (input, forget and output [[gate|gates]] and the candidate), each with its own weights and biases, so every count is four times the RNN’s: 2,560 for one layer. A GRU has three blocks: 1,920. Tick both directions and each layer doubles. None of these counts mentions the sequence length.',
  'lessons.recur.stack.title': 'Stacked layers',
  'lessons.recur.stack.body':
    'Layers can be [[stacking|stacked]]: the first layer’s hidden state $h^{(1)}_t$ becomes the second layer’s input $x_t$, so the second layer has its own $W_{ih}$ of 32 × 32 and its own $W_{hh}$, and the output reads the top layer. Each time step now passes through two nonlinearities on its way up, while each layer still carries its own state forward in time. Same task, same seed, two layers: press Play and compare with the one-layer run of the first step. Here the accuracy first touches 90% after about a hundred steps, and by step 200 the loss is below 0.2 with nearly every symbol recalled, when the single layer was still near 1. The heatmap shows the top layer. Drag the number of layers to feel the cost: every layer adds weights and time per step, and deeper stacks are not always easier to train.',
  'lessons.recur.shapes.title': 'One-to-many, many-to-one, many-to-many',
  'lessons.recur.shapes.body':
    'An unrolled RNN emits an output at every step; a task decides which ones count. The adding problem is many-to-one: twenty numbers go in and only the last output is scored, the sum of the two marked ones. The copy task of the previous steps and the selective copy are many-to-many: a sequence in, and the last few outputs scored symbol by symbol. One-to-many is generation: a single seed, then each output fed back as the next input, which is how the character model at the end of the course writes text. On the adding problem the loss falls within 50 steps from about 1.7 to near 0.17, the score of always answering 1, which is not yet adding. Because only the last step is scored, the gradient chart’s rightmost bar is the tallest: every earlier step learns only through the steps after it.',
  'lessons.recur.relu.title': 'tanh or ReLU',
  'lessons.recur.relu.body':
    'PyTorch’s `nn.RNN` offers two nonlinearities, tanh and ReLU. This run is the copy task of the first step with the same seed, but $h_t = \\mathrm{ReLU}(W_{ih} x_t + W_{hh} h_{t-1} + b)$. tanh keeps every unit between −1 and 1; ReLU has no ceiling, and on the probe sequence some units climb past 1, where tanh can never go. Press Play: after 300 steps the loss is still around 1.8 and only about one recalled symbol in five is right, barely above the one in eight of a blind guess, where tanh had most of them. Switch the nonlinearity back to tanh in the menu to compare, or try a smaller learning rate. ReLU is not hopeless: its slope is exactly 1 where it is active, which is what the IRNN exploits with an identity start. Why the start matters so much is the subject of the next lesson.',
  'lessons.recur.q.count.q': 'How many parameters does `nn.RNN(10, 20, num_layers=2)` have?',
  'lessons.recur.q.count.n640': '640 parameters',
  'lessons.recur.q.count.n640.why': 'That is one layer: 200 + 400 + 20 + 20. The second layer adds its own weights and biases.',
  'lessons.recur.q.count.n1280': '1,280 parameters',
  'lessons.recur.q.count.n1280.why': 'That would be two copies of the first layer; but the second layer reads the 20-wide $h_t$ of the first, not the 10-wide input, so its $W_{ih}$ is 20 × 20.',
  'lessons.recur.q.count.n1480': '1,480 parameters',
  'lessons.recur.q.count.n1480.why': 'Right: 640 for the first layer and 20 × 20 + 20 × 20 + 40 = 840 for the second. Set two layers on the counter to see each tensor.',
  'lessons.recur.q.count.n2560': '2,560 parameters',
  'lessons.recur.q.count.n2560.why': 'That is a one-layer LSTM, four blocks of 640. A plain RNN has a single block per layer.',
  'lessons.recur.q.shape.q': 'The adding problem reads a whole sequence and is scored on one number at the end. Which shape is it?',
  'lessons.recur.q.shape.oneToMany': 'One-to-many',
  'lessons.recur.q.shape.oneToMany.why': 'One-to-many starts from a single input and produces a sequence, like generating text from a seed. Adding reads many inputs.',
  'lessons.recur.q.shape.manyToOne': 'Many-to-one',
  'lessons.recur.q.shape.manyToOne.why': 'Right: many inputs, and only the last output is scored. That is why the gradient chart’s last bar is the tallest.',
  'lessons.recur.q.shape.manyToMany': 'Many-to-many',
  'lessons.recur.q.shape.manyToMany.why': 'The network emits an output at every step, but the adding problem scores only the last one; the copy task, scored on several outputs, is many-to-many.',
  'lessons.recur.q.layers.q': 'The run starts with one layer, which recalls fewer than nine symbols in ten for its first 200 steps. Set the number of layers so that the copy task reaches 90% accuracy within about 200 steps.',
  'lessons.recur.q.layers.ok': 'Stacked: the last few batches recall at least 90% of the symbols on average. With two layers and seed 1 that takes about 150 steps.',
  'lessons.recur.q.layers.hint': 'More than one layer is needed, and then some training: press Play and watch the accuracy on the loss chart.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.recur.title': '循环：一个单元，沿时间展开',
  'lessons.recur.summary': '同一个单元、同一组权重在每一步重复使用：沿时间展开、权重共享、按 PyTorch 的方式数参数、堆叠多层、序列任务的几种输入输出形式，并实时训练 tanh 与 ReLU 两种网络。',
  'lessons.recur.unroll.title': '一个环，沿时间展开',
  'lessons.recur.unroll.body':
    '前馈网络把一个输入映射成一个输出。循环网络则逐个读入序列中的元素，并保留一个[[hidden-state|隐藏状态]]，记下它已经看到的内容：$h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)$。画成环，它是一个把输出送回自己的单元；[[unroll|展开]]以后，它是一条链，每个时间步一份副本，每份把 $h_t$ 交给下一份。这里的链有十二节。任务是复制：先给三个符号，再给五个空白和一个分隔符，然后网络必须依次复述这三个符号。热力图中每一列是单元的一份副本，每一行是 $h_t$ 的 32 个单元之一。按下“开始”。损失从 $\\ln 8 \\approx 2.08$ 开始，相当于在八个符号里瞎猜；到第 300 步，它已低于 1，大多数要复述的符号都答对了。',
  'lessons.recur.share.title': '一个权重矩阵，在时间上共享',
  'lessons.recur.share.body':
    '这十二份副本并不是十二个网络。它们是同一个单元，用的是同一组 $W_{ih}$、$W_{hh}$ 和 $b$：这就是沿时间的[[weight-sharing|权重共享]]，好比卷积在空间上共享同一个滤波器。因此权重的个数与序列长度无关，在短序列上训练出的模型也能在长序列上运行。谱图显示的是那唯一一个 $W_{hh}$（32 × 32 的矩阵）的 32 个特征值。拖动序列长度：训练以更长的链、同样的种子重新开始，它起步时的特征值与长度为 12 时完全相同：还是同一个矩阵，只是被用在更多步上。随 $T$ 改变的，是它连续被乘了多少次，而这正是下一课的全部内容。',
  'lessons.recur.params.title': '像 PyTorch 那样数参数',
  'lessons.recur.params.body':
    '计数器一开始是 `nn.RNN(10, 20)`：输入维度 10，隐藏维度 20，一层。PyTorch 保存 `weight_ih_l0`（20 × 10 = 200）、`weight_hh_l0`（20 × 20 = 400），以及两个长度为 20 的偏置向量 `bias_ih_l0` 和 `bias_hh_l0`，合计 640。两个偏置其实是多余的，起作用的只是它们的和，但 PyTorch 两个都保留。设成两层：1,480。第二层读入的是第一层宽度为 20 的 $h_t$，所以它增加 20 × 20 + 20 × 20 + 40 = 840。再切换单元：LSTM 要计算四个分块（输入、遗忘、输出三个[[gate|门]]和候选值），每块都有自己的权重和偏置，所以每个数都是 RNN 的四倍，一层为 2,560。GRU 有三个分块：1,920。勾选双向，每一层都翻倍。这些数字里没有一个与序列长度有关。',
  'lessons.recur.stack.title': '堆叠多层',
  'lessons.recur.stack.body':
    '循环层可以[[stacking|堆叠]]：第一层的隐藏状态 $h^{(1)}_t$ 成为第二层的输入 $x_t$，于是第二层有自己 32 × 32 的 $W_{ih}$ 和自己的 $W_{hh}$，输出则读取最上面一层。现在每个时间步向上要经过两次非线性变换，而每一层仍沿时间传递自己的状态。同样的任务、同样的种子，两层：按下“开始”，与第一步的单层训练比较。这里大约一百步后准确率第一次达到 90%；到第 200 步，损失已低于 0.2，几乎每个符号都能复述出来，而单层网络那时的损失还在 1 附近。热力图显示的是最上面一层。拖动层数，体会其代价：每加一层都会增加权重和每步的计算时间，而且更深的堆叠并不总是更容易训练。',
  'lessons.recur.shapes.title': '一对多、多对一、多对多',
  'lessons.recur.shapes.body':
    '展开后的 RNN 每一步都会给出一个输出，由任务决定哪些输出计入损失。加法问题是多对一：输入二十个数，只有最后一个输出被评分，即两个被标记数之和。前几步的复制任务和选择性复制都是多对多：输入一个序列，最后几个输出逐个符号评分。一对多是生成：给定一个起始输入，再把每个输出作为下一步的输入送回去，课程最后的字符级模型就是这样写出文本的。在加法问题上，损失在 50 步之内从约 1.7 降到 0.17 附近，这正是始终回答 1 所得的分数，还谈不上会做加法。由于只有最后一步被评分，梯度图最右边的柱最高：更早的每一步，都只能通过它之后的那些步来学习。',
  'lessons.recur.relu.title': 'tanh 还是 ReLU',
  'lessons.recur.relu.body':
    'PyTorch 的 `nn.RNN` 提供两种非线性函数：tanh 和 ReLU。这次训练仍是第一步的复制任务、同样的种子，但 $h_t = \\mathrm{ReLU}(W_{ih} x_t + W_{hh} h_{t-1} + b)$。tanh 把每个单元限制在 −1 与 1 之间；ReLU 没有上限，在探针序列上有些单元会超过 1，而 tanh 永远到不了那里。按下“开始”：300 步之后损失仍在 1.8 左右，要复述的符号只答对约五分之一，仅比瞎猜的八分之一略好，而 tanh 那时已答对大半。在菜单里把非线性函数换回 tanh 比较一下，或者试试更小的学习率。ReLU 并非无药可救：它在激活处的斜率恰好为 1，IRNN 正是借助单位矩阵初始化利用了这一点。起点为什么如此重要，是下一课的主题。',
  'lessons.recur.q.count.q': '`nn.RNN(10, 20, num_layers=2)` 有多少个参数？',
  'lessons.recur.q.count.n640': '640 个参数',
  'lessons.recur.q.count.n640.why': '那只是一层：200 + 400 + 20 + 20。第二层还有它自己的权重和偏置。',
  'lessons.recur.q.count.n1280': '1,280 个参数',
  'lessons.recur.q.count.n1280.why': '那相当于把第一层复制两份；但第二层读入的是第一层宽度为 20 的 $h_t$，而不是宽度为 10 的输入，所以它的 $W_{ih}$ 是 20 × 20。',
  'lessons.recur.q.count.n1480': '1,480 个参数',
  'lessons.recur.q.count.n1480.why': '正确：第一层 640，第二层 20 × 20 + 20 × 20 + 40 = 840。在计数器上设成两层，可以看到每个张量。',
  'lessons.recur.q.count.n2560': '2,560 个参数',
  'lessons.recur.q.count.n2560.why': '那是一层 LSTM，四个 640 的分块。普通 RNN 每层只有一个分块。',
  'lessons.recur.q.shape.q': '加法问题读入整个序列，只在最后对一个数评分。它属于哪种形式？',
  'lessons.recur.q.shape.oneToMany': '一对多',
  'lessons.recur.q.shape.oneToMany.why': '一对多是从单个输入出发产生一个序列，比如从一个起始字符生成文本。加法问题读入的是许多个输入。',
  'lessons.recur.q.shape.manyToOne': '多对一',
  'lessons.recur.q.shape.manyToOne.why': '正确：许多个输入，只有最后一个输出被评分。所以梯度图上最后一根柱最高。',
  'lessons.recur.q.shape.manyToMany': '多对多',
  'lessons.recur.q.shape.manyToMany.why': '网络每一步都有输出，但加法问题只评最后一个；对多个输出评分的复制任务才是多对多。',
  'lessons.recur.q.layers.q': '训练从一层开始，它在前 200 步里答对的符号不到十分之九。调节层数，使复制任务在大约 200 步之内达到 90% 的准确率。',
  'lessons.recur.q.layers.ok': '已经堆叠：最近几批平均至少答对了 90% 的符号。种子为 1、两层时，大约需要 150 步。',
  'lessons.recur.q.layers.hint': '需要不止一层，然后再训练一会儿：按下“开始”，看损失图上的准确率。',
};
