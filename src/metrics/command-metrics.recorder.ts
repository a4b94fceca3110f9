import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ICommand } from '@nestjs/cqrs';
import { performance } from 'node:perf_hooks';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors.js';
import { RelatedAssessmentChangingError } from '../assessments/domain/domain-errors.js';
import { HttpExceptionFilter } from '../common/http/http-exception.filter.js';
import { LedgerMetrics } from './ledger-metrics.js';
import type { CommandResultLabel } from './ledger-metrics.js';

/**
 * Times every command at the command bus, whoever sends it (HTTP, the
 * statement import), without touching a handler: @nestjs/cqrs has no
 * middleware, so the bus's own `execute` is wrapped once at start.
 */
@Injectable()
export class CommandMetricsRecorder implements OnModuleInit {
  // The filter is the one place that knows which status each failure answers; labels follow it.
  private readonly answers = new HttpExceptionFilter();

  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: LedgerMetrics,
  ) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus);
    const timed = async (command: ICommand, ...rest: unknown[]) => {
      const started = performance.now();
      const name = command.constructor.name.replace(/Command$/, '');
      try {
        const result = await (execute as (command: ICommand, ...rest: unknown[]) => Promise<unknown>)(command, ...rest);
        this.metrics.recordCommand(name, 'ok', (performance.now() - started) / 1000);
        return result;
      } catch (error) {
        this.metrics.recordCommand(name, this.resultOf(error), (performance.now() - started) / 1000);
        throw error;
      }
    };
    this.bus.execute = timed as CommandBus['execute'];
  }

  private resultOf(error: unknown): CommandResultLabel {
    if (error instanceof WrongExpectedRevisionError || error instanceof RelatedAssessmentChangingError) return 'conflict';
    return String(this.answers.toResponse(error).statusCode);
  }
}
