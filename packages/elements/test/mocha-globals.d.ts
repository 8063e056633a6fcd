// The globals @web/test-runner's mocha defines in the browser, typed for `tsc` (the project does
// not depend on @types/mocha). Only what the elements' tests use.
interface MochaTestContext {
  /** Marks the running test or hook as skipped (ends it). */
  skip(): never;
  /** Sets this test's or hook's timeout in milliseconds. */
  timeout(ms: number): void;
}
type MochaBody = (this: MochaTestContext) => void | Promise<unknown>;
interface MochaDescribe {
  (title: string, body: (this: MochaTestContext) => void): void;
  only(title: string, body: (this: MochaTestContext) => void): void;
  skip(title: string, body: (this: MochaTestContext) => void): void;
}
interface MochaIt {
  (title: string, body?: MochaBody): void;
  only(title: string, body?: MochaBody): void;
  skip(title: string, body?: MochaBody): void;
}
declare const describe: MochaDescribe;
declare const it: MochaIt;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
