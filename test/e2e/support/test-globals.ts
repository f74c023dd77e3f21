/** Key under which global-setup leaves the embedded database for global-teardown (same process). */
export const EMBEDDED_TEST_DATABASE = Symbol.for('chaeum.embeddedTestDatabase');
