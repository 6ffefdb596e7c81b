import postgres from 'postgres';

/** A new, empty database on the PostgreSQL server of `baseUrl`, for one benchmark, and how to drop it. */
export async function createScratchDatabase(baseUrl: string, prefix: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const name = `${prefix}_${Date.now()}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
