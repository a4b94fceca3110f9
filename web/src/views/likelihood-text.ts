import type { LikelihoodView } from '../api-types.js';
import { h } from '../dom.js';
import { formatBand, humanize } from '../format.js';
import { SCALE_NAMES } from '../vocabulary.js';
import type { LikelihoodScale } from '../vocabulary.js';

const scaleName = (scale: string | null | undefined) => (scale ? (SCALE_NAMES[scale as LikelihoodScale] ?? scale) : 'number');

/**
 * A likelihood as words and band: in the chosen scale when one was asked for
 * (`?scale=`), with what the analyst actually stated beside it.
 */
export function likelihoodText(likelihood: LikelihoodView): HTMLElement {
  const shownBand = likelihood.termBand ?? likelihood.probability;
  const main =
    likelihood.term === null
      ? h('span', { class: 'term' }, formatBand(likelihood.probability))
      : h('span', { class: 'term' }, humanize(likelihood.term), h('span', { class: 'muted' }, ` (${scaleName(likelihood.scale)}, ${formatBand(shownBand)})`));
  const stated = likelihood.stated;
  const restated = stated && (stated.scale !== likelihood.scale || stated.term !== likelihood.term);
  return h(
    'span',
    { class: 'likelihood' },
    main,
    restated
      ? h(
          'span',
          { class: 'stated' },
          `stated: ${stated.term ? `${humanize(stated.term)} (${scaleName(stated.scale)}, ${formatBand(likelihood.probability)})` : formatBand(likelihood.probability)}`,
        )
      : null,
  );
}
