import { describe, expect, it } from 'vitest';
import { isValidMqttFilter } from '../../model/index.ts';
import { amqpTopicMatches, mqttTopicMatches, natsSubjectMatches } from './topic-match.ts';

/** [binding key, routing key, matches] — RMQ-R4 and the RabbitMQ tutorial's examples. */
const AMQP: [string, string, boolean][] = [
  ['*.orange.*', 'quick.orange.rabbit', true],
  ['*.*.rabbit', 'quick.orange.rabbit', true],
  ['lazy.#', 'lazy.orange.elephant', true],
  ['*.orange.*', 'quick.orange.fox', true],
  ['*.*.rabbit', 'lazy.brown.fox', false],
  ['lazy.#', 'lazy.brown.fox', true],
  ['*.*.rabbit', 'lazy.pink.rabbit', true],
  ['lazy.#', 'lazy.pink.rabbit', true],
  ['*.orange.*', 'quick.brown.fox', false],
  ['*.orange.*', 'orange', false],
  ['*.orange.*', 'quick.orange.new.rabbit', false],
  ['*.*.rabbit', 'quick.orange.new.rabbit', false],
  ['lazy.#', 'lazy.orange.new.rabbit', true],
  ['*.*.rabbit', 'lazy.orange.new.rabbit', false],
  ['a.*', 'a', false],
  ['a.#', 'a', true],
  ['#', 'anything.at.all', true],
  ['#', '', true],
  ['*', '', false],
  ['*', 'one', true],
  ['*', 'one.two', false],
  ['', '', true],
  ['', 'a', false],
  ['#.error', 'error', true],
  ['#.error', 'app.db.error', true],
  ['#.error', 'app.db.error.x', false],
  ['a.#.z', 'a.z', true],
  ['a.#.z', 'a.b.c.z', true],
  ['a.#.z', 'a.b.c', false],
  ['#.#', 'x.y', true],
  ['a.*.#', 'a', false],
  ['a.*.#', 'a.b', true],
  ['kern.*', 'kern.critical', true],
  ['*.critical', 'kern.critical', true],
  ['*.critical', 'auth.info', false],
  ['a..b', 'a..b', true],
  ['a.*.b', 'a..b', true],
  ['Kern.*', 'kern.critical', false],
];

/** [filter, topic, matches] — MQ-6, from the MQTT 3.1.1 and 5.0 specifications' examples. */
const MQTT: [string, string, boolean][] = [
  ['sport/tennis/player1/#', 'sport/tennis/player1', true],
  ['sport/tennis/player1/#', 'sport/tennis/player1/ranking', true],
  ['sport/tennis/player1/#', 'sport/tennis/player1/score/wimbledon', true],
  ['sport/#', 'sport', true],
  ['#', 'sport/tennis', true],
  ['#', '/', true],
  ['sport/tennis/+', 'sport/tennis/player1', true],
  ['sport/tennis/+', 'sport/tennis/player1/tournament', false],
  ['sport/+', 'sport', false],
  ['sport/+', 'sport/', true],
  ['+/+', '/finance', true],
  ['/+', '/finance', true],
  ['+', '/finance', false],
  ['+/tennis/#', 'sport/tennis/player1', true],
  ['#', '$SYS/broker/uptime', false],
  ['+/monitor/Clients', '$SYS/monitor/Clients', false],
  ['$SYS/#', '$SYS/broker/uptime', true],
  ['$SYS/monitor/+', '$SYS/monitor/Clients', true],
  ['ACCOUNTS', 'Accounts', false],
  ['a//b', 'a//b', true],
  ['a/+/b', 'a//b', true],
  ['+', '', true],
  ['a/b', 'a/b/', false],
  ['a/b/', 'a/b/', true],
];

/** [subscription, subject, matches] — N-2. */
const NATS: [string, string, boolean][] = [
  ['time.us.*', 'time.us.east', true],
  ['time.us.*', 'time.us.east.atlanta', false],
  ['time.us.>', 'time.us.east.atlanta', true],
  ['time.us.>', 'time.us', false],
  ['time.*.east', 'time.us.east', true],
  ['>', 'a', true],
  ['*', 'a.b', false],
  ['foo', 'foo', true],
  // A subject with an empty token reaches no one (checked against nats-server 2.9.10).
  ['>', 'a..b', false],
  ['a.*.b', 'a..b', false],
  ['a.>', 'a.', false],
  ['*', '', false],
  ['>', '.a', false],
];

describe('RMQ-R4 topic exchange matching', () => {
  it.each(AMQP)('binding %j, routing key %j -> %s', (binding, key, expected) => {
    expect(amqpTopicMatches(binding, key)).toBe(expected);
  });
});

describe('MQ-6 MQTT topic filters', () => {
  it.each(MQTT)('filter %j, topic %j -> %s', (filter, topic, expected) => {
    expect(mqttTopicMatches(filter, topic)).toBe(expected);
  });

  it.each([
    ['sport/tennis/#', true],
    ['sport/tennis#', false],
    ['sport/tennis/#/ranking', false],
    ['sport+', false],
    ['+/tennis/#', true],
    ['', false],
  ])('filter %j is well formed: %s', (filter, valid) => {
    expect(isValidMqttFilter(filter)).toBe(valid);
  });
});

describe('N-2 NATS subjects', () => {
  it.each(NATS)('subscription %j, subject %j -> %s', (subscription, subject, expected) => {
    expect(natsSubjectMatches(subscription, subject)).toBe(expected);
  });
});
