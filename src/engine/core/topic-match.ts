/**
 * Topic matching of three brokers, each exactly as that broker defines it. Routing keys,
 * topics and subjects are matched against binding keys, filters and subscriptions level
 * by level; the rules differ in small ways that lessons hinge on, so each has its own
 * function rather than one with options.
 */

/**
 * RabbitMQ topic exchange (RMQ-R4): words separated by `.`; in a binding key `*` stands for
 * exactly one word and `#` for zero or more. An empty key has no words (so `#` matches it
 * and `*` does not); empty words between dots are words (`a..b` has three).
 */
export function amqpTopicMatches(bindingKey: string, routingKey: string): boolean {
  return matchWords(amqpWords(bindingKey), 0, amqpWords(routingKey), 0);
}

function amqpWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** Backtracking over `#`; binding keys are short, and a run of `#` collapses to one. */
function matchWords(pattern: readonly string[], p: number, words: readonly string[], w: number): boolean {
  while (p < pattern.length) {
    const part = pattern[p]!;
    if (part === '#') {
      while (pattern[p + 1] === '#') p++;
      if (p === pattern.length - 1) return true;
      for (let skip = w; skip <= words.length; skip++) if (matchWords(pattern, p + 1, words, skip)) return true;
      return false;
    }
    if (w >= words.length) return false;
    if (part !== '*' && part !== words[w]) return false;
    p++;
    w++;
  }
  return w === words.length;
}

/**
 * MQTT topic filter (MQ-6): levels separated by `/`, case-sensitive, empty levels allowed
 * (`sport/` has two levels, the second empty). `+` is exactly one level, `#` (last only)
 * matches the parent level and any number below it. A filter starting with a wildcard
 * never matches a topic starting with `$` (`$SYS/...`).
 */
export function mqttTopicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const levels = topic.split('/');
  const parts = filter.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '#') return i === parts.length - 1;
    if (i >= levels.length) return false;
    if (part !== '+' && part !== levels[i]) return false;
  }
  return parts.length === levels.length;
}

/**
 * NATS subject (N-2): tokens separated by `.`; `*` is exactly one token, `>` (last only)
 * one or more tokens. A published subject with an empty token (`a..b`, `.a`, `a.`, or
 * empty) matches no subscription, not even `>`: nats-server routes it to no one.
 */
export function natsSubjectMatches(subscription: string, subject: string): boolean {
  const tokens = subject.split('.');
  if (tokens.includes('')) return false;
  const parts = subscription.split('.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '>') return i === parts.length - 1 && tokens.length > i;
    if (i >= tokens.length) return false;
    if (part !== '*' && part !== tokens[i]) return false;
  }
  return parts.length === tokens.length;
}
