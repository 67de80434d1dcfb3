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
