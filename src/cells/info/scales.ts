// What the multi-scale cells' info shares, without tfjs: the step counter state (common.ts re-exports it).
import type { StateSpec } from '../types';

/**
 * The step counter of a cell whose rule depends on absolute time (a Clockwork RNN's ticks, the FRU's
 * phase, NARX's "no output before the start"): [B, 1], the number of steps this direction has
 * already taken. It lives in the state, not in StepContext.t, so that a run resumed from a returned
 * state continues the clock instead of restarting it at 0 (src/engine/resume.ts).
 */
export const CLOCK_STATE: StateSpec = { id: 'clock', tex: 'n_t', label: 'steps taken (clock)', size: () => 1, hidden: true };
