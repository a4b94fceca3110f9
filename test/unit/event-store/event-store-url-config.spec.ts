import { ConfigError, loadConfig } from '../../../src/config/app-config.js';

describe('EVENTSTORE_URL configuration', () => {
  it('leaves the embedded store in place when unset or blank', () => {
    expect(loadConfig({}).eventStoreUrl).toBeUndefined();
    expect(loadConfig({ EVENTSTORE_URL: '   ' }).eventStoreUrl).toBeUndefined();
  });

  it.each([
    'kurrentdb://localhost:2113?tls=false',
    'kurrent://admin:changeit@db.internal:2113',
    'kurrentdb+discover://cluster.internal:2113',
    'esdb://localhost:2113?tls=false',
    'esdb+discover://cluster.internal:2113',
    'kurrentdb://node1:2113,node2:2113,node3:2113?tls=false',
  ])('accepts %s', (url) => {
    expect(loadConfig({ EVENTSTORE_URL: ` ${url} ` }).eventStoreUrl).toBe(url);
  });

  it.each(['http://localhost:2113', 'localhost:2113', 'kurrentdb://', 'KURRENTDB://localhost:2113', 'tcp://localhost:1113'])(
    'refuses %s with a ConfigError naming the variable',
    (url) => {
      const error = (() => {
        try {
          loadConfig({ EVENTSTORE_URL: url });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ variable: 'EVENTSTORE_URL' });
      expect((error as Error).message).toContain('EVENTSTORE_URL');
    },
  );

  it('does not echo a password from a refused connection string', () => {
    expect(() => loadConfig({ EVENTSTORE_URL: 'https://admin:s3cret@db:2113' })).toThrow(/https:\/\/\*\*\*@db:2113/);
    expect(() => loadConfig({ EVENTSTORE_URL: 'https://admin:s3cret@db:2113' })).not.toThrow(/s3cret/);
  });
});
