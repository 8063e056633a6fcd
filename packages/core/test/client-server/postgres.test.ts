/** The client's suite against the reference server on PostgreSQL (PARTNERKIT_TEST_DATABASE_URL). */
import { describe } from 'node:test';
import { POSTGRES_URL } from './server.ts';
import { clientServerSuite } from './suite.ts';

if (POSTGRES_URL) clientServerSuite('postgres');
else describe('the client against the reference server on postgres', { skip: 'PARTNERKIT_TEST_DATABASE_URL is not set' }, () => {});
