import { useId } from 'react';
import { MAX_SPEED, MIN_SPEED } from '../../sim-client/index.ts';
import { simActions } from '../../store/sim-actions.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { formatSpeed, niceSpeed } from '../format.ts';

// A log scale: 0.1x to 1000x is four decades, each as wide as the others.
const MIN_LOG = Math.log10(MIN_SPEED);
const MAX_LOG = Math.log10(MAX_SPEED);

export function SpeedControl() {
  const id = useId();
  const speed = useSimStore((s) => s.speed);
  return (
    <div className="mf-speed">
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        min={MIN_LOG}
        max={MAX_LOG}
        step={0.01}
        value={Math.log10(speed)}
        data-testid="speed-slider"
        aria-valuetext={formatSpeed(speed)}
        onChange={(e) => simActions.setSpeed(niceSpeed(10 ** Number(e.target.value)))}
      />
      <output htmlFor={id} data-testid="speed-value">
        {formatSpeed(speed)}
      </output>
    </div>
  );
}
