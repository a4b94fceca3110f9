/**
 * Answers handed to more than one request (a cached list page, a folded
 * state's view) are never changed after they are built, so their JSON can be
 * kept with them instead of being produced again for every reply: for a
 * 20-item list page that serialisation was the largest single cost of a
 * cached answer. Values are null until the first reply serialises them.
 */
const sharedAnswers = new WeakMap<object, string | null>();

/** Marks an answer as shared and never to be changed; returns it. */
export function shareAnswer<T extends object>(answer: T): T {
  if (!sharedAnswers.has(answer)) sharedAnswers.set(answer, null);
  return answer;
}

/** Fastify's reply serialiser: JSON.stringify, remembered for shared answers. */
export function serializeReply(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
  const known = sharedAnswers.get(payload);
  if (known === undefined) return JSON.stringify(payload);
  if (known !== null) return known;
  const json = JSON.stringify(payload);
  sharedAnswers.set(payload, json);
  return json;
}
