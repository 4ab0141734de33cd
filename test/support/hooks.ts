// Root hooks: nothing yet; the test server is started lazily by test/support/db.ts.
export const mochaHooks = {};
