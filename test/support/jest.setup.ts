import { Logger } from '@nestjs/common';

// Components log through Nest's Logger; expected failures in tests would only add noise.
Logger.overrideLogger(false);
