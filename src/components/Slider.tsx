// A labelled range input. `log` maps the thumb to log10 of the value so 1e-4…1e-1 spreads evenly.
import { useId } from 'react';
import { RichText } from './RichText';

export interface SliderProps {
  testId: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  log?: boolean;
  format?: (v: number) => string;
  help?: string;
  onChange(v: number): void;
}

/** Rounds a log-slider value to 3 significant digits so links stay short and readable. */
export function fromLog(x: number): number {
  return +Math.pow(10, x).toPrecision(3);
}

export function Slider({ testId, label, value, min, max, step, log, format, help, onChange }: SliderProps) {
  const id = useId();
  const pos = log ? Math.log10(value) : value;
  const lo = log ? Math.log10(min) : min;
  const hi = log ? Math.log10(max) : max;
  const pct = ((pos - lo) / (hi - lo || 1)) * 100;
  return (
    <div className="control slider">
      <div className="control-head">
        <label htmlFor={id}><RichText text={label} /></label>
        <output htmlFor={id}>{format ? format(value) : String(value)}</output>
      </div>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={lo}
        max={hi}
        step={step}
        value={pos}
        style={{ ['--pct' as string]: `${pct}%` }}
        onChange={(e) => {
          const x = Number(e.currentTarget.value);
          onChange(log ? fromLog(x) : x);
        }}
        // A drag with the mouse or a finger must not leave the slider holding the arrow keys a
        // lecturer's clicker sends; a slider reached with Tab keeps them.
        onPointerUp={(e) => e.currentTarget.blur()}
      />
      {help && <p className="control-help"><RichText text={help} /></p>}
    </div>
  );
}
