import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** The Redis the tests of several instances use: REDIS_URL, or the local one `.ci/run` starts. */
export const testRedisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Whether that Redis answers a PING (tests that need it are skipped, not failed, without it). */
export function redisReachable(url = testRedisUrl): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A key prefix of its own for one test file: tests sharing the Redis never see each other's documents. */
export const testRedisPrefix = () => `mgi-test-${randomBytes(5).toString('hex')}`;
