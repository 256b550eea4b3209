// Text of the lesson "bidirectional-deep" (src/lessons/bidirectional-deep.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck. Every number
// stated here is measured on the steps' presets by tests/unit/lesson-claims-bidir.test.ts.
export const en = {
  'lessons.bidir.title': 'Bidirectional and deep RNNs',
  'lessons.bidir.summary': 'Context from both sides: a task whose labels depend on the future, a left-to-right LSTM held at the baseline, a bidirectional one that solves it, and what stacking layers buys and costs.',
  'lessons.bidir.future.title': 'A task where the answer lies ahead',
  'lessons.bidir.future.body':
    'Each row is ten symbols drawn at random from four letters. Under every symbol the target is + if the same letter turns up again later in the row and − if this is its last appearance; the probe row under the heatmaps is labelled that way. Press Play. The LSTM reads from left to right, so at step $t$ it has seen $x_0 \\dots x_t$ and nothing after. Its loss settles on the dashed [[baseline|baseline]], within 5% of it, with about 78% of the labels right. That is exactly what counting gives: a letter at step $t$ comes back with probability $p_t = 1 - (3/4)^{9-t}$, so early symbols are probably +, late ones −, and the last one is always −. The rest of the row is independent of what came before, so no left-to-right model can do better than predicting $p_t$. Drag the hidden size up to 64: more units change nothing, because the information has not been read yet.',
  'lessons.bidir.both.title': 'Reading the row from both ends',
  'lessons.bidir.both.body':
    'A [[bidirectional|bidirectional]] RNN (Schuster and Paliwal 1997) runs two recurrences over the same row, one from left to right and one from right to left, each with its own weights. At step $t$ the readout sees both states side by side, $[\\overrightarrow{h}_t; \\overleftarrow{h}_t]$: the first sums up everything before $t$, the second everything from $t$ to the end of the row. This step wraps the same LSTM, 16 units per direction, in that way. Press Play: after a plateau on the baseline the loss falls away, below a twentieth of the baseline within 200 steps, and the heatmaps come in two panels, one per direction. Then drag the hidden size down to 4: with four units per direction the loss is still above a third of the baseline after 200 steps. The model has to hold which letters it has already met, and four units hold that badly.',
  'lessons.bidir.inside.title': 'What the backward direction has to remember',
  'lessons.bidir.inside.body':
    'Look at what the task needs. To label $x_t$ it is enough to know which letters occur in $x_{t+1} \\dots x_{T-1}$: four yes-or-no facts. The backward LSTM reads exactly those symbols before it reaches step $t$, so it can keep a [[cell-state|cell]] unit per letter that switches on the first time it meets that letter, and compare $x_t$ with them. Here the forward direction adds little; on other tasks, such as the part of speech of a word, which depends on the words before and after it, both halves matter. In the two heatmap panels the backward one (←) reads the row from its right end: compare its units with the letters under them. The last symbol of every row is always −, since the backward direction has read nothing else yet. After 200 steps of training every label of the probe row is right.',
  'lessons.bidir.deep.title': 'Stacking layers',
  'lessons.bidir.deep.body':
    '[[stacking|Stacking]] puts a second recurrent layer on top of the first: layer 2 reads the sequence of layer 1’s hidden states $h^{(1)}_0 \\dots h^{(1)}_{T-1}$ instead of the raw symbols, so every step passes through two nonlinear transitions and the upper layer works on features of features. This step is the left-to-right LSTM of the first step with two layers. Press Play: it settles on the same dashed baseline as one layer did. Depth adds computation at every step, not access to the future. It does add parameters: in the counter choose `nn.LSTM`, input 4 and hidden 16. One layer has 1,408 parameters; with two layers it has 3,584, because the second layer’s $W_{ih}$ reads 16 hidden features instead of 4 inputs. Drag the layers slider to 3: the run restarts with a third layer, and the loss still stays on the baseline.',
  'lessons.bidir.deepbi.title': 'Deep and bidirectional',
  'lessons.bidir.deepbi.body':
    'Graves, Mohamed and Hinton (2013) combined both ideas for speech recognition: several bidirectional LSTM layers, each reading both directions’ outputs of the layer below, so that every layer sees the whole utterance. This step stacks two bidirectional layers of 16 units per direction. Press Play: it learns the task too, below a twentieth of the baseline within 200 steps. Now count the price. In the counter tick Bidirectional for `nn.LSTM` with input 4 and hidden 16: one layer has 2,816 parameters (two LSTMs of 1,408); two layers have 9,216, because each direction of the second layer reads $2H = 32$ features, the forward and backward states of layer 1. Depth pays when a task needs several stages of processing at each step; this one only needs a memory of letters, and one bidirectional layer already has it.',
  'lessons.bidir.q.why.q': 'The left-to-right LSTM of the first step stays on the baseline however long it trains. Why?',
  'lessons.bidir.q.why.future': 'Each label depends on symbols it has not read yet.',
  'lessons.bidir.q.why.future.why':
    'Right. At step $t$ the rest of the row is unread and independent of what came before, so the best a left-to-right model can say is the chance $p_t$ that a letter comes back, and that is the baseline. The bidirectional model of the second step reads the rest of the row first.',
  'lessons.bidir.q.why.capacity': 'It has too few hidden units.',
  'lessons.bidir.q.why.capacity.why':
    'No: in the first step you can drag the hidden size up to 64 and the loss stays on the baseline. What is missing is information, not capacity.',
  'lessons.bidir.q.why.vanishing': 'Its gradient vanishes over the ten steps.',
  'lessons.bidir.q.why.vanishing.why':
    'No: ten steps are short for an LSTM, and the same cell wrapped bidirectionally learns the task within 200 steps. The labels depend on the future, which a left-to-right model has not seen.',
  'lessons.bidir.q.width.q': 'This run is the bidirectional LSTM with only 4 units per direction. Set the hidden size so that the training loss falls below a tenth of the dashed baseline, and press Play.',
  'lessons.bidir.q.width.ok': 'Done: with enough units per direction the backward LSTM can hold which letters it has already met, and the labels follow from that.',
  'lessons.bidir.q.width.hint': 'With 4 units the loss stays around half the baseline for a long time. Give each direction more units (16 worked in the second step) and let it train for a couple of hundred steps.',
  'lessons.bidir.q.second.q': 'In `nn.LSTM(4, 16, num_layers=2, bidirectional=True)`, why does each direction of the second layer have more weights than each direction of the first?',
  'lessons.bidir.q.second.both': 'It reads the forward and backward states of layer 1: 32 features instead of 4.',
  'lessons.bidir.q.second.both.why':
    'Right: the second layer’s $W_{ih}$ is $4H \\times 2H = 64 \\times 32$, against $64 \\times 4$ in the first; $W_{hh}$ and the two biases have the same size in both layers. The counter lists every shape.',
  'lessons.bidir.q.second.gates': 'It has more gates than the first layer.',
  'lessons.bidir.q.second.gates.why':
    'No: every layer of an LSTM has the same four gate blocks. What differs is the width of its input: the second layer reads both directions of the first, $2H = 32$ features.',
  'lessons.bidir.q.second.bias': 'Its biases are larger.',
  'lessons.bidir.q.second.bias.why':
    'No: each direction of each layer has the same two bias vectors of $4H = 64$ values. The difference is in $W_{ih}$, which reads $2H = 32$ features in the second layer against 4 inputs in the first.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.bidir.title': '双向与深层 RNN',
  'lessons.bidir.summary': '来自两侧的上下文：一个标签取决于未来的任务；只从左往右读的 LSTM 被卡在基线上，双向 LSTM 则能解决它；再看堆叠层数带来什么、又要付出什么。',
  'lessons.bidir.future.title': '答案在后面的任务',
  'lessons.bidir.future.body':
    '每一行是从四个字母中随机抽出的十个符号。每个符号下面的目标是：如果同一个字母在这一行后面还会出现，标 +；如果这是它最后一次出现，标 −。热力图下的探针行就是这样标注的。按下播放。LSTM 从左往右读，在第 $t$ 步它看过 $x_0 \\dots x_t$，之后的一概没看过。它的损失落到虚线[[baseline|基线]]上并停在那里，偏差不到 5%，约 78% 的标签正确。这正是“数数”能做到的：第 $t$ 步的字母以概率 $p_t = 1 - (3/4)^{9-t}$ 再次出现，所以靠前的符号多半是 +，靠后的多半是 −，最后一个一定是 −。这一行后面的部分与前面读过的内容无关，因此任何从左往右的模型都不可能比预测 $p_t$ 做得更好。把隐藏层大小拖到 64：单元再多也没有用，因为所需的信息还没有读到。',
  'lessons.bidir.both.title': '从两端读这一行',
  'lessons.bidir.both.body':
    '[[bidirectional|双向]] RNN（Schuster 与 Paliwal 1997）在同一行上运行两个循环，一个从左往右，一个从右往左，各有各的权重。在第 $t$ 步，读出层同时看到两个状态 $[\\overrightarrow{h}_t; \\overleftarrow{h}_t]$：前者概括 $t$ 之前的一切，后者概括从 $t$ 到行末的一切。这一步把同一个 LSTM（每个方向 16 个单元）按这种方式包装起来。按下播放：在基线上停留一段之后，损失迅速下降，200 步之内降到基线的二十分之一以下；热力图也分成两个面板，每个方向一个。再把隐藏层大小拖到 4：每个方向只有四个单元时，200 步后损失仍高于基线的三分之一。模型必须记住已经遇到过哪些字母，四个单元记不好。',
  'lessons.bidir.inside.title': '反向的那一半要记住什么',
  'lessons.bidir.inside.body':
    '先看这个任务需要什么。要给 $x_t$ 打标签，只需知道 $x_{t+1} \\dots x_{T-1}$ 中出现了哪些字母：四个“是或否”。反向的 LSTM 恰好在到达第 $t$ 步之前读完这些符号，所以它可以为每个字母留一个[[cell-state|细胞状态]]单元，第一次遇到这个字母时把它打开，再拿 $x_t$ 与它们比较。在这里正向的一半帮助不大；在别的任务上，例如一个词的词性取决于它前后的词，两半都重要。两个热力图面板中，反向的那个（←）从行的右端读起：把它的单元与下方的字母对照着看。每一行最后一个符号的标签总是 −，因为此时反向的循环只读到了它自己。训练 200 步之后，探针行的每个标签都正确。',
  'lessons.bidir.deep.title': '堆叠层数',
  'lessons.bidir.deep.body':
    '[[stacking|堆叠]]就是在第一层循环之上再放一层：第二层读的不是原始符号，而是第一层的隐藏状态序列 $h^{(1)}_0 \\dots h^{(1)}_{T-1}$，所以每一步都经过两次非线性变换，上层在“特征的特征”上工作。这一步就是第一步那个从左往右的 LSTM，只是有两层。按下播放：它停在和一层时同样的虚线基线上。深度给每一步增加的是计算，而不是看到未来的能力。它也增加参数：在计数器里选 `nn.LSTM`，输入维度 4，隐藏维度 16。一层有 1,408 个参数；两层有 3,584 个，因为第二层的 $W_{ih}$ 读的是 16 个隐藏特征，而不是 4 个输入。把层数滑块拖到 3：训练带着第三层重新开始，损失仍然停在基线上。',
  'lessons.bidir.deepbi.title': '既深又双向',
  'lessons.bidir.deepbi.body':
    'Graves、Mohamed 与 Hinton（2013）在语音识别中把两种想法结合起来：好几层双向 LSTM，每一层都读下一层两个方向的输出，于是每一层都看得到整段语音。这一步堆叠了两层双向 LSTM，每个方向 16 个单元。按下播放：它同样学会了这个任务，200 步之内降到基线的二十分之一以下。再算算代价。在计数器里为输入维度 4、隐藏维度 16 的 `nn.LSTM` 勾选“双向”：一层有 2,816 个参数（两个各 1,408 个参数的 LSTM）；两层有 9,216 个，因为第二层的每个方向读的是 $2H = 32$ 个特征，即第一层的正向与反向状态。当任务在每一步需要好几道处理时，深度才值得付出代价；这个任务只需要记住字母，一层双向 LSTM 就已足够。',
  'lessons.bidir.q.why.q': '第一步那个从左往右的 LSTM 无论训练多久都停在基线上。为什么？',
  'lessons.bidir.q.why.future': '每个标签都取决于它还没有读到的符号。',
  'lessons.bidir.q.why.future.why':
    '对。在第 $t$ 步，这一行剩下的部分还没有读到，而且与前面的内容无关，所以从左往右的模型最多只能给出字母再次出现的概率 $p_t$，而这正是基线。第二步的双向模型先读了这一行剩下的部分。',
  'lessons.bidir.q.why.capacity': '它的隐藏单元太少。',
  'lessons.bidir.q.why.capacity.why':
    '不对：在第一步里可以把隐藏层大小拖到 64，损失仍然停在基线上。缺的是信息，不是容量。',
  'lessons.bidir.q.why.vanishing': '它的梯度在十步之内消失了。',
  'lessons.bidir.q.why.vanishing.why':
    '不对：十步对 LSTM 来说很短，同一个单元换成双向包装后 200 步之内就学会了这个任务。标签取决于未来，而从左往右的模型还没有看到未来。',
  'lessons.bidir.q.width.q': '这次训练的是每个方向只有 4 个单元的双向 LSTM。调整隐藏层大小，使训练损失降到虚线基线的十分之一以下，然后按下播放。',
  'lessons.bidir.q.width.ok': '做到了：每个方向有足够的单元时，反向的 LSTM 能记住已经遇到过哪些字母，标签也就随之而来。',
  'lessons.bidir.q.width.hint': '只有 4 个单元时，损失会在基线的一半附近停留很久。给每个方向更多单元（第二步用 16 个就成功了），再训练两三百步。',
  'lessons.bidir.q.second.q': '在 `nn.LSTM(4, 16, num_layers=2, bidirectional=True)` 中，为什么第二层每个方向的权重比第一层每个方向的多？',
  'lessons.bidir.q.second.both': '它读的是第一层的正向与反向状态：32 个特征，而不是 4 个。',
  'lessons.bidir.q.second.both.why':
    '对：第二层的 $W_{ih}$ 是 $4H \\times 2H = 64 \\times 32$，第一层是 $64 \\times 4$；$W_{hh}$ 和两个偏置在两层中大小相同。计数器列出了每个形状。',
  'lessons.bidir.q.second.gates': '它比第一层多几个门。',
  'lessons.bidir.q.second.gates.why':
    '不对：LSTM 的每一层都有同样的四个门块。不同的是输入的宽度：第二层读的是第一层的两个方向，共 $2H = 32$ 个特征。',
  'lessons.bidir.q.second.bias': '它的偏置更大。',
  'lessons.bidir.q.second.bias.why':
    '不对：每层每个方向都有同样的两个偏置向量，各 $4H = 64$ 个值。差别在 $W_{ih}$：第二层读 $2H = 32$ 个特征，第一层读 4 个输入。',
};
