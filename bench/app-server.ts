import { serverEntry } from '../cli/build-if-needed';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** A port nothing listens on now, chosen by the system: benchmarks and tests never collide with what runs. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Starts the production build on a port with the given database settings; resolves when it answers. */
export async function startAppServer(port: number, env: Record<string, string>, options: { onStderr?: (text: string) => void } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverEntry(process.env.MGI_DIST_DIR || '.next'), '--port', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', options.onStderr ? 'pipe' : 'inherit'],
  });
  child.stderr?.on('data', (chunk: Buffer) => options.onStderr?.(chunk.toString('utf8')));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${port}/login`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`The app did not start on port ${port} within 60 s.`);
}

export async function stopAppServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
