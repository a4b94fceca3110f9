import { Command } from '@nestjs/cqrs';
import type { CommandMetadata, CommandResult } from '../application/command-metadata.js';
import type { AssessmentCommand } from '../domain/assessment-commands.js';

/**
 * A change to an existing assessment, as the command bus carries it: the
 * domain command plus the revision it was made against and who made it.
 */
export abstract class AssessmentChangeCommand<T extends AssessmentCommand = AssessmentCommand> extends Command<CommandResult> {
  abstract readonly type: T['type'];

  constructor(
    readonly assessmentId: string,
    readonly expectedRevision: number,
    readonly data: T['data'],
    readonly meta: CommandMetadata,
  ) {
    super();
  }

  toDomain(): T {
    return { type: this.type, data: this.data } as T;
  }
}

export type DomainCommand<K extends AssessmentCommand['type']> = Extract<AssessmentCommand, { type: K }>;
