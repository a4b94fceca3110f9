import { ConfigError, loadConfig } from '../../../src/config/app-config.js';

const errorOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('READY_MAX_LAG and METRICS_PUBLIC configuration', () => {
  it('defaults to 1000 positions and public metrics', () => {
    expect(loadConfig({})).toEqual(expect.objectContaining({ readyMaxLag: 1000, metricsPublic: true }));
  });

  it('reads both', () => {
    expect(loadConfig({ READY_MAX_LAG: '0', METRICS_PUBLIC: 'false' })).toEqual(expect.objectContaining({ readyMaxLag: 0, metricsPublic: false }));
    expect(loadConfig({ READY_MAX_LAG: '250000', METRICS_PUBLIC: 'TRUE' })).toEqual(expect.objectContaining({ readyMaxLag: 250000, metricsPublic: true }));
  });

  it.each([
    [{ READY_MAX_LAG: '-1' }, 'READY_MAX_LAG', /must be an integer from 0/],
    [{ READY_MAX_LAG: 'lots' }, 'READY_MAX_LAG', /must be an integer from 0/],
    [{ METRICS_PUBLIC: 'yes' }, 'METRICS_PUBLIC', /must be one of true, false \(got "yes"\)/],
  ])('refuses %p naming the variable', (env, variable, message) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable} `));
    expect(error.message).toMatch(message);
  });
});

describe('REQUEST_TIMEOUT_MS and SHUTDOWN_GRACE_MS configuration', () => {
  it('defaults to 30 s for a request to arrive and 10 s of grace on shutdown', () => {
    expect(loadConfig({})).toEqual(expect.objectContaining({ requestTimeoutMs: 30_000, shutdownGraceMs: 10_000 }));
  });

  it('reads both; a grace of 0 cuts at once', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', SHUTDOWN_GRACE_MS: '0' })).toEqual(expect.objectContaining({ requestTimeoutMs: 5000, shutdownGraceMs: 0 }));
  });

  it.each([
    [{ REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS'],
    [{ REQUEST_TIMEOUT_MS: '1.5' }, 'REQUEST_TIMEOUT_MS'],
    [{ SHUTDOWN_GRACE_MS: '-1' }, 'SHUTDOWN_GRACE_MS'],
  ])('refuses %p naming the variable', (env, variable) => {
    expect(errorOf(env)).toMatchObject({ variable, message: expect.stringMatching(/must be an integer from/) });
  });
});

describe('PROJECTOR_STATES configuration', () => {
  it('defaults to 50,000 folded states and reads another bound', () => {
    expect(loadConfig({}).projectorStates).toBe(50_000);
    expect(loadConfig({ PROJECTOR_STATES: '250000' }).projectorStates).toBe(250_000);
  });

  it.each(['0', '99', 'many'])('refuses %p naming the variable', (value) => {
    const error = errorOf({ PROJECTOR_STATES: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('PROJECTOR_STATES');
  });
});
