/** Small line icons, one per node kind; they take the current text colour. */

const base = {
  width: 20,
  height: 20,
  viewBox: '0 0 20 20',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

/** A source emitting: a dot with outgoing waves. */
export function ProducerIcon() {
  return (
    <svg {...base}>
      <circle cx="6" cy="10" r="2.6" fill="currentColor" />
      <path d="M11 6.5a5 5 0 0 1 0 7" />
      <path d="M14 4a8.5 8.5 0 0 1 0 12" />
    </svg>
  );
}

/** A line of waiting messages. */
export function QueueIcon() {
  return (
    <svg {...base}>
      <rect x="2.5" y="6" width="4" height="8" rx="1" />
      <rect x="8" y="6" width="4" height="8" rx="1" />
      <rect x="13.5" y="6" width="4" height="8" rx="1" fill="currentColor" />
    </svg>
  );
}

/** One in, many out. */
export function TopicIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 10h5" />
      <path d="M7.5 10l9-5.5M7.5 10h9M7.5 10l9 5.5" />
      <circle cx="7.5" cy="10" r="1.6" fill="currentColor" />
    </svg>
  );
}

/** A log in three partitions: stripes of records, the newest filled at the right. */
export function KafkaTopicIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 4.5h11M2.5 10h8M2.5 15.5h12.5" />
      <path d="M5.5 3v3M8.5 3v3M5.5 8.5v3M5.5 14v3M9 14v3M12 14v3" />
      <rect x="14" y="3" width="3.5" height="3" rx="0.6" fill="currentColor" />
      <rect x="11" y="8.5" width="3.5" height="3" rx="0.6" fill="currentColor" />
    </svg>
  );
}

/** A tray that takes messages in. */
export function ConsumerIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 11.5l2.2-6h10.6l2.2 6v3.5a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1z" />
      <path d="M2.5 11.5h4.2l1.3 2h4l1.3-2h4.2" />
    </svg>
  );
}

/** A router: one input fanning to chosen outputs through a switch point. */
export function ExchangeIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 10h4" />
      <rect x="6.5" y="6.5" width="7" height="7" rx="1.5" transform="rotate(45 10 10)" />
      <path d="M13.5 7.5l4-3M13.5 12.5l4 3" />
    </svg>
  );
}

/** A broker mast broadcasting to subscribers. */
export function MqttBrokerIcon() {
  return (
    <svg {...base}>
      <path d="M10 9.5v8" />
      <circle cx="10" cy="7.5" r="1.8" fill="currentColor" />
      <path d="M6.2 11.3a5.3 5.3 0 0 1 0-7.6M13.8 3.7a5.3 5.3 0 0 1 0 7.6" />
      <path d="M3.7 13.8a8.8 8.8 0 0 1 0-12.6M16.3 1.2a8.8 8.8 0 0 1 0 12.6" />
    </svg>
  );
}

/** A hub with spokes: subjects fan out from one server to its subscribers. */
export function NatsServerIcon() {
  return (
    <svg {...base}>
      <circle cx="10" cy="10" r="2.4" fill="currentColor" />
      <path d="M10 7.6V3M10 12.4V17M7.6 10H3M12.4 10H17" />
      <circle cx="10" cy="3" r="0.9" fill="currentColor" />
      <circle cx="10" cy="17" r="0.9" fill="currentColor" />
      <circle cx="3" cy="10" r="0.9" fill="currentColor" />
      <circle cx="17" cy="10" r="0.9" fill="currentColor" />
    </svg>
  );
}

/** A signpost: each message is pointed one way or another by what it carries. */
export function ContentRouterIcon() {
  return (
    <svg {...base}>
      <path d="M10 2.5v15M7 17.5h6" />
      <path d="M4 4h9.5l2.5 2.2-2.5 2.2H4z" />
      <path d="M16 10.2H6.5L4 12.4l2.5 2.2H16z" />
    </svg>
  );
}

/** A funnel: only what matches gets through. */
export function MessageFilterIcon() {
  return (
    <svg {...base}>
      <path d="M3 4h14l-5.5 6.5v5.5l-3-1.6v-3.9z" />
    </svg>
  );
}

/** A checklist: a copy to each ticked recipient. */
export function RecipientListIcon() {
  return (
    <svg {...base}>
      <path d="M2.8 5.4l1.5 1.5 2.6-2.9M2.8 10.4l1.5 1.5 2.6-2.9" />
      <circle cx="4.6" cy="15.6" r="1.5" />
      <path d="M9.5 5.5h7.5M9.5 10.5h7.5M9.5 15.6h7.5" />
    </svg>
  );
}

/** The main line runs on; a tap takes a copy off to the side. */
export function WireTapIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 7h14.5M14.2 4.2L17 7l-2.8 2.8" />
      <path d="M7.5 7v6.2" />
      <circle cx="7.5" cy="15.3" r="2.1" fill="currentColor" />
    </svg>
  );
}

/** A balance: the load spread evenly. */
export function LoadBalancerIcon() {
  return (
    <svg {...base}>
      <path d="M10 3.5v13M6.5 16.5h7M4 6h12" />
      <path d="M4 6l-2.2 5.5M4 6l2.2 5.5M16 6l-2.2 5.5M16 6l2.2 5.5" />
      <path d="M1.6 11.5h4.8a2.4 2.4 0 0 1-4.8 0zM13.6 11.5h4.8a2.4 2.4 0 0 1-4.8 0z" />
    </svg>
  );
}

