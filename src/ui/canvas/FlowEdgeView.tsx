import { memo, useLayoutEffect, useMemo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { ExchangeConfig, LinkConfig } from '../../model/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTopologyStore, type EdgeSettings } from '../../store/topology-store.ts';
import type { FlowEdge, FlowNode } from '../../store/topology-types.ts';
import { distributionSummary, formatDuration, formatNumber } from '../format.ts';
import { bindingSummary } from '../inspector/BindingFields.tsx';
import { subscriptionSummary } from '../inspector/SubscriptionFields.tsx';
import { filterPolicySummary } from '../inspector/FilterPolicyFields.tsx';
import { zmqSubscribeSummary } from '../inspector/ZmqSubscribeFields.tsx';
import { natsSubscriptionSummary } from '../inspector/NatsSubscriptionFields.tsx';
import { kafkaSummary } from '../inspector/KafkaGroupFields.tsx';
import { curvePath, curveX, curveY, deleteEdgeCurve, edgeCurve, setEdgeCurve } from './edge-geometry.ts';

function linkSummary(link: LinkConfig): string {
  const parts = [distributionSummary(link.latencyMs)];
  if (link.jitterMs > 0) parts.push(`jitter ≤${formatNumber(link.jitterMs)} ms`);
  if (link.loss > 0) parts.push(`${formatNumber(link.loss * 100)}% loss`);
  if (link.duplication > 0) parts.push(`${formatNumber(link.duplication * 100)}% dup`);
  if (!link.ordered) parts.push('unordered');
  return parts.join(' · ');
}

/** An exchange's type, for the binding part of its links' labels; undefined for other kinds. */
function exchangeTypeOf(nodes: readonly FlowNode[], id: string): ExchangeConfig['type'] | undefined {
  const node = nodes.find((n) => n.id === id);
  return node?.data.kind === 'exchange' ? node.data.config.type : undefined;
}

// Long key or filter lists are cut here; the inspector shows them all.
const ROUTE_MAX_CHARS = 32;

function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const CUT_STYLE = { stroke: 'var(--bad)', strokeDasharray: '6 5' } as const;

// Roughly the label's width per character at its font size, plus padding and some air.
const LABEL_CHAR_PX = 6.5;
const LABEL_ROOM_PX = 48;

/** A link: our own Bézier (recorded for the dot overlay) plus a small settings label. */
export const FlowEdgeView = memo(function FlowEdgeView({
  id,
  source,
  target,
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
  // Read as the file's edge, so a subscription is typed too.
  const settings: EdgeSettings | undefined = data;
  // Only links with a binding look at their source (cheap: other edges return at once).
  const exchangeType = useTopologyStore((s) => (settings?.binding ? exchangeTypeOf(s.nodes, source) : undefined));
  const route = ellipsize(
    exchangeType
      ? bindingSummary(exchangeType, settings?.binding)
      : settings?.filterPolicy
        ? filterPolicySummary(settings.filterPolicy)
        : settings?.zmqSubscribe
          ? zmqSubscribeSummary(settings.zmqSubscribe)
          : settings?.kafka
            ? kafkaSummary(settings.kafka, target)
            : settings?.natsSubscription
              ? natsSubscriptionSummary(settings.natsSubscription)
              : subscriptionSummary(settings?.subscription),
    ROUTE_MAX_CHARS,
  );
  // When the subscription starts, and whether it is durable (kept for the subscriber while it is down).
  const late = [settings?.durableSubscription ? 'durable' : '', settings?.activeFromMs ? `from ${formatDuration(settings.activeFromMs)}` : ''].filter(Boolean).join(' · ');
  const link = settings ? linkSummary(settings.link) : '';
  // Where the label would be wider than the gap between the nodes, the link part goes
  // first (the binding, subscription or filter policy says more); if it still does not fit, it shows only when selected.
  const fits = (parts: string[]): boolean =>
    selected || Math.abs(targetX - sourceX) >= parts.filter(Boolean).join(' · ').length * LABEL_CHAR_PX + LABEL_ROOM_PX;
  const parts = fits([route, late, link]) ? { route, late, link } : (route || late) && fits([route, late]) ? { route, late, link: '' } : undefined;
  const showLabel = parts !== undefined && (parts.route || parts.late || parts.link) !== '';
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
            title="Link cut (a fault); heal it with a right-click or from the inspector"
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
            data-testid={`edge-label-${id}`}
            // Above the line, so the dots travelling along it never hide the label.
            style={{ transform: `translate(-50%, calc(-100% - 5px)) translate(${labelX}px, ${labelY}px)` }}
          >
            {parts.route && <span className="mf-edge-label__route">{parts.route}</span>}
            {parts.route && (parts.late || parts.link) && ' · '}
            {parts.late && <span className="mf-edge-label__late">{parts.late}</span>}
            {parts.late && parts.link && ' · '}
            {parts.link}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
