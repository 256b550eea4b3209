// A cell's own options as controls, whatever their kind: numbers and integers as sliders, choices
// as a menu, booleans as a checkbox. Labels and help come from i18n when a key exists (options many
// cells share), else from the spec, in Chinese where it has one.
import { withDefaults, type CellOptions, type OptionSpec } from '../cells/types';
import { appStore, useApp } from '../store';
import { hasKey } from '../i18n';
import { isMenuOption } from './cell-choices';
import { Slider } from './Slider';
import { useT } from './hooks';
import { RichText } from './RichText';
import { plainProse } from '../i18n/prose';

const NO_VALUES: CellOptions = {};

/** `target` says whose options these are: the cell's (opt.*) or the task's (topt.*). */
export function OptionControls({ options, skipMenu = true, target = 'cell' }: { options: OptionSpec[]; skipMenu?: boolean; target?: 'cell' | 'task' }) {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  const values = useApp((s) => (target === 'cell' ? s.config.cellOptions : s.config.taskOptions ?? NO_VALUES));
  const setOpt = (key: string, v: number | string | boolean) => {
    const s = appStore().getState();
    if (target === 'cell') s.setCellOption(key, v);
    else s.setTaskOption(key, v);
  };
  const prefix = target === 'cell' ? 'opt' : 'topt';
  return (
    <>
      {options
        .filter((o) => !(target === 'cell' && skipMenu && isMenuOption(o.key)))
        .filter((o) => !o.when || o.when(withDefaults(options, values)))
        .map((o) => {
          const key = `controls.${prefix}.${o.key}`;
          const helpKey = `${key}.help`;
          const zh = lang === 'zh' ? o.zh : undefined;
          const label = hasKey(key) ? t(key) : (zh?.label ?? o.label);
          const help = hasKey(helpKey) ? t(helpKey) : (zh?.help ?? o.help);
          const raw = values[o.key] ?? o.default;
          if (o.kind === 'boolean') {
            return (
              <div className="control" key={o.key}>
                <label className="control checkbox" title={help ? plainProse(help) : undefined}>
                  <input type="checkbox" data-testid={`checkbox-${prefix}-${o.key}`} checked={Boolean(raw)}
                    onChange={(e) => setOpt(o.key, e.currentTarget.checked)} />
                  <span><RichText text={label} /></span>
                </label>
                {help && <p className="control-help"><RichText text={help} /></p>}
              </div>
            );
          }
          if (o.kind === 'choice') {
            const id = `${prefix}-${o.key}`;
            return (
              <div className="control" key={o.key}>
                <label htmlFor={id}><RichText text={label} /></label>
                <select id={id} data-testid={`select-${prefix}-${o.key}`} value={String(raw)} onChange={(e) => setOpt(o.key, e.currentTarget.value)}>
                  {(o.choices ?? []).map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
                {help && <p className="control-help"><RichText text={help} /></p>}
              </div>
            );
          }
          const step = o.step ?? (o.kind === 'integer' ? 1 : 0.1);
          return (
            <Slider key={o.key} testId={`slider-${prefix}-${o.key}`} label={label} value={Number(raw)}
              min={o.min ?? 0} max={o.max ?? 1} step={step} help={help}
              format={(v) => (o.kind === 'integer' ? String(v) : String(+v.toPrecision(4)))}
              onChange={(x) => setOpt(o.key, o.kind === 'integer' ? Math.round(x) : x)} />
          );
        })}
    </>
  );
}
