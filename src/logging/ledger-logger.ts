import pino from 'pino';
import type { DestinationStream, Logger, LevelWithSilent } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/** LOG_LEVEL keeps Nest's names (`log` for the usual level); pino calls that `info`. */
const PINO_LEVELS: Record<AppConfig['logLevel'], LevelWithSilent> = {
  silent: 'silent',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/** Only what identifies a request; never its body, its query string (free-text search) or its headers. */
function requestSummary(request: { method?: string; url?: string; routeOptions?: { url?: string }; ip?: string }) {
  return {
    method: request.method,
    path: request.url?.split('?')[0],
    route: request.routeOptions?.url,
    remoteAddress: request.ip,
  };
}

/**
 * The service's one JSON logger: Fastify logs requests through it and Nest's
 * Logger is bridged to it (PinoNestLogger). Statements, rationales and tokens
 * are never logged: bodies and headers are not serialised at all, and the
 * redaction below is a second line of defence should a header object reach a
 * log call.
 */
export function createLedgerLogger(level: AppConfig['logLevel'], destination?: DestinationStream): Logger {
  return pino(
    {
      level: PINO_LEVELS[level],
      base: { service: 'assessment-ledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      // "level":"info" rather than pino's number: readable without a lookup table, and what log stores index.
      formatters: { level: (label) => ({ level: label }) },
      serializers: {
        req: requestSummary,
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
      redact: {
        paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', 'authorization', 'token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
