import { clusterSeeds } from './redis';

describe('Redis Cluster seed nodes', () => {
  it('reads host:port lists and URLs with credentials and TLS', () => {
    expect(clusterSeeds('10.0.0.1:7000, 10.0.0.2:7001')).toEqual({ nodes: [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }], options: {} });
    expect(clusterSeeds('rediss://svc:p%40ss@cache-1:6380,rediss://svc:p%40ss@cache-2:6380')).toEqual({
      nodes: [{ host: 'cache-1', port: 6380 }, { host: 'cache-2', port: 6380 }],
      options: { username: 'svc', password: 'p@ss', tls: {} }
    });
  });
});
