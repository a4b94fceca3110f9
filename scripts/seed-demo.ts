/**
 * npm run seed:demo — loads the judgments of Lithuania's National Threat
 * Assessment 2023 (post-Soviet region; ../shared/samples) as NTA-scale
 * assessments effective 5 February 2023, the report's information cut-off,
 * with a MADE-UP revision history, evidence, assumptions, indicators and
 * outcomes, so a new user sees every feature at once. Everything it writes is
 * marked as demo data: the source document says so, every actor is `demo.*`
 * and every rationale starts with "[demo]".
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module.js';
import { commandIdFor, eventIdFor } from '../src/assessments/application/assessment-command.executor.js';
import type { CommandMetadata, CommandResult } from '../src/assessments/application/command-metadata.js';
import { AddIndicatorCommand } from '../src/assessments/commands/add-indicator.command.js';
import type { AssessmentChangeCommand } from '../src/assessments/commands/assessment-change.command.js';
import { ChangeConfidenceCommand } from '../src/assessments/commands/change-confidence.command.js';
import { ChangeLikelihoodCommand } from '../src/assessments/commands/change-likelihood.command.js';
import { DraftAssessmentCommand } from '../src/assessments/commands/draft-assessment.command.js';
import { LinkEvidenceCommand } from '../src/assessments/commands/link-evidence.command.js';
import { ObserveIndicatorCommand } from '../src/assessments/commands/observe-indicator.command.js';
import { PublishAssessmentCommand } from '../src/assessments/commands/publish-assessment.command.js';
import { RecordOutcomeCommand } from '../src/assessments/commands/record-outcome.command.js';
import { ReviewAssumptionCommand } from '../src/assessments/commands/review-assumption.command.js';
import { RewordStatementCommand } from '../src/assessments/commands/reword-statement.command.js';
import { StateAssumptionCommand } from '../src/assessments/commands/state-assumption.command.js';
import { SupersedeAssessmentCommand } from '../src/assessments/commands/supersede-assessment.command.js';
import { WithdrawAssessmentCommand } from '../src/assessments/commands/withdraw-assessment.command.js';
import type { HorizonTerm } from '../src/assessments/domain/horizons.js';
import { loadConfig } from '../src/config/app-config.js';
import { EVENT_STORE } from '../src/event-store/event-store.port.js';
import type { EventStore } from '../src/event-store/event-store.port.js';
import { lockDataDirOrExit } from '../src/common/data-dir-lock.js';

const SOURCE = { document: 'National Threat Assessment 2023 (DEMO DATA: made-up revision history)', section: 'Post-Soviet region' };
const ANALYST = 'demo.analyst.rasa';
const SECOND_ANALYST = 'demo.analyst.jonas';
const REVIEWER = 'demo.reviewer.egle';
const CUT_OFF = '2023-02-05T00:00:00Z';

type Change = new (
  assessmentId: string,
  expectedRevision: number,
  data: never,
  meta: CommandMetadata,
) => AssessmentChangeCommand;

/** One demo assessment: drafts it, then applies changes against the revision it reached. */
class DemoAssessment {
  static drafted = 0;
  revision = 0;
  constructor(
    private readonly bus: CommandBus,
    readonly id: string,
  ) {}

  static async draft(
    bus: CommandBus,
    statement: string,
    term: string,
    confidence: 'low' | 'moderate' | 'high',
    horizon: HorizonTerm,
    subject: { actors: string[]; regions: string[]; topics: string[] },
    rationale: string,
  ): Promise<DemoAssessment> {
    const id = randomUUID();
    await bus.execute(
      new DraftAssessmentCommand(
        {
          assessmentId: id,
          statement,
          likelihood: { scale: 'nta', term },
          confidence,
          horizon: { term: horizon },
          subject,
          source: SOURCE,
          rationale: `[demo] ${rationale}`,
        },
        { actor: ANALYST, correlationId: randomUUID(), effectiveAt: CUT_OFF },
      ),
    );
    DemoAssessment.drafted += 1;
    return new DemoAssessment(bus, id);
  }

  async apply(
    command: Change,
    data: Record<string, unknown>,
    options: { actor?: string; effectiveAt?: string; causationId?: string; commandId?: string } = {},
  ): Promise<CommandResult> {
    const meta: CommandMetadata = {
      actor: options.actor ?? ANALYST,
      correlationId: randomUUID(),
      effectiveAt: options.effectiveAt,
      causationId: options.causationId,
      commandId: options.commandId,
    };
    const withRationale = { ...data, rationale: `[demo] ${String(data.rationale)}` };
    const result: CommandResult = await this.bus.execute(new command(this.id, this.revision, withRationale as never, meta));
    this.revision = result.revision;
    return result;
  }
}

