import { memo } from 'react';
import { useInternalNode, ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowNode } from '../../store/topology-types.ts';
import { curvePath, curveX, curveY, type EdgeCurve } from './edge-geometry.ts';

const SEPARATOR = '\u0000';
const LABEL_WIDTH = 34;
const LABEL_HEIGHT = 17;

/** Each queue's dead-letter relation as `queue\u0000target`, so the selector compares by value. */
function relations(s: ReturnType<typeof useTopologyStore.getState>): string[] {
  const out: string[] = [];
  for (const n of s.nodes) {
    if (n.data.kind === 'queue' && n.data.config.deadLetterTarget !== undefined) {
      out.push(`${n.id}${SEPARATOR}${n.data.config.deadLetterTarget}`);
    }
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxOf(node: ReturnType<typeof useInternalNode<FlowNode>>): Box | undefined {
  if (!node?.measured.width || !node.measured.height) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width, height: node.measured.height };
}

/**
 * Leaves the queue from the middle of its bottom edge. A target lower down is entered from
 * the top; anything else from below, so the curve swings under both nodes rather than
 * through them.
 */
function deadLetterCurve(from: Box, to: Box): EdgeCurve {
  const sx = from.x + from.width / 2;
  const sy = from.y + from.height;
  const tx = to.x + to.width / 2;
  if (to.y >= sy + 24) {
    const reach = Math.max(30, (to.y - sy) / 2);
    return [sx, sy, sx, sy + reach, tx, to.y - reach, tx, to.y];
  }
  const ty = to.y + to.height;
  // Both control points on one line below the lower node: a U under the pair.
  const below = Math.max(sy, ty) + Math.min(120, 50 + Math.abs(tx - sx) / 4);
  return [sx, sy, sx, below, tx, below, tx, ty];
}

const DeadLetterCurve = memo(function DeadLetterCurve({ from, to }: { from: string; to: string }) {
  const source = boxOf(useInternalNode<FlowNode>(from));
  const target = boxOf(useInternalNode<FlowNode>(to));
  if (!source || !target) return null;
  const curve = deadLetterCurve(source, target);
  const lx = curveX(curve, 0.5);
  const ly = curveY(curve, 0.5);
  return (
    <g className="mf-dlq" data-testid={`dlq-${from}`} data-target={to}>
      <path d={curvePath(curve)} markerEnd="url(#mf-dlq-arrow)" />
      <g transform={`translate(${lx - LABEL_WIDTH / 2} ${ly - LABEL_HEIGHT / 2})`}>
        <rect width={LABEL_WIDTH} height={LABEL_HEIGHT} rx={LABEL_HEIGHT / 2} />
        <text x={LABEL_WIDTH / 2} y={LABEL_HEIGHT / 2} dominantBaseline="central" textAnchor="middle">
          DLQ
        </text>
      </g>
    </g>
  );
});

/**
 * Where each queue's dead letters go: a dashed curve with a "DLQ" tag, drawn from the
 * queues' config. Not a React Flow edge: it cannot be selected or deleted, is never saved
 * as an edge and never reaches the engine as one (the setting lives on the queue).
 */
export function DeadLetterLayer() {
  const pairs = useTopologyStore(useShallow(relations));
  if (pairs.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className="mf-dlq-layer" aria-hidden="true">
        <defs>
          <marker id="mf-dlq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,1 L9,5 L0,9 z" />
          </marker>
        </defs>
        {pairs.map((pair) => {
          const [from = '', to = ''] = pair.split(SEPARATOR);
          return <DeadLetterCurve key={pair} from={from} to={to} />;
        })}
      </svg>
    </ViewportPortal>
  );
}