/** Numbered slots put back in order. */
export function ResequencerIcon() {
  return (
    <svg {...base}>
      <rect x="2.5" y="5.5" width="4" height="4" rx="0.8" />
      <rect x="8" y="5.5" width="4" height="4" rx="0.8" fill="currentColor" />
      <rect x="13.5" y="5.5" width="4" height="4" rx="0.8" />
      <path d="M4.5 12.5v2h11v-2M13 16.5l2.5-2-2.5-2" />
    </svg>
  );
}

/** A socket with a pipe to each peer (ZeroMQ: no broker in between). */
export function ZmqSocketIcon() {
  return (
    <svg {...base}>
      <circle cx="4" cy="10" r="2.4" fill="currentColor" />
      <path d="M6.2 9l3.3-4.5M6.4 10h3.1M6.2 11l3.3 4.5" />
      <rect x="9.5" y="3" width="8" height="3" rx="1.5" />
      <rect x="9.5" y="8.5" width="8" height="3" rx="1.5" />
      <rect x="9.5" y="14" width="8" height="3" rx="1.5" />
    </svg>
  );
}

/** One shape in, another out: the message mapped to a new form. */
export function TranslatorIcon() {
  return (
    <svg {...base}>
      <rect x="1.8" y="6.5" width="6" height="7" rx="1" />
      <path d="M9.3 10h3.4M11.2 8.3l1.7 1.7-1.7 1.7" />
      <circle cx="15.4" cy="10" r="3" fill="currentColor" />
    </svg>
  );
}

/** A message with a plus: something looked up is added. */
export function ContentEnricherIcon() {
  return (
    <svg {...base}>
      <rect x="2.5" y="4.5" width="10" height="12" rx="1.2" />
      <path d="M5 8.5h5M5 11.5h5M5 14h3" />
      <path d="M15.5 2.5v6M12.5 5.5h6" />
    </svg>
  );
}

/** A message with a minus: parts of it taken out. */
export function ContentFilterIcon() {
  return (
    <svg {...base}>
      <rect x="2.5" y="4.5" width="10" height="12" rx="1.2" />
      <path d="M5 8.5h5M5 11.5h2.5" />
      <path d="M12.5 5.5h6" />
    </svg>
  );
}

/** An envelope around the message. */
export function EnvelopeWrapperIcon() {
  return (
    <svg {...base}>
      <rect x="2" y="4.5" width="16" height="11" rx="1.2" />
      <path d="M2.5 5.2l7.5 5.8 7.5-5.8" />
    </svg>
  );
}

/** A claim ticket: the body waits in the store, the ticket travels. */
export function ClaimCheckIcon() {
  return (
    <svg {...base}>
      <path d="M10.5 2.5h7v7l-8.2 8.2a1 1 0 0 1-1.4 0L2.3 12.1a1 1 0 0 1 0-1.4z" />
      <circle cx="14.2" cy="5.8" r="1.4" fill="currentColor" />
    </svg>
  );
}

/** A client that asks and waits: a request goes out, its reply comes back to it. */
export function RequesterIcon() {
  return (
    <svg {...base}>
      <circle cx="4" cy="10" r="2.4" fill="currentColor" />
      <path d="M7.5 6.5h9.5M14.5 4l2.5 2.5-2.5 2.5" />
      <path d="M17 13.5H7.5M10 11l-2.5 2.5L10 16" />
    </svg>
  );
}

/** A service that answers: a request comes in, a reply goes back. */
export function ReplierIcon() {
  return (
    <svg {...base}>
      <rect x="12.5" y="5" width="5" height="10" rx="1" fill="currentColor" />
      <path d="M2.5 7h7.5M7.8 4.8L10 7l-2.2 2.2" />
      <path d="M10 13H2.5M4.7 10.8L2.5 13l2.2 2.2" />
    </svg>
  );
}

/** A deadline clock asking every respondent at once. */
export function ScatterGatherIcon() {
  return (
    <svg {...base}>
      <circle cx="5" cy="10" r="3.2" />
      <path d="M5 8.3V10h1.4" />
      <path d="M8.2 9l6.3-4.5M8.4 10h6.1M8.2 11l6.3 4.5" />
      <circle cx="16" cy="4" r="1.4" fill="currentColor" />
      <circle cx="16" cy="10" r="1.4" fill="currentColor" />
      <circle cx="16" cy="16" r="1.4" fill="currentColor" />
    </svg>
  );
}

/** One whole message cut into numbered pieces. */
export function SplitterIcon() {
  return (
    <svg {...base}>
      <rect x="1.8" y="6.5" width="6" height="7" rx="1" fill="currentColor" />
      <path d="M7.8 10h1.7M9.5 10l3-5.5M9.5 10h3M9.5 10l3 5.5" />
      <rect x="13" y="2.8" width="4.5" height="3.4" rx="0.7" />
      <rect x="13" y="8.3" width="4.5" height="3.4" rx="0.7" />
      <rect x="13" y="13.8" width="4.5" height="3.4" rx="0.7" />
    </svg>
  );
}

/** Pieces gathered into one whole message. */
export function AggregatorIcon() {
  return (
    <svg {...base}>
      <rect x="2.5" y="2.8" width="4.5" height="3.4" rx="0.7" />
      <rect x="2.5" y="8.3" width="4.5" height="3.4" rx="0.7" />
      <rect x="2.5" y="13.8" width="4.5" height="3.4" rx="0.7" />
      <path d="M7.5 4.5l3 5.5M7.5 10h3M7.5 15.5l3-5.5M10.5 10h1.7" />
      <rect x="12.2" y="6.5" width="6" height="7" rx="1" fill="currentColor" />
    </svg>
  );
}