async function seed(bus: CommandBus): Promise<number> {
  const escalation = await DemoAssessment.draft(
    bus,
    'As long as Russian resources are primarily directed at the war against Ukraine, active escalation of the conflicts in Nagorno-Karabakh, Abkhazia, South Ossetia, Transnistria and Gagauzia, and increased military pressure on post-Soviet countries, are unlikely in the short term.',
    'unlikely',
    'moderate',
    'short-term',
    { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia', 'Azerbaijan'], topics: ['frozen conflicts', 'military pressure'] },
    'Russian resources are tied up in the war against Ukraine.',
  );
  await escalation.apply(LinkEvidenceCommand, {
    evidenceId: randomUUID(),
    title: 'Units of the Operational Group of Russian Forces redeployed towards Ukraine',
    source: 'Open-source reporting (illustrative)',
    reliability: 'B',
    credibility: 3,
    bearing: 'supports',
    url: null,
    excerpt: null,
    rationale: 'Forces that could escalate are committed elsewhere.',
  }, { effectiveAt: CUT_OFF });
  const linchpin = randomUUID();
  await escalation.apply(StateAssumptionCommand, {
    assumptionId: linchpin,
    text: 'The war against Ukraine keeps absorbing Russia’s deployable reserves.',
    linchpin: true,
    rationale: 'The judgment stands or falls with it.',
  }, { effectiveAt: CUT_OFF });
  const indicator = randomUUID();
  await escalation.apply(AddIndicatorCommand, {
    indicatorId: indicator,
    text: 'Russian reinforcements arrive in Transnistria or Abkhazia.',
    direction: 'raises',
    rationale: 'Would signal preparation for escalation.',
  }, { effectiveAt: CUT_OFF });
  await escalation.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });
  const commandId = commandIdFor({ actor: ANALYST });
  const observation = eventIdFor(commandId, 0);
  await escalation.apply(
    ObserveIndicatorCommand,
    {
      indicatorId: indicator,
      observationId: observation,
      observation: 'Reports of additional personnel rotated into Transnistria (unconfirmed).',
      observedAt: '2023-04-10T00:00:00Z',
      rationale: 'Weak signal; watch for confirmation.',
    },
    { effectiveAt: '2023-04-12T00:00:00Z', commandId },
  );
  await escalation.apply(
    ChangeLikelihoodCommand,
    { likelihood: { scale: 'icd203', term: 'unlikely' }, basis: 'new-information', rationale: 'Rotation reports widen the range slightly.' },
    { effectiveAt: '2023-04-15T00:00:00Z', causationId: observation, actor: SECOND_ANALYST },
  );
  await escalation.apply(ReviewAssumptionCommand, { assumptionId: linchpin, verdict: 'holds', rationale: 'Key Assumptions Check, mid-2023.' }, { effectiveAt: '2023-07-01T00:00:00Z' });
  await escalation.apply(PublishAssessmentCommand, { rationale: 'Update approved.' }, { actor: REVIEWER, effectiveAt: '2023-07-02T00:00:00Z' });
  await escalation.apply(RecordOutcomeCommand, { outcome: 'did-not-occur', knownAt: new Date().toISOString(), rationale: 'No escalation of the frozen conflicts within the horizon.' });

  const economicTies = await DemoAssessment.draft(
    bus,
    'Russia expects closer economic ties with the CIS countries in the short term.',
    'likely',
    'moderate',
    'short-term',
    { actors: ['Russia'], regions: ['Kazakhstan', 'Kyrgyzstan', 'Armenia', 'Azerbaijan', 'Georgia'], topics: ['economic integration'] },
    'Trade and logistics are being redirected through the South Caucasus and Central Asia.',
  );
  await economicTies.apply(LinkEvidenceCommand, {
    evidenceId: randomUUID(),
    title: 'Trade turnover with Central Asian states grew in 2022',
    source: 'National statistics (illustrative)',
    reliability: 'A',
    credibility: 2,
    bearing: 'supports',
    url: null,
    excerpt: null,
    rationale: 'Direct measure of the ties.',
  }, { effectiveAt: CUT_OFF });
  await economicTies.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });
  await economicTies.apply(ChangeConfidenceCommand, { confidence: 'high', basis: 'new-information', rationale: 'Sanction-circumvention trade confirmed by several sources.' }, { effectiveAt: '2023-09-01T00:00:00Z' });
  await economicTies.apply(PublishAssessmentCommand, { rationale: 'Update approved.' }, { actor: REVIEWER, effectiveAt: '2023-09-02T00:00:00Z' });
  await economicTies.apply(RecordOutcomeCommand, { outcome: 'occurred', knownAt: new Date().toISOString(), rationale: 'Economic ties deepened within the horizon.' });

  const integration = await DemoAssessment.draft(
    bus,
    'Russia plans to strengthen the integration of the Commonwealth of Independent States and the Eurasian Economic Union and to further develop the Union State project.',
    'highly-likely',
    'high',
    'near-term',
    { actors: ['Russia', 'Belarus'], regions: ['Belarus', 'Kazakhstan', 'Armenia'], topics: ['regional integration', 'Union State'] },
    'Stated policy goals and continued summitry.',
  );
  await integration.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });

  const lukashenka = await DemoAssessment.draft(
    bus,
    'The regime of Alyaksandr Lukashenka, which openly supports Russia’s aggression against Ukraine, is dependent on Russia.',
    'highly-likely',
    'high',
    'medium-term',
    { actors: ['Belarus', 'Russia'], regions: ['Belarus'], topics: ['political dependence'] },
    'Economic, military and political reliance since 2020.',
  );
  await lukashenka.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });

  const dependence = await DemoAssessment.draft(
    bus,
    'Russia plans to increase the dependence of South Caucasus and Central Asian states through economic cooperation and investment projects, hoping to limit their relations with the West.',
    'likely',
    'moderate',
    'near-term',
    { actors: ['Russia'], regions: ['Armenia', 'Azerbaijan', 'Georgia', 'Kazakhstan', 'Uzbekistan'], topics: ['economic leverage'] },
    'Investment offers tied to political alignment.',
  );
  await dependence.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });
  await dependence.apply(ChangeLikelihoodCommand, { likelihood: { scale: 'nta', term: 'possible' }, basis: 'new-reasoning', rationale: 'Partners hedge more than expected.' }, { effectiveAt: '2023-11-01T00:00:00Z', actor: SECOND_ANALYST });

  const elections = await DemoAssessment.draft(
    bus,
    'In Moldova, Georgia and Armenia, Russia supports pro-Kremlin political parties and organisations and anticipates their accession to power through elections.',
    'likely',
    'moderate',
    'near-term',
    { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia'], topics: ['elections', 'interference'] },
    'Funding and media support to aligned parties.',
  );
  await elections.apply(PublishAssessmentCommand, { rationale: 'Approved for the 2023 edition.' }, { actor: REVIEWER, effectiveAt: CUT_OFF });
  const nextEdition = await DemoAssessment.draft(
    bus,
    'Russia will keep supporting pro-Kremlin parties in Moldova, Georgia and Armenia ahead of their next elections.',
    'highly-likely',
    'moderate',
    'near-term',
    { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia'], topics: ['elections', 'interference'] },
    'Carried into the next edition with a sharper wording.',
  );
  await nextEdition.apply(RewordStatementCommand, { statement: 'Russia will keep supporting pro-Kremlin parties and organisations in Moldova, Georgia and Armenia ahead of their next elections.', rationale: 'Include organisations, as the 2023 text did.' }, { actor: SECOND_ANALYST });
  await nextEdition.apply(PublishAssessmentCommand, { rationale: 'Approved for the next edition.' }, { actor: REVIEWER });
  await elections.apply(SupersedeAssessmentCommand, { supersededBy: nextEdition.id, rationale: 'Replaced by the next edition’s judgment.' });

  const cisDoubts = await DemoAssessment.draft(
    bus,
    'Other post-Soviet countries question the Kremlin’s motives to start the war and show their dissatisfaction with its policies.',
    'possible',
    'low',
    'short-term',
    { actors: ['Russia'], regions: ['Kazakhstan', 'Kyrgyzstan', 'Tajikistan'], topics: ['regional relations'] },
    'Public statements by Central Asian leaders.',
  );
  await cisDoubts.apply(WithdrawAssessmentCommand, { rationale: 'An observation, not a judgment: withdrawn before publication.' }, { actor: SECOND_ANALYST });
  return DemoAssessment.drafted;
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), runProjections: false, logLevel: 'warn' as const };
  lockDataDirOrExit(config.dataDir, 'Stop it, seed, then start it again.');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    if ((await store.headPosition()) > 0n) {
      console.error(`${config.dataDir} already holds events; the demo seeds an empty ledger only (use another DATA_DIR).`);
      process.exitCode = 2;
      return;
    }
    const count = await seed(app.get(CommandBus));
    console.log(`seeded ${count} demo assessments (marked as demo data) into ${config.dataDir}; run npm start to explore them`);
  } finally {
    await app.close();
  }
}

await main();
