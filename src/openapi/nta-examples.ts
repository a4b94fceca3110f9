/**
 * Example values for the OpenAPI description, from Lithuania's National
 * Threat Assessment 2023, post-Soviet region
 * (../shared/samples/nta-2023-post-soviet-excerpt.txt), so an integrator
 * sees the kind of judgment the ledger holds.
 */
export const NTA = {
  statement:
    'As long as Russian resources are primarily directed at the war against Ukraine, active escalation of these conflicts ' +
    'and increased military pressure on post-Soviet countries are unlikely in the short term.',
  rewording:
    'Active escalation of the conflicts in Nagorno-Karabakh, Abkhazia, South Ossetia, Transnistria and Gagauzia, and increased ' +
    'military pressure on post-Soviet countries, are unlikely in the short term.',
  rationale: 'Russian resources are tied up in the war against Ukraine.',
  source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
  subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia'], topics: ['frozen conflicts', 'military pressure'] },
  likelihood: { scale: 'nta', term: 'unlikely' },
  band: { low: 0, high: 0.25 },
  effectiveAt: '2023-02-05T00:00:00.000Z',
  horizon: { term: 'short-term', start: '2023-02-05T00:00:00.000Z', end: '2023-08-05T00:00:00.000Z' },
  assessmentId: '0b8e1c7a-3f7e-4c55-9c1e-2f4a9d8b6e01',
  otherAssessmentId: '5d2f6b9e-8a41-4f0c-b6d3-7e9a1c2b4f58',
  eventId: '86bb0eba-6aba-5af1-84c7-a7c82e0f2abe',
  subResourceId: '3c9d2f4e-7b1a-4e8c-9d5f-2a6b8c0e1f37',
  requestId: '6f1c2a9e-4b7d-4e3f-8a1c-9d2e5b7f0a43',
  evidenceTitle: 'Units of the Operational Group of Russian Forces redeployed towards Ukraine',
  assumption: 'The war against Ukraine keeps absorbing Russia’s deployable reserves.',
  indicator: 'Russian reinforcements arrive in Transnistria or Abkhazia.',
  observation: 'Reports of additional personnel rotated into Transnistria (unconfirmed).',
  analyst: 'alice',
  reviewer: 'bob',
} as const;
