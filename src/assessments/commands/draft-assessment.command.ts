import { Command } from '@nestjs/cqrs';
import type { CommandMetadata, CommandResult } from '../application/command-metadata.js';
import type { DomainCommand } from './assessment-change.command.js';

export class DraftAssessmentCommand extends Command<CommandResult> {
  constructor(
    readonly data: DomainCommand<'DraftAssessment'>['data'],
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
