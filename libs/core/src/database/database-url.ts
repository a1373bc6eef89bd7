/**
 * Refuses to let a test touch a database whose name does not say it is one: a wrong DATABASE_URL
 * in a developer's shell must never let the test suite drop real data.
 */
export function assertTestDatabase(url: string): void {
  const name = databaseName(url);
  if (!name.includes('test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}
