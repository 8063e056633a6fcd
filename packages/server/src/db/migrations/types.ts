/** One versioned schema change. */
export interface Migration {
  /** Applied in ascending order; never reused. */
  version: number;
  name: string;
  /** Statements run in one transaction. */
  sql: string;
}
