import type { Queryable } from '../database.js';

/** One versioned schema change. */
export interface Migration {
  /** Applied in ascending order; never reused. */
  version: number;
  name: string;
  /** Statements run in one transaction. */
  sql: string;
  /**
   * Work SQL alone cannot do (values only core's rules compute), run after `sql` in the same
   * transaction. Like `sql`, it never changes once released.
   */
  run?: (tx: Queryable) => Promise<void>;
}
