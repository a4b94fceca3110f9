import uPlot from 'uplot';
import { h } from '../dom.js';

/** Colours with at least 4.5:1 contrast on white, and told apart by dash as well as hue. */
export const CHART_COLOURS = {
  band: '#1d4ed8',
  bandFill: 'rgba(29, 78, 216, 0.16)',
  confidence: '#9a3412',
  ideal: '#4b5563',
  counts: 'rgba(75, 85, 99, 0.25)',
  grid: '#e5e7eb',
  text: '#1f2937',
} as const;

export interface ChartFrame {
  /** The focusable figure holding the chart, its tooltip and caption. */
  readonly element: HTMLElement;
}

interface ChartFrameOptions {
  readonly caption: string;
  readonly height: number;
  readonly pointCount: number;
  /** uPlot options without size and hooks; the frame adds those. */
  options(width: number): Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  /** Where the keyboard puts the cursor for point `index` (in data values: x, then y on `yScale`). */
  readonly yOf: (index: number) => number;
  readonly yScale: string;
  /** What the tooltip says for point `index`. */
  describe(index: number): (Node | string)[];
}

/**
 * A uPlot chart in a focusable figure. Hovering shows the point under the
 * cursor in a tooltip; with the keyboard, the arrow keys step from point to
 * point and the same text is announced. The chart is drawn once the figure
 * has a width and follows it when the window resizes.
 */
export function chartFrame(config: ChartFrameOptions): ChartFrame {
  const tooltip = h('div', { class: 'chart-tooltip', role: 'status', 'aria-live': 'polite', hidden: true });
  const plotArea = h('div', { class: 'chart-plot' });
  const figure = h(
    'figure',
    { class: 'chart', tabindex: 0, 'aria-label': `${config.caption}. Use the left and right arrow keys to step through the points.` },
    plotArea,
    tooltip,
    h('figcaption', null, config.caption),
  );
  let plot: uPlot | null = null;
  let keyboardIndex = -1;

  const showTooltip = (u: uPlot) => {
    const index = u.cursor.idx;
    if (index === null || index === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren(...config.describe(index));
    tooltip.hidden = false;
    // Keep the box inside the plot: flip to the left of the cursor past mid-width.
    const left = u.cursor.left;
    tooltip.style.top = '8px';
    if (left > u.over.clientWidth / 2) {
      tooltip.style.left = '';
      tooltip.style.right = `${u.over.clientWidth - left + 12}px`;
    } else {
      tooltip.style.right = '';
      tooltip.style.left = `${left + 12}px`;
    }
  };

  const draw = (width: number) => {
    if (plot) {
      plot.setSize({ width, height: config.height });
      return;
    }
    plot = new uPlot(
      { ...config.options(width), width, height: config.height, hooks: { setCursor: [showTooltip] } },
      config.data,
      plotArea,
    );
    // Positioned over the plotting area, so cursor coordinates place it directly.
    plot.over.append(tooltip);
  };

  new ResizeObserver(([entry]) => {
    const width = Math.floor(entry.contentRect.width);
    if (width > 0) draw(width);
  }).observe(plotArea);

  figure.addEventListener('keydown', (event) => {
    if (!plot || config.pointCount === 0 || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const last = config.pointCount - 1;
    if (event.key === 'Home') keyboardIndex = 0;
    else if (event.key === 'End') keyboardIndex = last;
    else keyboardIndex = Math.min(last, Math.max(0, keyboardIndex + (event.key === 'ArrowRight' ? 1 : -1)));
    const x = config.data[0][keyboardIndex] as number;
    plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.valToPos(config.yOf(keyboardIndex), config.yScale) });
  });
  figure.addEventListener('blur', () => {
    keyboardIndex = -1;
  });

  return { element: figure };
}
