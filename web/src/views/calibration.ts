import uPlot from 'uplot';
import { apiGet } from '../api.js';
import type { CalibrationBin, CalibrationReport } from '../api-types.js';
import { field, h, replace, selectOptions } from '../dom.js';
import { formatNumber, percent } from '../format.js';
import { href, navigate } from '../router.js';
import { lastWritePosition } from '../session.js';
import { CHART_COLOURS, chartFrame } from './chart-frame.js';
import type { ViewContext } from './view-context.js';

const GROUPINGS: [string, string][] = [
  ['', 'No grouping'],
  ['actor', 'Actor'],
  ['topic', 'Topic'],
  ['scale', 'Scale'],
  ['region', 'Region'],
  ['confidence', 'Confidence'],
];

const LINES: [string, string][] = [
  ['working', 'Every judgment stated'],
  ['published', 'As published'],
];

/** How well stated probabilities matched what happened: a reliability diagram and Brier scores by group. */
export async function renderCalibration({ main, route, isCurrent }: ViewContext): Promise<void> {
  const groupBy = route.params.get('groupBy') ?? '';
  const bins = route.params.get('bins') ?? '10';
  const line = route.params.get('line') === 'published' ? 'published' : 'working';
  const { body: report } = await apiGet<CalibrationReport>('/calibration', { groupBy, bins, line, minPosition: lastWritePosition() });
  if (!isCurrent()) return;
  replace(
    main,
    h('h1', { tabindex: -1 }, 'Calibration'),
    h(
      'p',
      null,
      'Resolved, published assessments: the probability each stated when its outcome became known, against how often the events then occurred. ',
      'The Brier score is the mean squared gap: 0 is perfect, 0.25 is what always saying 50% earns. ',
      'Every judgment stated counts the last probability an analyst recorded, published or not; as published counts what readers were shown.',
    ),
    controls(groupBy, bins, line),
    summary(report),
    report.count > 0 ? reliabilitySection(report.bins) : h('p', { class: 'empty' }, 'No resolved, published assessments yet: calibration needs recorded outcomes.'),
    report.groupBy ? groupsSection(report) : null,
  );
}

function controls(groupBy: string, bins: string, line: string): HTMLFormElement {
  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'Calibration options' },
    field('Brier scores by', h('select', { id: 'calibration-groupBy', name: 'groupBy' }, selectOptions(GROUPINGS, groupBy))),
    field('Bins', h('select', { id: 'calibration-bins', name: 'bins' }, selectOptions([['5', '5'], ['10', '10'], ['20', '20']], bins))),
    field('Line', h('select', { id: 'calibration-line', name: 'line' }, selectOptions(LINES, line))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'calibration-apply' }, 'Show')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate(href('/calibration', { groupBy: String(data.get('groupBy') ?? ''), bins: String(data.get('bins') ?? ''), line: String(data.get('line') ?? '') }));
  });
  return form;
}

function summary(report: CalibrationReport): HTMLElement {
  return h(
    'dl',
    { class: 'facts facts-compact', id: 'calibration-summary' },
    h('dt', null, 'Judgments scored'),
    h('dd', null, String(report.count)),
    h('dt', null, 'Mean Brier score'),
    h('dd', null, formatNumber(report.meanBrier)),
    h('dt', null, 'Mean time-weighted Brier score'),
    h('dd', null, formatNumber(report.meanTimeWeightedBrier)),
  );
}

