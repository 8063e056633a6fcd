/** The client's suite against the reference server on embedded PGlite. */
import { clientServerSuite } from './suite.ts';

clientServerSuite('pglite');
