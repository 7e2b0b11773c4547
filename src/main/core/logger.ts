import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Paths pino blanks out wherever they appear in a log object. Tokens should never reach a log call
 * in the first place; this is the second line of defence.
 */
const REDACT = [
  'token',
  'partnerToken',
  'userToken',
  'user_token',
  'password',
  'authorization',
  'Authorization',
  '*.token',
  '*.partnerToken',
  '*.userToken',
  '*.user_token',
  '*.password',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

export interface LoggerOptions {
  /** A file to append JSON lines to; stderr when absent. */
  file?: string;
  /** A ready-made destination (the Electron shell's rotating log file); wins over `file`. */
  destination?: pino.DestinationStream;
  level?: pino.Level | 'silent';
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const destination = opts.destination
    ? opts.destination
    : opts.file
      ? pino.destination({ dest: opts.file, mkdir: true, sync: true })
      : pino.destination(2);
  return pino(
    {
      level: opts.level ?? process.env['FRONT_DESK_LOG_LEVEL'] ?? 'info',
      redact: { paths: REDACT, censor: '[redacted]' },
      base: undefined,
    },
    destination,
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
