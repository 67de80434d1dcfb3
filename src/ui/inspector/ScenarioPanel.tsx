import { switchVariant } from '../../store/scenario-actions.ts';
import { useScenarioStore } from '../../store/scenario-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';

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
