import { switchVariant } from '../../store/scenario-actions.ts';
import { useScenarioStore } from '../../store/scenario-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { WatchedStat } from '../../model/index.ts';
import { readingKey, useWatchedReadings } from '../watch/watched-stats.ts';
import '../watch/watch.css';

/**
 * A teaching scenario's block, shown in the document panel (nothing selected): what to
 * watch, the numbers to expect, and one button per variant. Switching applies the variant
 * to the canvas (config only; positions stay) and resets the run.
 */
export function ScenarioPanel() {
  const scenario = useTopologyStore((s) => s.doc.scenario);
  const active = useScenarioStore((s) => s.active);
  const known = useScenarioStore((s) => s.origin !== null);
  if (!scenario) return null;
  const activeVariant = scenario.variants.find((v) => v.id === active);
  return (
    <div className="mf-scenario" data-testid="scenario-panel">
      <h3 className="mf-scenario__heading">What to watch</h3>
      <p className="mf-scenario__watch" data-testid="scenario-watch">
        {scenario.watch}
      </p>
      {scenario.highlight && scenario.highlight.length > 0 && (
        <ul className="mf-scenario__highlights" data-testid="scenario-highlights" aria-label="Counters to watch, highlighted on the canvas">
          {scenario.highlight.map((h) => (
            <WatchedStatRow key={readingKey(h.node, h.stat)} watched={h} />
          ))}
        </ul>
      )}
      {scenario.expect.length > 0 && (
        <>
          <h3 className="mf-scenario__heading">What it should show</h3>
          <ul className="mf-scenario__expect" data-testid="scenario-expect">
            {scenario.expect.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {scenario.variants.length > 0 && known && (
        <>
          <h3 className="mf-scenario__heading">Now switch and replay</h3>
          <p className="mf-scenario__now" data-testid="scenario-active">
            On the canvas: <strong>{activeVariant ? activeVariant.label : 'the original'}</strong>
          </p>
          <div className="mf-scenario__variants">
            {scenario.variants.map((v) => (
              <button
                key={v.id}
                type="button"
                className="mf-scenario__variant"
                aria-pressed={active === v.id}
                disabled={active === v.id}
                title={v.description}
                data-testid={`variant-${v.id}`}
                onClick={() => switchVariant(v.id)}
              >
                <span className="mf-scenario__variant-label">Switch to: {v.label}</span>
                {v.description && <span className="mf-scenario__variant-desc">{v.description}</span>}
              </button>
            ))}
            <button
              type="button"
              className="mf-scenario__variant is-back"
              aria-pressed={active === null}
              disabled={active === null}
              data-testid="variant-original"
              onClick={() => switchVariant(null)}
            >
              <span className="mf-scenario__variant-label">Back to the original</span>
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** One highlighted counter with the value its card shows now; zero while the card hides it (a minor counter not yet counted). */
function WatchedStatRow({ watched }: { watched: WatchedStat }) {
  const nodeName = useTopologyStore((s) => {
    const node = s.nodes.find((n) => n.id === watched.node);
    return node?.data.label || watched.node;
  });
  const reading = useWatchedReadings((s) => s.readings[readingKey(watched.node, watched.stat)]);
  return (
    <li className="mf-scenario__highlight" data-testid={`scenario-highlight-${watched.node}-${watched.stat}`}>
      <span className="mf-scenario__highlight-name">
        watch: {nodeName} {reading?.label ?? watched.stat.replaceAll('-', ' ')}
      </span>
      <span className="mf-scenario__highlight-value" data-testid="scenario-highlight-value" data-value={reading?.value ?? 0}>
        {(reading?.value ?? 0).toLocaleString('en-US')}
      </span>
    </li>
  );
}
