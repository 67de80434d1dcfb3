import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { currentFrameView, DOT_STRIDE, type Frame } from '../../sim-client/index.ts';
import { DOT_COLOURS } from './dot-colours.ts';
import { useTraceStore } from '../../store/trace-store.ts';
import { messageAtPoint } from './dot-hit.ts';
import { curveX, curveY, edgeCurveOf, edgeCurvesVersion } from './edge-geometry.ts';

const DOT_RADIUS_PX = 6;

interface Sprites {
  /** Width and height in device pixels. */
  size: number;
  /** Per colour class: the dot's RGBA pixels, one 32-bit word each (as ImageData holds them). */
  pixels: Uint32Array[];
}

const spriteCache = new Map<number, Sprites>();

/**
 * One small bitmap per colour class for a dot of `radius` device pixels (cached per radius).
 * Classes beyond the known ones are drawn in the last colour.
 */
function spritesFor(radius: number): Sprites {
  const cached = spriteCache.get(radius);
  if (cached) return cached;
  const ring = Math.max(1, radius * 0.25);
  const size = Math.ceil((radius + ring) * 2) + 2;
  const pixels = DOT_COLOURS.map((colour) => {
    const sprite = document.createElement('canvas');
    sprite.width = size;
    sprite.height = size;
    const g = sprite.getContext('2d');
    if (!g) return new Uint32Array(size * size);
    g.beginPath();
    g.arc(size / 2, size / 2, radius, 0, Math.PI * 2);
    g.fillStyle = colour;
    g.fill();
    g.lineWidth = ring;
    g.strokeStyle = '#ffffff';
    g.stroke();
    return new Uint32Array(g.getImageData(0, 0, size, size).data.buffer);
  });
  const sprites = { size, pixels };
  spriteCache.set(radius, sprites);
  return sprites;
}

/**
 * Copies a sprite into the frame buffer at (left, top), clipped. A pixel replaces what is
 * there only if it is at least as opaque, so a dot's soft rim never punches a hole into
 * the dot under it. Alpha is the top byte: ImageData words are RGBA bytes, little-endian.
 */
function stamp(buffer: Uint32Array, width: number, height: number, sprite: Uint32Array, size: number, left: number, top: number): void {
  const x0 = Math.max(0, -left);
  const y0 = Math.max(0, -top);
  const x1 = Math.min(size, width - left);
  const y1 = Math.min(size, height - top);
  for (let sy = y0; sy < y1; sy++) {
    const src = sy * size;
    const dst = (top + sy) * width + left;
    for (let sx = x0; sx < x1; sx++) {
      const p = sprite[src + sx] ?? 0;
      if (p !== 0 && p >>> 24 >= (buffer[dst + sx] ?? 0) >>> 24) buffer[dst + sx] = p;
    }
  }
}

/**
 * Messages in flight, drawn on one canvas above the flow. Not React: the rAF loop reads
 * the latest frame and the viewport transform imperatively, so thousands of moving dots
 * cost one canvas update per display frame and no renders.
 *
 * Dots are stamped into an ImageData and put once per frame. Without a GPU (headless
 * Chromium, many classroom laptops) canvas arcs or drawImage cost microseconds per dot;
 * plain typed-array writes keep 5,000 dots within a few milliseconds.
 */
export function DotOverlay() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let dpr = 1;
    let image: ImageData | null = null;
    let sizeChanged = true;
    const resize = new ResizeObserver(() => {
      dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
      canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
      image = ctx.createImageData(canvas.width, canvas.height);
      sizeChanged = true;
    });
    resize.observe(canvas);

    // The canvas lets pointer events through to the flow, so a click on a dot is caught on
    // the way down (capture), before the pane or an edge takes it: it opens that message's
    // trace. Only while the run stands still: a moving dot passing under a click meant for
    // its link would take the click away from the link.
    const pane = canvas.parentElement;
    const onClick = (event: MouseEvent): void => {
      const { frame, edgeIds } = currentFrameView();
      if (!frame || frame.state === 'running' || (event.target instanceof Element && event.target.closest('.react-flow__node'))) return;
      const box = canvas.getBoundingClientRect();
      const [tx, ty, zoom] = flowStore.getState().transform;
      const radius = DOT_RADIUS_PX * Math.min(1.6, Math.max(0.6, zoom)) + 3;
      const id = messageAtPoint(frame, edgeIds, [tx, ty, zoom], event.clientX - box.left, event.clientY - box.top, radius);
      if (id === null) return;
      event.stopPropagation();
      useTraceStore.getState().show(id);
    };
    pane?.addEventListener('click', onClick, true);

    let drawnFrame: Frame | null = null;
    let drawnTransform: readonly number[] = [];
    let drawnCurves = -1;
    let drawnCount = -1;
    let raf = 0;

    const draw = (): void => {
      raf = requestAnimationFrame(draw);
      const { frame, edgeIds } = currentFrameView();
      const transform = flowStore.getState().transform;
      const curves = edgeCurvesVersion();
      if (
        !image ||
        (!sizeChanged &&
          frame === drawnFrame &&
          curves === drawnCurves &&
          transform[0] === drawnTransform[0] &&
          transform[1] === drawnTransform[1] &&
          transform[2] === drawnTransform[2])
      ) {
        return;
      }
      sizeChanged = false;
      drawnFrame = frame;
      drawnTransform = transform;
      drawnCurves = curves;

      const { width, height } = image;
      const buffer = new Uint32Array(image.data.buffer);
      buffer.fill(0);
      let count = 0;
      if (frame) {
        const [tx, ty, zoom] = transform;
        // Dots grow a little with zoom, within limits; half-pixel steps keep the sprite cache small.
        const radius = Math.round(DOT_RADIUS_PX * Math.min(1.6, Math.max(0.6, zoom)) * dpr * 2) / 2;
        const { size, pixels } = spritesFor(radius);
        const scale = zoom * dpr;
        const offsetX = tx * dpr - size / 2;
        const offsetY = ty * dpr - size / 2;
        const dots = frame.dots;
        const n = dots.length / DOT_STRIDE;
        for (let i = 0; i < n; i++) {
          const o = i * DOT_STRIDE;
          const id = edgeIds[dots[o] ?? -1];
          const curve = id === undefined ? undefined : edgeCurveOf(id);
          if (!curve) continue;
          const t = dots[o + 1] ?? 0;
          const left = Math.round(curveX(curve, t) * scale + offsetX);
          const top = Math.round(curveY(curve, t) * scale + offsetY);
          if (left <= -size || top <= -size || left >= width || top >= height) continue;
          const sprite = pixels[Math.min(dots[o + 2] ?? 0, pixels.length - 1)];
          if (sprite) stamp(buffer, width, height, sprite, size, left, top);
          count++;
        }
      }
      ctx.putImageData(image, 0, 0);
      if (count !== drawnCount) {
        drawnCount = count;
        // For tests and curious users: how many dots the last redraw placed on screen.
        canvas.dataset.dots = String(count);
      }
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      pane?.removeEventListener('click', onClick, true);
    };
  }, [flowStore]);

  return <canvas ref={canvasRef} className="mf-dots" data-testid="dots-overlay" data-dots="0" aria-hidden="true" />;
}
