/**
 * A child process for the data directory lock tests: opens the embedded database in the
 * directory given as its argument and prints `opened <pid>` or `locked <holder pid>`, then holds
 * the database open until its stdin closes.
 */
import { DataDirLockedError, openDatabase } from '../../src/index.ts';

const dataDir = process.argv[2] as string;
try {
  const db = await openDatabase({ dataDir }, { migrate: false });
  process.stdout.write(`opened ${process.pid}\n`);
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
  await db.close();
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`locked ${error.holder.pid}\n`);
}