function reliabilitySection(bins: readonly CalibrationBin[]): HTMLElement {
  // Each bin sits at its mean stated probability (its centre when empty); the diagonal runs corner to corner.
  const xs: number[] = [0];
  for (const bin of bins) {
    const x = ((bin.meanProbability ?? (bin.from + bin.to) / 2) * 100);
    xs.push(x <= xs[xs.length - 1] ? xs[xs.length - 1] + 0.01 : x);
  }
  xs.push(Math.max(100, xs[xs.length - 1] + 0.01));
  const binAt = (i: number) => (i >= 1 && i <= bins.length ? bins[i - 1] : null);
  const data: uPlot.AlignedData = [
    xs,
    xs,
    xs.map((_, i) => {
      const bin = binAt(i);
      return bin && bin.count > 0 && bin.observedFrequency !== null ? bin.observedFrequency * 100 : null;
    }),
    xs.map((_, i) => binAt(i)?.count || null),
  ];
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const frame = chartFrame({
    caption: 'Reliability diagram: observed frequency (dots) against stated probability per bin; the dashed diagonal is perfect calibration, grey bars are the number of judgments (right axis).',
    height: 320,
    pointCount: xs.length,
    data,
    yScale: 'y',
    yOf: (i) => (data[2][i] as number | null) ?? xs[i],
    describe: (i) => {
      const bin = binAt(i);
      if (!bin) return [h('strong', null, 'Perfect calibration'), h('div', null, `${percent(xs[i] / 100)} stated, ${percent(xs[i] / 100)} observed`)];
      return [
        h('strong', null, `Stated ${percent(bin.from)}–${percent(bin.to)}`),
        h('div', null, `${bin.count} judgment${bin.count === 1 ? '' : 's'}`),
        h('div', null, `Mean stated ${percent(bin.meanProbability, 1)}, observed ${percent(bin.observedFrequency, 1)}`),
        h('div', null, `Mean Brier ${formatNumber(bin.meanBrier)}`),
      ];
    },
    options: () => ({
      scales: { x: { time: false, range: [0, 100] }, y: { range: [0, 100] }, n: { range: [0, maxCount * 1.25] } },
      axes: [
        { stroke: CHART_COLOURS.text, grid: { stroke: CHART_COLOURS.grid }, values: (_u, ticks) => ticks.map((t) => `${t}%`), label: 'Stated probability' },
        { scale: 'y', stroke: CHART_COLOURS.text, grid: { stroke: CHART_COLOURS.grid }, values: (_u, ticks) => ticks.map((t) => `${t}%`), label: 'Observed frequency' },
        { scale: 'n', side: 1, stroke: CHART_COLOURS.ideal, grid: { show: false }, label: 'Judgments', values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) },
      ],
      series: [
        {},
        { label: 'Perfect calibration', scale: 'y', stroke: CHART_COLOURS.ideal, dash: [5, 5], width: 1, points: { show: false } },
        { label: 'Observed frequency', scale: 'y', stroke: CHART_COLOURS.band, width: 2, spanGaps: true, points: { show: true, size: 10, fill: CHART_COLOURS.band } },
        { label: 'Judgments', scale: 'n', fill: CHART_COLOURS.counts, stroke: CHART_COLOURS.ideal, paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } },
      ],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
    }),
  });
  return h(
    'section',
    { 'aria-labelledby': 'reliability-heading' },
    h('h2', { id: 'reliability-heading' }, 'Reliability diagram'),
    frame.element,
    h(
      'table',
      { class: 'responsive-table', id: 'calibration-bin-table' },
      h('caption', null, 'Bins'),
      h('thead', null, h('tr', null, ['Stated', 'Judgments', 'Mean stated', 'Observed', 'Mean Brier'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        bins.map((b) =>
          h(
            'tr',
            { class: b.count === 0 ? 'muted' : null },
            h('td', { 'data-label': 'Stated' }, `${percent(b.from)}–${percent(b.to)}`),
            h('td', { 'data-label': 'Judgments' }, String(b.count)),
            h('td', { 'data-label': 'Mean stated' }, percent(b.meanProbability, 1)),
            h('td', { 'data-label': 'Observed' }, percent(b.observedFrequency, 1)),
            h('td', { 'data-label': 'Mean Brier' }, formatNumber(b.meanBrier)),
          ),
        ),
      ),
    ),
  );
}

function groupsSection(report: CalibrationReport): HTMLElement {
  const groups = [...report.groups].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return h(
    'section',
    { 'aria-labelledby': 'groups-heading' },
    h('h2', { id: 'groups-heading' }, `Brier scores by ${report.groupBy}`),
    groups.length === 0
      ? h('p', { class: 'empty' }, 'No groups.')
      : h(
          'table',
          { class: 'responsive-table', id: 'calibration-groups' },
          h('thead', null, h('tr', null, [report.groupBy ?? 'group', 'Judgments', 'Mean Brier', 'Time-weighted Brier'].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            null,
            groups.map((g) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row', 'data-label': report.groupBy ?? 'group' }, g.key),
                h('td', { 'data-label': 'Judgments' }, String(g.count)),
                h('td', { 'data-label': 'Mean Brier' }, formatNumber(g.meanBrier)),
                h('td', { 'data-label': 'Time-weighted Brier' }, formatNumber(g.meanTimeWeightedBrier)),
              ),
            ),
          ),
        ),
  );
}
