// One control a lesson step puts beside its text: a run setting's slider (ConfigSlider) or one of
// the current cell's own options ('opt.forgetBias' …), drawn as in the control panel.
import type { LessonControl } from '../lessons/types';
import { useApp } from '../store';
import { ConfigSlider } from './ConfigSlider';
import { OptionControls } from './OptionControls';

export function LessonControlView({ control }: { control: LessonControl }) {
  const options = useApp((s) => s.catalog?.cells.find((c) => c.id === s.config.cellId)?.options);
  if (!control.startsWith('opt.')) return <ConfigSlider field={control as Exclude<LessonControl, `opt.${string}`>} />;
  const key = control.slice('opt.'.length);
  const spec = options?.filter((o) => o.key === key);
  return spec?.length ? <OptionControls options={spec} skipMenu={false} /> : null;
}
