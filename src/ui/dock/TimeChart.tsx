import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSample } from '../../sim-client/index.ts';
import { metricsHistory } from '../../store/metrics-history.ts';

/** What one chart draws from the samples: a label per line and its values, one per sample. */
export interface ChartLines {
  labels: string[];
  columns: number[][];
}

/** Line colours that read on light and dark backgrounds alike. */
const COLOURS = ['#6366f1', '#10b981', '#f59e0b', '#ef4444', '#06b6d4', '#a855f7', '#ec4899', '#84cc16', '#f97316', '#64748b'];
const AXIS = '#94a3b8';
const GRID = 'rgba(148, 163, 184, 0.25)';
const HEIGHT = 110;

function options(labels: readonly string[], width: number, unit: string): uPlot.Options {
  const axis = { stroke: AXIS, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false } },
    series: [
      { label: 'sim time (s)' },
      ...labels.map((label, i) => ({ label, stroke: COLOURS[i % COLOURS.length], width: 1.5, points: { show: false } })),
    ],
    axes: [
      { ...axis, values: (_: uPlot, ticks: number[]) => ticks.map((t) => `${t}s`) },
      { ...axis, size: 48, label: unit, labelSize: 14 },
    ],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
}

/**
 * A uPlot time series fed from the metrics history. It never re-renders with the data:
 * new samples reach the chart by `setData` on the next animation frame; the chart is
 * rebuilt only when its set of lines changes (a new loss reason, a new queue).
 */
export function TimeChart({ title, unit, lines, testId }: { title: string; unit: string; lines: (samples: readonly MetricSample[]) => ChartLines; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const linesRef = useRef(lines);
  useEffect(() => {
    linesRef.current = lines;
  }, [lines]);

  useEffect(() => {
    const target = box.current;
    if (!target) return;
    let plot: uPlot | null = null;
    let shape = '';
    let pending = 0;
    const width = (): number => Math.max(160, Math.floor(target.clientWidth));

    const draw = (): void => {
      pending = 0;
      const samples = metricsHistory.samples();
      const { labels, columns } = linesRef.current(samples);
      const data: uPlot.AlignedData = [samples.map((s) => s.t / 1000), ...columns];
      // For tests and curious readers: how many points the chart holds now.
      target.dataset.points = String(samples.length);
      const nextShape = labels.join('\n');
      if (plot && nextShape === shape) {
        plot.setData(data);
        return;
      }
      plot?.destroy();
      shape = nextShape;
      plot = new uPlot(options(labels, width(), unit), data, target);
    };
    const schedule = (): void => {
      if (pending === 0) pending = requestAnimationFrame(draw);
    };

    draw();
    const unsubscribe = metricsHistory.subscribe(schedule);
    const resize = new ResizeObserver(() => plot?.setSize({ width: width(), height: HEIGHT }));
    resize.observe(target);
    return () => {
      unsubscribe();
      resize.disconnect();
      if (pending !== 0) cancelAnimationFrame(pending);
      plot?.destroy();
    };
  }, [unit]);

  return (
    <figure className="mf-chart" data-testid={testId}>
      <figcaption className="mf-chart__title">{title}</figcaption>
      <div ref={box} className="mf-chart__plot" />
    </figure>
  );
}
