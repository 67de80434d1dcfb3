import type { Distribution } from '../model/index.ts';

/** Readable numbers for labels: no float noise like 7.000000000000001. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** A distribution for a summary line, in ms unless another unit is given ("B"). */
export function distributionSummary(d: Distribution, unit = 'ms'): string {
  switch (d.dist) {
    case 'fixed':
      return `${formatNumber(d.value)} ${unit}`;
    case 'uniform':
      return `${formatNumber(d.min)}–${formatNumber(d.max)} ${unit}`;
    case 'exponential':
      return `~${formatNumber(d.mean)} ${unit} exp`;
    case 'normal':
      return `${formatNumber(d.mean)}±${formatNumber(d.stddev)} ${unit}`;
    case 'empirical': {
      // The points at (or nearest) p50 and p99; one point if both are the same.
      const nearest = (target: number) =>
        d.percentiles.reduce((best, pt) => (Math.abs(pt.p - target) < Math.abs(best.p - target) ? pt : best));
      const points = [...new Set([nearest(50), nearest(99)])];
      return `${points.map((pt) => `p${formatNumber(pt.p)} ${formatNumber(pt.value)}`).join(' · ')} ${unit}`;
    }
  }
}

/** Sim time for the status bar: ms below a second, seconds below a minute, then m:ss. */
export function formatSimTime(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms - minutes * 60_000) / 1000;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')} min`;
}

/** Speeds to two significant digits, so a log slider lands on 0.1, 2.5, 40, 1000. */
export function niceSpeed(speed: number): number {
  return Number(speed.toPrecision(2));
}

export function formatSpeed(speed: number): string {
  return `${formatNumber(speed)}×`;
}

/** A configured duration for a summary line: "250 ms", "30 s", "2.5 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000)} s`;
  if (ms < 3_600_000) return `${formatNumber(Number((ms / 60_000).toPrecision(3)))} min`;
  return `${formatNumber(Number((ms / 3_600_000).toPrecision(3)))} h`;
}

/** A byte count for a summary line: "512 B", "64 KB", "1.5 MB" (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Number((bytes / 1024).toPrecision(3)))} KB`;
  return `${formatNumber(Number((bytes / (1024 * 1024)).toPrecision(3)))} MB`;
}
