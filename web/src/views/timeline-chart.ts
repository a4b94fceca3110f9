import uPlot from 'uplot';
import type { TimelinePoint } from '../api-types.js';
import { h } from '../dom.js';
import { eventLabel, formatBand, formatDate, formatDateTime, humanize } from '../format.js';
import { CONFIDENCE_RANK } from '../vocabulary.js';
import { CHART_COLOURS, chartFrame } from './chart-frame.js';

const CONFIDENCE_BY_RANK: Record<number, string> = { 1: 'low', 2: 'moderate', 3: 'high' };

/**
 * The probability band and the confidence at each change, as steps over
 * effective time, with each change's rationale on hover; the same points as
 * a table for anyone not using the chart.
 */
export function timelineSection(points: readonly TimelinePoint[], until: string): HTMLElement {
  const heading = h('h2', { id: 'timeline-heading' }, 'Likelihood and confidence over time');
  if (points.length === 0) {
    return h('section', { 'aria-labelledby': 'timeline-heading' }, heading, h('p', { class: 'empty' }, 'No changes to chart yet.'));
  }
  // x must increase strictly for uPlot; changes backdated to the same instant are spread one second apart.
  const xs: number[] = [];
  for (const point of points) {
    const x = Math.floor(Date.parse(point.effectiveAt) / 1000);
    xs.push(xs.length && x <= xs[xs.length - 1] ? xs[xs.length - 1] + 1 : x);
  }
  // One more point where the chart ends, so the current step shows its length.
  const end = Math.max(Math.floor(Date.parse(until) / 1000), xs[xs.length - 1] + 1);
  const last = points[points.length - 1];
  const rows = [...points, last];
  const data: uPlot.AlignedData = [
    [...xs, end],
    rows.map((p) => p.probability.low * 100),
    rows.map((p) => p.probability.high * 100),
    rows.map((p) => CONFIDENCE_RANK[p.confidence] ?? null),
  ];
  const stepped = uPlot.paths.stepped!({ align: 1 });

  const frame = chartFrame({
    caption: 'Probability band (shaded, left axis) and confidence (dashed, right axis) at each change, by effective date.',
    height: 280,
    pointCount: points.length,
    data,
    yScale: 'p',
    yOf: (i) => ((points[i].probability.low + points[i].probability.high) / 2) * 100,
    describe: (i) => {
      if (i >= points.length) return [h('strong', null, `Still standing on ${formatDate(until)}`)];
      const p = points[i];
      return [
        h('strong', null, `Revision ${p.revision}: ${eventLabel(p.type)}`),
        h('div', null, `Effective ${formatDate(p.effectiveAt)}, by ${p.actor}`),
        h('div', null, `${p.likelihood.term ? `${humanize(p.likelihood.term)} ` : ''}${formatBand(p.probability)}, ${p.confidence} confidence`),
        p.basis ? h('div', null, `Basis: ${humanize(p.basis)}`) : '',
        h('div', { class: 'tooltip-rationale' }, `Rationale: ${p.rationale ?? '—'}`),
      ];
    },
    options: () => ({
      scales: { x: { time: true }, p: { range: [0, 100] }, c: { range: [0.5, 3.5] } },
      axes: [
        { stroke: CHART_COLOURS.text, grid: { stroke: CHART_COLOURS.grid } },
        { scale: 'p', stroke: CHART_COLOURS.text, grid: { stroke: CHART_COLOURS.grid }, values: (_u, ticks) => ticks.map((t) => `${t}%`) },
        {
          scale: 'c',
          side: 1,
          stroke: CHART_COLOURS.confidence,
          grid: { show: false },
          splits: () => [1, 2, 3],
          values: (_u, ticks) => ticks.map((t) => CONFIDENCE_BY_RANK[t] ?? ''),
          size: 80,
        },
      ],
      series: [
        {},
        { label: 'Band low', scale: 'p', stroke: CHART_COLOURS.band, width: 2, paths: stepped, points: { show: true } },
        { label: 'Band high', scale: 'p', stroke: CHART_COLOURS.band, width: 2, paths: stepped, points: { show: true } },
        { label: 'Confidence', scale: 'c', stroke: CHART_COLOURS.confidence, width: 2, dash: [6, 4], paths: stepped },
      ],
      bands: [{ series: [2, 1], fill: CHART_COLOURS.bandFill }],
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    }),
  });

  return h(
    'section',
    { 'aria-labelledby': 'timeline-heading' },
    heading,
    frame.element,
    h(
      'details',
      { class: 'chart-table' },
      h('summary', null, 'The same changes as a table'),
      h(
        'table',
        { class: 'responsive-table' },
        h('thead', null, h('tr', null, ['Rev.', 'Effective', 'Change', 'Likelihood', 'Confidence', 'By', 'Rationale'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          null,
          points.map((p) =>
            h(
              'tr',
              null,
              h('td', { 'data-label': 'Revision' }, String(p.revision)),
              h('td', { 'data-label': 'Effective' }, formatDateTime(p.effectiveAt)),
              h('td', { 'data-label': 'Change' }, eventLabel(p.type)),
              h('td', { 'data-label': 'Likelihood' }, `${p.likelihood.term ? `${humanize(p.likelihood.term)} ` : ''}${formatBand(p.probability)}`),
              h('td', { 'data-label': 'Confidence' }, p.confidence),
              h('td', { 'data-label': 'By' }, p.actor),
              h('td', { 'data-label': 'Rationale' }, p.rationale ?? '—'),
            ),
          ),
        ),
      ),
    ),
  );
}
