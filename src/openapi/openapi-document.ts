import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Name of the bearer security scheme every protected operation refers to. */
export const BEARER_AUTH = 'bearer';

/** The HTTP API's own version: it changes when the contract does, not with each release of the service. */
const API_VERSION = '1';

const DESCRIPTION = `Event-sourced ledger of analytic judgments: every rewording, likelihood and confidence change,
publication and withdrawal of an assessment is an event with its author, rationale, recorded time and effective time.

Every route but the health checks (and /metrics when METRICS_PUBLIC=true) needs a bearer token (HS256 signed with
JWT_SECRET, or RS256/ES256 from an identity provider) carrying \`sub\`, \`roles\` and \`clearance\`. The token's subject is
the actor recorded on every event; nothing in a body can say otherwise.

Commands take \`expectedRevision\` (409 with \`currentRevision\` when stale), an optional \`Idempotency-Key\` header, and an
optional \`X-Request-Id\` header that becomes the events' \`correlationId\` and the request id in the service's logs.
Read-model queries take \`minPosition\` (the \`position\` a command answered) for read-your-writes.

Examples are drawn from Lithuania's National Threat Assessment 2023 (post-Soviet region).`;

/** Builds the OpenAPI 3 description from the controllers and DTOs of an initialised application. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Assessment Ledger')
    .setDescription(DESCRIPTION)
    .setVersion(API_VERSION)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token with sub, roles and clearance claims (`npm run token` in development)' },
      BEARER_AUTH,
    )
    .addTag('assessments', 'Drafting assessments, changing them, and reading them (now, as of a time, their history)')
    .addTag('tradecraft', 'Evidence, key assumptions, indicators and outcomes of an assessment')
    .addTag('dissents', 'Significant disagreements recorded beside the main line')
    .addTag('reports', 'Review-due list, calibration and the analytic-line report')
    .addTag('audit', 'Who changed what, when and why, across assessments')
    .addTag('operations', 'Read-model administration and metrics')
    .addTag('health', 'Liveness and readiness probes')
    .build();
  return SwaggerModule.createDocument(app, config);
}
