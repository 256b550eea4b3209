// The lesson's parameter counter: its own sizes (input, hidden, layers, both directions) and cell
// (nn.RNN / nn.LSTM / nn.GRU), the state_dict's parameters with their shapes, and the total that
// `sum(p.numel() for p in m.parameters())` prints. It does not touch the run: it is arithmetic.
import { useId, useState } from 'react';
import { GATE_BLOCKS, torchRnnParamCount, torchRnnParams, type TorchCell, type TorchRnnSize } from '../lessons/param-count';
import { Slider } from './Slider';
import { useT } from './hooks';

const CELLS: { id: TorchCell; torch: string }[] = [
  { id: 'rnn', torch: 'nn.RNN' },
  { id: 'lstm', torch: 'nn.LSTM' },
  { id: 'gru', torch: 'nn.GRU' },
];

const fmt = (n: number) => n.toLocaleString('en-US');

export function ParamCounter() {
  const t = useT();
  const id = useId();
  const [s, setS] = useState<TorchRnnSize>({ cell: 'rnn', inputSize: 10, hiddenSize: 20, numLayers: 1, bidirectional: false });
  const set = (patch: Partial<TorchRnnSize>) => setS((old) => ({ ...old, ...patch }));
  const params = torchRnnParams(s);
  const total = torchRnnParamCount(s);
  const plain = torchRnnParamCount({ ...s, cell: 'rnn' });
  const torch = CELLS.find((c) => c.id === s.cell)!.torch;
  const call = `${torch}(${s.inputSize}, ${s.hiddenSize}, num_layers=${s.numLayers}${s.bidirectional ? ', bidirectional=True' : ''})`;
  return (
    <div className="param-counter" data-testid="param-counter">
      <div className="block-switch" role="radiogroup" aria-label={t('params.cell')}>
        {CELLS.map((c) => (
          <button key={c.id} type="button" role="radio" aria-checked={s.cell === c.id} data-testid={`params-cell-${c.id}`}
            className={`lesson-choice${s.cell === c.id ? ' active' : ''}`} onClick={() => set({ cell: c.id })}>
            <code>{c.torch}</code>
          </button>
        ))}
      </div>
      <div className="param-sliders">
        <Slider testId="params-input" label={t('params.input')} value={s.inputSize} min={1} max={64} step={1} onChange={(v) => set({ inputSize: v })} />
        <Slider testId="params-hidden" label={t('params.hidden')} value={s.hiddenSize} min={1} max={128} step={1} onChange={(v) => set({ hiddenSize: v })} />
        <Slider testId="params-layers" label={t('params.layers')} value={s.numLayers} min={1} max={4} step={1} onChange={(v) => set({ numLayers: v })} />
        <label className="control checkbox" htmlFor={`${id}-bidir`}>
          <input id={`${id}-bidir`} type="checkbox" data-testid="params-bidirectional" checked={s.bidirectional} onChange={(e) => set({ bidirectional: e.currentTarget.checked })} />
          {' '}{t('params.bidirectional')}
        </label>
      </div>
      <p className="param-call"><code data-testid="params-call">{call}</code></p>
      <table className="param-table-torch">
        <thead>
          <tr><th>{t('params.name')}</th><th>{t('params.shape')}</th><th className="num">{t('params.count')}</th></tr>
        </thead>
        <tbody>
          {params.map((p) => (
            <tr key={p.name} data-param={p.name}>
              <td><code>{p.name}</code></td>
              <td><code>{p.shape.join(' × ')}</code></td>
              <td className="num">{fmt(p.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('params.total')}</th>
            <td className="num" data-testid="params-total">{fmt(total)}</td>
          </tr>
        </tfoot>
      </table>
      {s.cell !== 'rnn' && (
        <p className="card-hint" data-testid="params-ratio">{t('params.ratio', { k: GATE_BLOCKS[s.cell], n: fmt(plain) })}</p>
      )}
    </div>
  );
}
