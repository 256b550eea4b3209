// Stub, being written (issue 11, character-level language model): text sampled from the
// character model as it learns, a temperature slider, and the hidden units that track quotes,
// line ends or brackets. The lesson page shows it for a step's 'samples' widget.
export function SamplesPanel() {
  return <div className="skeleton" data-testid="samples-panel" style={{ height: 160 }} />;
}
