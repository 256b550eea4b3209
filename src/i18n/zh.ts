// Chinese strings. Missing keys fall back to English; tests/unit/i18n.test.ts lists them.
import type { MessageKey } from './en';

export const zh: Partial<Record<MessageKey, string>> = {
  'app.name': 'RNN Atlas',
  'app.tagline': '循环神经网络如何记忆、遗忘与学习——在浏览器中实时演示',
  'nav.playground': '实验场',
  'nav.lesson': '课程：逐步理解 LSTM',
  'nav.lessonShort': '课程',
  'lang.toggle': 'EN',
  'lang.toggleLabel': 'Switch language to English',

  'backend.loading': '启动中…',
  'backend.label': '计算后端',
  'backend.fallback': '当前使用 {backend}。',
  'backend.skipped': '未使用 {backend}：{reason}',

  'notice.title': '链接中的部分设置已被调整',
  'notice.invalid': '“{key}={raw}” 无效，已改用 {value}。',
  'notice.clamped': '“{key}={raw}” 超出范围，已改用 {value}。',
  'notice.unknown-id': '“{key}={raw}” 不是已知的标识，已改用 {value}。',
  'notice.unknown-param': '已忽略未知设置 “{key}”。',
  'notice.version': '此链接来自 RNN Atlas 的其他版本（{raw}），已尽量解读。',
  'notice.dismiss': '关闭',

  'controls.title': '模型与任务',
  'controls.cell': '单元类型',
  'controls.task': '任务',
  'controls.hiddenSize': '隐藏层大小',
  'controls.numLayers': '层数',
  'controls.bidirectional': '双向',
  'controls.seqLen': '序列长度',
  'controls.learningRate': '学习率',
  'controls.recurrentScale': '循环权重初始化倍数',
  'controls.recurrentScale.help': '乘在初始 W_hh 上。大于 1 容易梯度爆炸，小于 1 容易梯度消失。',
  'controls.clipNorm': '梯度裁剪',
  'controls.clipNorm.off': '关闭',
  'controls.opt.forgetBias': '遗忘门偏置',
  'controls.opt.nonlinearity': '激活函数',
  'controls.opt.forgetBias.help': '初始化时加到 b_f 上。取 1–2 会让单元默认倾向于记住；0 即 PyTorch 的默认初始化。',
  'controls.seed': '随机种子',
  'controls.newSeed': '换一个种子',
  'controls.params': '参数量',
  'controls.training': '训练',

  'train.play': '开始',
  'train.pause': '暂停',
  'train.step': '单步',
  'train.reset': '重置',
  'train.step.label': '步数',
  'train.loss': '损失',
  'train.accuracy': '准确率',
  'train.speed': '每秒 {n} 步',

  'status.loading': '正在加载训练器…',
  'status.idle': '就绪',
  'status.running': '训练中',
  'status.paused': '已暂停',
  'status.diverged': '已发散',
  'status.error': '出错',

  'diverged.title': '训练发散了',
  'diverged.body': '损失变成了 NaN 或无穷大，通常是梯度爆炸所致。请降低学习率或循环权重倍数，或开启梯度裁剪，然后重置。',
  'diverged.reset': '重置训练',

  'panel.equations': '公式',
  'panel.equations.hint': '右侧数字：探针序列上各单元、各时间步的平均值。',
  'panel.heatmaps': '单元内部',
  'panel.heatmaps.hint': '最上层在探针序列上的激活。行是单元，列是时间步。',
  'panel.gradnorm': '随时间传播的梯度',
  'panel.gradnorm.hint': '每个时间步的 ‖∂L/∂hₜ‖（对数坐标）。左侧柱子很矮，说明梯度在传到早期时间步之前就消失了。',
  'panel.loss': '学习曲线',
  'panel.loss.hint': '训练损失（对数坐标，左轴）与准确率（右轴）。',
  'chart.waiting': '等待第一个训练步…',
  'chart.pressPlay': '点击“开始”进行训练',
  'chart.loss': '损失',
  'chart.accuracy': '准确率',
  'labels.input': '输入',
  'labels.target': '目标',
  'labels.predicted': '预测',

  'task.copy': '复制',
  'task.adding': '加法',
  'task.select': '选择性复制',

  'range.unit': '0 → 1',
  'range.signed': '−1 → 1',
  'range.free': '± 最大值',
  'range.positive': '0 → 最大值',

  'lesson.title': '逐步理解 LSTM',
  'lesson.prev': '上一步',
  'lesson.next': '下一步',
  'lesson.stepOf': '第 {n} 步，共 {total} 步',
  'lesson.openPlayground': '在实验场中打开',
  'lesson.live': '来自模型的实时数据',

  'lessons.lstm.intro.title': '为什么单元需要记忆',
  'lessons.lstm.intro.body':
    '普通循环网络把看到的一切压缩进一个向量 $h_t$，并在每一步乘以同一个矩阵。经过很多步之后，这个连乘会趋于零或急剧增大，梯度也随之消失或爆炸：网络因此难以把输出与很久以前的输入联系起来。LSTM 增加了第二个向量——细胞状态 $c_t$，它只被逐元素的门改变。这里它学习复制任务：先读入几个符号，等待一段空白，再把它们原样写出。点击“开始”，然后按步骤阅读。',
  'lessons.lstm.forget.title': '遗忘门决定保留什么',
  'lessons.lstm.forget.body':
    '每一步，遗忘门 $f_t$ 根据新的输入和上一步的隐藏状态，为每个单元给出一个 0 到 1 之间的数。旧的细胞状态 $c_{t-1}$ 乘以 $f_t$ 后，接近 1 的部分被保留，接近 0 的部分被擦除。在复制任务中，留意那些在空白段里 $f_t$ 始终接近 1 的单元：正是它们在保存符号。初始化时给遗忘门一个正偏置，会让单元默认倾向于记住。',
  'lessons.lstm.input.title': '输入门与候选值决定写入什么',
  'lessons.lstm.input.body':
    '候选值 $g_t$ 提出新的内容，经 tanh 压缩到 −1 到 1 之间。输入门 $i_t$ 同样取值于 0 到 1，决定这份提议有多少真正写入细胞。把“写什么”和“写不写”分开，单元就能忽略无关的时间步：在空白段，$i_t$ 应该降到接近 0，以免覆盖已存储的符号。',
  'lessons.lstm.cell.title': '细胞更新是加法，而不是乘法',
  'lessons.lstm.cell.body':
    '新的细胞状态等于旧状态中被保留的部分加上新内容中被写入的部分：$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$。这条通路上没有矩阵乘法，也没有压缩函数，因此沿 $c_t$ 反向传播的梯度只会被 $f_t$ 缩放。在 $f_t \\approx 1$ 的地方，梯度几乎不变地穿过许多时间步——这就是让 LSTM 跨越长间隔的“恒定误差传送带”。可以在实验场中与普通 RNN 的梯度图对比。',
  'lessons.lstm.output.title': '输出门决定展示什么',
  'lessons.lstm.output.body':
    '细胞可以保存信息而不把它显露出来。输出门 $o_t$ 选择 $\\tanh(c_t)$ 中哪些单元进入隐藏状态 $h_t$，而 $h_t$ 会传给下一步并用于预测。在复制任务中，符号在细胞里等待时 $o_t$ 可以保持较低，到需要写出符号时再打开。',
  'lessons.lstm.watch.title': '观察它如何学习',
  'lessons.lstm.watch.body':
    '让它训练几百步。损失会分阶段下降：模型先学会输出空白，然后当各个门形成“保持”和“释放”的模式后，开始正确复现符号。试着把遗忘门偏置设为 0 或加长序列后重置，看看长间隔会让学习难多少。',

  'eq.mean': '均值',
  'footer.note': '一切都在你的浏览器中运行：模型在 Web Worker 中用 TensorFlow.js 训练。',
};
