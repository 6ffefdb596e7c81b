import { describe, expect, it } from 'vitest';
import { getEnv, requireAuthSecret } from './env';

describe('getEnv', () => {
  it('applies defaults', () => {
    const env = getEnv({});
    expect(env.MGI_DATA_DIR).toBe('.data');
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.SESSION_MAX_HOURS).toBe(12);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('derives the app URL from PORT and treats blank values as unset', () => {
    const env = getEnv({ PORT: '4000', DATABASE_URL: '', SMTP_URL: '' });
    expect(env.APP_URL).toBe('http://localhost:4000');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads the build folder and the metrics switch of the production server', () => {
    expect(getEnv({})).toMatchObject({ MGI_DIST_DIR: '.next', MGI_METRICS: false });
    expect(getEnv({ MGI_DIST_DIR: '.next-ci', MGI_METRICS: '1' })).toMatchObject({ MGI_DIST_DIR: '.next-ci', MGI_METRICS: true });
    expect(() => getEnv({ MGI_METRICS: 'yes' })).toThrowError(/MGI_METRICS must be 1 \(on\) or 0 \(off\)/);
  });

  it('reads how often digest emails may go out, and names a bad value', () => {
    expect(getEnv({}).NOTIFICATION_DIGEST_MINUTES).toBe(15);
    expect(getEnv({ NOTIFICATION_DIGEST_MINUTES: '0' }).NOTIFICATION_DIGEST_MINUTES).toBe(0);
    expect(() => getEnv({ NOTIFICATION_DIGEST_MINUTES: 'hourly' })).toThrowError(/NOTIFICATION_DIGEST_MINUTES must be a number of minutes/);
    expect(() => getEnv({ NOTIFICATION_DIGEST_MINUTES: '-5' })).toThrowError(/NOTIFICATION_DIGEST_MINUTES/);
  });

  it('reads the trusted proxies, and names a bad entry', () => {
    expect(getEnv({}).TRUSTED_PROXIES).toBe('');
    expect(getEnv({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5,::1' }).TRUSTED_PROXIES).toBe('10.0.0.0/8, 192.168.1.5,::1');
    expect(() => getEnv({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.example' })).toThrowError(/TRUSTED_PROXIES: "proxy.example" is not an IP address/);
    expect(() => getEnv({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrowError(/"10.0.0.0\/33"/);
  });

  it('reads the Redis that several instances share, and names a bad one', () => {
    expect(getEnv({}).REDIS_URL).toBeUndefined();
    expect(getEnv({}).REDIS_PREFIX).toBe('mgi');
    expect(getEnv({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'mgi-staging' })).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'mgi-staging',
    });
    expect(getEnv({ REDIS_URL: 'rediss://user:pw@cache.example.org:6380/2' }).REDIS_URL).toBe('rediss://user:pw@cache.example.org:6380/2');
    expect(() => getEnv({ REDIS_URL: 'http://cache.example.org' })).toThrowError(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(() => getEnv({ REDIS_URL: '127.0.0.1:6379' })).toThrowError(/REDIS_URL/);
    expect(() => getEnv({ REDIS_PREFIX: 'a b' })).toThrowError(/REDIS_PREFIX/);
  });

  it('lists every bad variable in one message', () => {
    const attempt = () => getEnv({ PORT: 'abc', DATABASE_URL: 'not a url', AUTH_SECRET: 'short' });
    expect(attempt).toThrowError(/PORT: PORT must be a port number/);
    expect(attempt).toThrowError(/DATABASE_URL: DATABASE_URL must be a URL/);
    expect(attempt).toThrowError(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
  });

  it('requires AUTH_SECRET in production only', () => {
    expect(() => requireAuthSecret(getEnv({ NODE_ENV: 'production' }))).toThrowError(/AUTH_SECRET is not set/);
    expect(requireAuthSecret(getEnv({ NODE_ENV: 'development' }))).toMatch(/development-only/);
    const secret = 'x'.repeat(40);
    expect(requireAuthSecret(getEnv({ NODE_ENV: 'production', AUTH_SECRET: secret }))).toBe(secret);
  });
});
