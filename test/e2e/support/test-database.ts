/** The tests create and change data freely: never let them near a database not named for tests. */
export function assertTestDatabase(url: string): void {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    throw new Error('DATABASE_URL is not a valid URL; refusing to run the tests.');
  }
  if (!name.toLowerCase().includes('test')) {
    throw new Error(
      `Refusing to run the tests against database "${name}": its name must contain "test". ` +
        'Unset DATABASE_URL to use a throw-away embedded database.',
    );
  }
}
