// English strings, the reference table: every key lives here; other languages may omit keys.
export const en = {
  'app.name': 'RNN Atlas',
  'app.tagline': 'How recurrent cells remember, forget, and learn — live in your browser',
  'nav.playground': 'Playground',
  'nav.lesson': 'Lesson: LSTM step by step',
  'nav.lessonShort': 'Lesson',
  'lang.toggle': '中文',
  'lang.toggleLabel': 'Switch language to Chinese',

  'backend.loading': 'starting…',
  'backend.label': 'Backend',
  'backend.fallback': 'Running on {backend}.',
  'backend.skipped': '{backend} skipped: {reason}',

  'notice.title': 'Some settings in the link were adjusted',
  'notice.invalid': '“{key}={raw}” is not valid; using {value}.',
  'notice.clamped': '“{key}={raw}” is out of range; using {value}.',
  'notice.unknown-id': '“{key}={raw}” is not a known id; using {value}.',
  'notice.unknown-param': 'Ignored unknown setting “{key}”.',
  'notice.version': 'This link was made by another version of RNN Atlas ({raw}); read it as best we could.',
  'notice.dismiss': 'Dismiss',

  'controls.title': 'Model & task',
  'controls.cell': 'Cell',
  'controls.task': 'Task',
  'controls.hiddenSize': 'Hidden size',
  'controls.numLayers': 'Layers',
  'controls.bidirectional': 'Bidirectional',
  'controls.seqLen': 'Sequence length',
  'controls.learningRate': 'Learning rate',
  'controls.recurrentScale': 'Recurrent init scale',
  'controls.recurrentScale.help': 'Multiplies the initial W_hh. Above 1 invites exploding, below 1 vanishing gradients.',
  'controls.clipNorm': 'Gradient clipping',
  'controls.clipNorm.off': 'off',
  'controls.opt.forgetBias': 'Forget-gate bias',
  'controls.opt.nonlinearity': 'Nonlinearity',
  'controls.opt.forgetBias.help': 'Added to b_f at initialisation. 1–2 makes the cell remember by default; 0 is PyTorch’s init.',
  'controls.seed': 'Seed',
  'controls.newSeed': 'New seed',
  'controls.params': 'Parameters',
  'controls.training': 'Training',

  'train.play': 'Play',
  'train.pause': 'Pause',
  'train.step': 'Step',
  'train.reset': 'Reset',
  'train.step.label': 'Step',
  'train.loss': 'Loss',
  'train.accuracy': 'Accuracy',
  'train.speed': '{n} steps/s',

  'status.loading': 'Loading the trainer…',
  'status.idle': 'Ready',
  'status.running': 'Training',
  'status.paused': 'Paused',
  'status.diverged': 'Diverged',
  'status.error': 'Error',

  'diverged.title': 'Training diverged',
  'diverged.body': 'The loss became NaN or infinite, usually because gradients exploded. Lower the learning rate or the recurrent scale, or turn on gradient clipping, then reset.',
  'diverged.reset': 'Reset run',

  'panel.equations': 'Equations',
  'panel.equations.hint': 'Numbers on the right: mean over units and time on the probe sequence.',
  'panel.heatmaps': 'Inside the cell',
  'panel.heatmaps.hint': 'Top layer on the probe sequence. Rows are units, columns are timesteps.',
  'panel.gradnorm': 'Gradient through time',
  'panel.gradnorm.hint': '‖∂L/∂hₜ‖ per timestep (log scale). Tiny bars on the left mean the gradient vanishes before it reaches early steps.',
  'panel.loss': 'Learning curve',
  'panel.loss.hint': 'Training loss (log scale, left) and accuracy (right).',
  'chart.waiting': 'waiting for the first training step…',
  'chart.pressPlay': 'press Play to train',
  'chart.loss': 'loss',
  'chart.accuracy': 'accuracy',
  'labels.input': 'input',
  'labels.target': 'target',
  'labels.predicted': 'predicted',

  'task.copy': 'Copy',
  'task.adding': 'Adding',
  'task.select': 'Selective copy',

  'range.unit': '0 → 1',
  'range.signed': '−1 → 1',
  'range.free': '± max',
  'range.positive': '0 → max',

  'lesson.title': 'LSTM step by step',
  'lesson.prev': 'Back',
  'lesson.next': 'Next',
  'lesson.stepOf': 'Step {n} of {total}',
  'lesson.openPlayground': 'Open in the playground',
  'lesson.live': 'Live from the model',

  'lessons.lstm.intro.title': 'Why a cell needs a memory',
  'lessons.lstm.intro.body':
    'A plain recurrent network squeezes everything it has seen into one vector $h_t$ and multiplies it by the same matrix at every step. Over many steps that product shrinks or blows up, and so does the gradient: the network cannot learn to connect an output to an input far in the past. The LSTM adds a second vector, the cell state $c_t$, that is changed only by element-wise gates. Here it learns the copy task: read a few symbols, wait through a stretch of blanks, then write them back. Press Play and follow the steps.',
  'lessons.lstm.forget.title': 'The forget gate decides what to keep',
  'lessons.lstm.forget.body':
    'At every step the forget gate $f_t$ looks at the new input and the previous hidden state and produces, for each unit, a number between 0 and 1. Multiplying the old cell state $c_{t-1}$ by $f_t$ keeps what is near 1 and erases what is near 0. On the copy task, watch for units whose $f_t$ stays close to 1 during the blank stretch: they are holding the symbols. A positive forget-gate bias at initialisation makes the cell remember by default.',
  'lessons.lstm.input.title': 'The input gate and the candidate decide what to write',
  'lessons.lstm.input.body':
    'The candidate $g_t$ proposes new content, squashed by tanh into −1…1. The input gate $i_t$, again between 0 and 1, decides how much of that proposal actually enters the cell. Splitting “what” from “whether” lets the cell ignore irrelevant steps: during the blanks, $i_t$ should drop towards 0 so nothing overwrites the stored symbols.',
  'lessons.lstm.cell.title': 'The cell update is a sum, not a product',
  'lessons.lstm.cell.body':
    'The new cell state is the kept part of the old one plus the written part of the new: $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$. Because this path has no matrix multiplication and no squashing, the gradient flowing back along $c_t$ is scaled only by $f_t$. Where $f_t \\approx 1$ it passes through many steps almost unchanged — the “constant error carousel” that lets LSTMs bridge long gaps. Compare the gradient chart with a plain RNN in the playground.',
  'lessons.lstm.output.title': 'The output gate decides what to show',
  'lessons.lstm.output.body':
    'The cell can hold information without revealing it. The output gate $o_t$ chooses which units of $\\tanh(c_t)$ appear in the hidden state $h_t$, which feeds the next step and the prediction. On the copy task, $o_t$ can stay low while the symbols wait in the cell and open up when it is time to write them back.',
  'lessons.lstm.watch.title': 'Watch it learn',
  'lessons.lstm.watch.body':
    'Let it train for a few hundred steps. The loss falls in stages: first the model learns to output blanks, then, when the gates organise into “hold” and “release” patterns, it starts reproducing the symbols. Try resetting with a forget-gate bias of 0, or a longer sequence, to see how much harder the long gap becomes.',

  'eq.mean': 'mean',
  'footer.note': 'Everything runs in your browser: the model trains in a Web Worker with TensorFlow.js.',
} as const;

export type MessageKey = keyof typeof en;
