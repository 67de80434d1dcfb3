import { memo, useLayoutEffect, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { LinkConfig } from '../../model/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import type { FlowEdge } from '../../store/topology-types.ts';
import { distributionSummary, formatNumber } from '../format.ts';
import { curvePath, curveX, curveY, deleteEdgeCurve, edgeCurve, setEdgeCurve } from './edge-geometry.ts';

function linkSummary(link: LinkConfig): string {
  const parts = [distributionSummary(link.latencyMs)];
  if (link.jitterMs > 0) parts.push(`jitter ≤${formatNumber(link.jitterMs)} ms`);
  if (link.loss > 0) parts.push(`${formatNumber(link.loss * 100)}% loss`);
  if (link.duplication > 0) parts.push(`${formatNumber(link.duplication * 100)}% dup`);
  if (!link.ordered) parts.push('unordered');
  return parts.join(' · ');
}

const CUT_STYLE = { stroke: 'var(--bad)', strokeDasharray: '6 5' } as const;

// Roughly the label's width per character at its font size, plus padding and some air.
const LABEL_CHAR_PX = 6.5;
const LABEL_ROOM_PX = 48;

/** A link: our own Bézier (recorded for the dot overlay) plus a small settings label. */
export const FlowEdgeView = memo(function FlowEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  selected,
  markerEnd,
  style,
}: EdgeProps<FlowEdge>) {
  const curve = useMemo(() => edgeCurve(sourceX, sourceY, targetX, targetY), [sourceX, sourceY, targetX, targetY]);
  useLayoutEffect(() => {
    setEdgeCurve(id, curve);
    return () => deleteEdgeCurve(id);
  }, [id, curve]);
  // A boolean selector: the edge re-renders only when this link is cut or healed.
  const cut = useSimStore((s) => s.cutEdges[id] === true);
  const labelX = curveX(curve, 0.5);
  const labelY = curveY(curve, 0.5);
  const label = data ? linkSummary(data.link) : '';
  // Where the label would be wider than the gap between the nodes, it shows only when selected.
  const showLabel = label !== '' && (selected || Math.abs(targetX - sourceX) >= label.length * LABEL_CHAR_PX + LABEL_ROOM_PX);
  return (
    <>
      <BaseEdge
        id={id}
        path={curvePath(curve)}
        markerEnd={markerEnd}
        style={cut ? { ...style, ...CUT_STYLE } : style}
        className={cut ? 'is-cut' : undefined}
        interactionWidth={24}
      />
      {cut && (
        <EdgeLabelRenderer>
          <div
            className="mf-edge-cut"
            data-testid={`edge-cut-${id}`}
            title="Link cut (a fault); heal it from the inspector"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            ✕
          </div>
        </EdgeLabelRenderer>
      )}
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`mf-edge-label${selected ? ' is-selected' : ''}`}
            // Above the line, so the dots travelling along it never hide the label.
            style={{ transform: `translate(-50%, calc(-100% - 5px)) translate(${labelX}px, ${labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
