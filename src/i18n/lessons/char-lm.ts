// Text of the lesson "char-lm" (src/lessons/char-lm.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck. Every number
// is measured on the steps' presets by tests/unit/lesson-claims-charlm.test.ts.
export const en = {
  'lessons.charlm.title': 'A character-level language model',
  'lessons.charlm.summary': 'An LSTM reads "Alice\'s Adventures in Wonderland" one character at a time and learns to predict the next: cross-entropy in bits per character against the unigram entropy, text sampled as it learns, the temperature, units that track structure, and Tang poems.',
  'lessons.charlm.task.title': 'Predict the next character',
  'lessons.charlm.task.body':
    'Every task so far scored a few chosen steps. A language model is scored at every step: it reads a text one character at a time and, after each one, gives a probability to every character that could come next. The text here is the opening of Lewis Carroll\'s "Alice\'s Adventures in Wonderland" (1865), bundled with the page. It has 64 distinct characters (letters, punctuation, the space and the line break), so each input $x_t$ is a one-hot vector of 64 and the readout is a softmax over the same 64. Training takes windows of 32 characters from random places, 32 windows per batch, and asks an LSTM with 32 units in its [[hidden-state|hidden state]] to predict characters 2 to 33 from characters 1 to 32. Press Play: the panel shows text the model writes itself, and at step 0 it is noise from the whole alphabet.',
  'lessons.charlm.bits.title': 'Bits per character against the unigram entropy',
  'lessons.charlm.bits.body':
    'The loss is the [[cross-entropy|cross-entropy]] $-\\ln p(x_{t+1})$ averaged over every step, in nats; divided by $\\ln 2$ it is in [[bits-per-char|bits per character]], the readout beside it. A model that knows nothing gives each of the 64 characters $1/64$: $\\log_2 64 = 6$ bits, about where the first step starts. A model that ignores its input but knows how often each character occurs scores the [[unigram-entropy|unigram entropy]] $H = -\\sum_c p(c) \\log_2 p(c)$, 4.46 bits for this text: that is the dashed [[baseline|baseline]]. Anything below it needs context, the characters already read. Watch the curve cross the dashed line within the first 60 steps; after 100 steps it is near 3.4 bits. Below 4 bits the model knows which letters follow which.',
  'lessons.charlm.samples.title': 'Samples get better as it learns',
  'lessons.charlm.samples.body':
    'To write, the model is given a prompt (`Alice`), draws the next character from its own prediction, feeds that character back in as the next input, and repeats, carrying its state from one character to the next. The panel does this with the same prompt and the same random seed every 50 training steps, so only the model changes between samples. At step 0 about one character in a hundred is a space: spaces are as rare as anything else. After about 100 steps roughly one in five or six is, as in the text itself (18%), and short frequent words appear: `the`, `she`, `was`. Open the earlier samples to compare. Later, words of the story come back whole, with punctuation and line breaks in plausible places.',
  'lessons.charlm.temperature.title': 'Temperature',
  'lessons.charlm.temperature.body':
    'A sample draws character $i$ with probability $p_i \\propto \\exp(z_i / \\tau)$, where $z$ are the readout\'s logits and $\\tau$ is the [[temperature|temperature]]. At $\\tau = 1$ this is the model\'s own distribution, the one the loss scores. Drag the slider: the panel draws again at once. After about 100 steps, at $\\tau = 0.2$ the likeliest choices win almost every time and the sample loops on a handful of characters, `the the the she the`; at $\\tau = 2$ the distribution flattens, rare capitals and punctuation appear, and the sample uses most of the 64 characters. Low temperature is safe and dull, high temperature is varied and wrong; between them is a trade-off, not a better model.',
  'lessons.charlm.units.title': 'Units that track structure',
  'lessons.charlm.units.body':
    'Karpathy, Johnson and Fei-Fei (2015) found single cells in character LSTMs that switch on inside quotes, count the position in a line or follow brackets. The panel looks for such units: over a fixed passage it correlates each unit of $h_t$ with four features (inside quotes, inside parentheses, the end of a line, the position in the line) and colours the passage by the best unit for the chosen feature. Read the numbers with care. On the untrained model the best unit already reaches $|r|$ between 0.1 and 0.3 by chance, and after 100 steps it is no higher: the model learns spelling before it learns structure, and windows of 32 characters rarely hold a whole quotation. Train for a few thousand steps, or give it more units, and see whether any feature rises clearly above that level.',
  'lessons.charlm.chinese.title': 'The same model on Tang poems',
  'lessons.charlm.chinese.body':
    'Switch the text to 99 classical Tang poems, about 5,000 characters. Chinese has far more distinct characters: 1,044 here, most of them seen once or twice. To keep the softmax small the task keeps the 399 most frequent and maps the rest to one token, □, which makes up about 17% of the text. The unigram entropy is 6.74 bits, and the untrained model starts near $\\log_2 400 \\approx 8.6$. The loss falls below the dashed line within 50 steps: the first thing to learn is the form, a title in 《》, then lines of five or seven characters, each ending in ， or 。 and a line break. The features here are the end of a line of verse, the position in it and the title.',
  'lessons.charlm.q.bits.q': 'Train the model until the readout shows fewer than 4 bits per character, clearly below the unigram entropy of 4.46. If it is slow, try the learning rate.',
  'lessons.charlm.q.bits.ok': 'Below 4 bits the model predicts better than character frequencies alone: it uses the characters it has read. The samples show it as real short words.',
  'lessons.charlm.q.bits.hint': 'Press Play and watch the bits per character beside the loss; with this preset it takes about 50 steps.',
  'lessons.charlm.q.baseline.q': 'A model ignores its input and always predicts the character frequencies of the English text. How many bits per character does it score?',
  'lessons.charlm.q.baseline.six': '6 bits, $\\log_2 64$.',
  'lessons.charlm.q.baseline.six.why': 'That is the uniform guess, which gives every character $1/64$. Knowing that spaces and `e` are common already does better.',
  'lessons.charlm.q.baseline.unigram': 'The unigram entropy, 4.46 bits.',
  'lessons.charlm.q.baseline.unigram.why': 'Right: the cross-entropy of the frequencies against the text is their entropy, the dashed line on the loss chart.',
  'lessons.charlm.q.baseline.zero': 'Close to 0 bits, once trained long enough.',
  'lessons.charlm.q.baseline.zero.why': 'Without the input there is nothing to learn beyond the frequencies; no amount of training takes it below the unigram entropy.',
  'lessons.charlm.q.temp.q': 'After about 100 training steps you drag the temperature to 0.2. What does the sample look like?',
  'lessons.charlm.q.temp.loops': 'A few frequent words repeated, like `the the the`.',
  'lessons.charlm.q.temp.loops.why': 'Right: dividing the logits by 0.2 makes the likeliest character win almost every draw, and the likeliest path loops.',
  'lessons.charlm.q.temp.noise': 'Random characters from the whole alphabet.',
  'lessons.charlm.q.temp.noise.why': 'That is high temperature: at 2 the distribution flattens towards uniform and rare characters appear.',
  'lessons.charlm.q.temp.same': 'The same as at 1: temperature does not change the model.',
  'lessons.charlm.q.temp.same.why': 'It does not change the model, but it changes the draws: the panel samples again at once and the text changes.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.charlm.title': '字符级语言模型',
  'lessons.charlm.summary': '一个 LSTM 一次读一个字符地读《爱丽丝漫游奇境》，学着预测下一个字符：以每字符比特数计的交叉熵与一元熵相比、训练中生成的样本、温度、追踪文本结构的单元，以及唐诗。',
  'lessons.charlm.task.title': '预测下一个字符',
  'lessons.charlm.task.body':
    '前面的任务都只在少数几个时间步上计分。语言模型则在每一步都计分：它一次读一个字符，每读完一个，就给接下来可能出现的每个字符一个概率。这里的文本是刘易斯·卡罗尔《爱丽丝漫游奇境》（1865）的开头，随页面附带。它有 64 个不同的字符（字母、标点、空格和换行），所以每个输入 $x_t$ 是长度 64 的独热向量，读出层是对同样 64 个字符的归一化指数分布。训练时从随机位置截取 32 个字符长的窗口，每批 32 个窗口，要求一个[[hidden-state|隐藏状态]]有 32 个单元的 LSTM 由第 1 到 32 个字符预测第 2 到 33 个字符。按下播放：面板显示模型自己写出的文字，第 0 步时它是从整个字母表里随机抽出的杂乱字符。',
  'lessons.charlm.bits.title': '每字符比特数与一元熵',
  'lessons.charlm.bits.body':
    '损失是在每一步上取平均的[[cross-entropy|交叉熵]] $-\\ln p(x_{t+1})$，单位是奈特；除以 $\\ln 2$ 就是[[bits-per-char|每字符比特数]]，即旁边的读数。一个什么都不知道的模型给 64 个字符各 $1/64$：$\\log_2 64 = 6$ 比特，第一步大约就从这里开始。一个不看输入、但知道每个字符出现频率的模型，得分是[[unigram-entropy|一元熵]] $H = -\\sum_c p(c) \\log_2 p(c)$，这段文本是 4.46 比特，也就是图上的虚线[[baseline|基线]]。想低于它，就必须利用上下文，也就是已经读过的字符。看着曲线在前 60 步之内越过虚线；100 步后约为 3.4 比特。低于 4 比特时，模型已经知道哪些字母常跟在哪些字母后面。',
  'lessons.charlm.samples.title': '样本随训练变好',
  'lessons.charlm.samples.body':
    '要写作时，先给模型一个开头（`Alice`），它从自己的预测中抽出下一个字符，再把这个字符作为下一步的输入送回去，如此重复，状态从一个字符延续到下一个字符。面板每训练 50 步就这样做一次，开头和随机种子每次都相同，因此两次样本之间变化的只有模型。第 0 步时大约一百个字符里才有一个空格：空格和其他字符一样少见。约 100 步后，大约每五六个字符就有一个空格，和原文（18%）相当，还出现了常见的短词：`the`、`she`、`was`。展开较早的样本对比一下。再往后，故事里的词会完整地回来，标点和换行也出现在合理的位置。',
  'lessons.charlm.temperature.title': '温度',
  'lessons.charlm.temperature.body':
    '采样时抽到字符 $i$ 的概率是 $p_i \\propto \\exp(z_i / \\tau)$，其中 $z$ 是读出层的对数几率，$\\tau$ 是[[temperature|温度]]。$\\tau = 1$ 时就是模型自己的分布，也正是损失所评判的分布。拖动滑块：面板会立即重新采样。约 100 步后，$\\tau = 0.2$ 时最可能的选择几乎每次都胜出，样本在少数几个字符上打转，`the the the she the`；$\\tau = 2$ 时分布变平，罕见的大写字母和标点冒出来，样本用上了 64 个字符中的大部分。低温稳妥而乏味，高温多样而出错；两者之间是一种取舍，并不是更好的模型。',
  'lessons.charlm.units.title': '追踪结构的单元',
  'lessons.charlm.units.body':
    'Karpathy、Johnson 和 Fei-Fei（2015）在字符级 LSTM 中发现了单个的单元：在引号内亮起、数着一行中的位置，或跟踪括号。面板会寻找这样的单元：在一段固定的文字上，它把 $h_t$ 的每个单元与四个特征（引号之内、括号之内、行尾、在行中的位置）求相关，并按所选特征的最佳单元给这段文字着色。读这些数字要小心。在未训练的模型上，最佳单元单凭偶然就已达到 0.1 到 0.3 之间的 $|r|$，训练 100 步后也没有更高：模型先学拼写，后学结构，而 32 个字符的窗口很少能装下一整段引语。训练几千步，或者给它更多单元，看看是否有哪个特征明显超出这个水平。',
  'lessons.charlm.chinese.title': '同一个模型读唐诗',
  'lessons.charlm.chinese.body':
    '把文本换成 99 首唐诗，约 5,000 个字。中文的不同字符要多得多：这里有 1,044 个，大多数只出现一两次。为了让归一化指数分布保持小巧，任务保留出现最多的 399 个字，其余的都映射为同一个记号 □，它约占全文的 17%。一元熵是 6.74 比特，未训练的模型从接近 $\\log_2 400 \\approx 8.6$ 开始。损失在 50 步之内降到虚线以下：最先学会的是格式，标题在《》里，然后是五个或七个字一句，每句以“，”或“。”结尾，再换行。这里的特征是诗句末尾、在诗句中的位置和标题。',
  'lessons.charlm.q.bits.q': '训练模型，直到读数显示每字符少于 4 比特，明显低于一元熵 4.46。如果太慢，试试学习率。',
  'lessons.charlm.q.bits.ok': '低于 4 比特时，模型的预测比单看字符频率更好：它用上了已经读过的字符。样本里也能看到真正的短词。',
  'lessons.charlm.q.bits.hint': '按下播放，留意损失旁边的每字符比特数；用这个预设大约需要 50 步。',
  'lessons.charlm.q.baseline.q': '一个模型不看输入，总是预测英文文本的字符频率。它每字符得多少比特？',
  'lessons.charlm.q.baseline.six': '6 比特，即 $\\log_2 64$。',
  'lessons.charlm.q.baseline.six.why': '那是均匀猜测，给每个字符 $1/64$。只要知道空格和字母 `e` 很常见，就已经能做得更好。',
  'lessons.charlm.q.baseline.unigram': '一元熵，4.46 比特。',
  'lessons.charlm.q.baseline.unigram.why': '对：频率分布相对于文本的交叉熵就是它自己的熵，也就是损失图上的虚线。',
  'lessons.charlm.q.baseline.zero': '只要训练得够久，接近 0 比特。',
  'lessons.charlm.q.baseline.zero.why': '不看输入，除了频率就没有别的可学；再怎么训练也无法低于一元熵。',
  'lessons.charlm.q.temp.q': '训练约 100 步后，你把温度拖到 0.2。样本会是什么样子？',
  'lessons.charlm.q.temp.loops': '几个常见的词反复出现，比如 `the the the`。',
  'lessons.charlm.q.temp.loops.why': '对：把对数几率除以 0.2，最可能的字符几乎每次都胜出，而最可能的路径会打转。',
  'lessons.charlm.q.temp.noise': '从整个字母表里随机抽出的字符。',
  'lessons.charlm.q.temp.noise.why': '那是高温的情形：温度为 2 时分布趋于均匀，罕见字符开始出现。',
  'lessons.charlm.q.temp.same': '和温度为 1 时一样：温度不改变模型。',
  'lessons.charlm.q.temp.same.why': '它确实不改变模型，但改变了抽样：面板会立即重新采样，文字随之变化。',
};
