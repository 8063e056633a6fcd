// CommonJS consumers: `require()` of the ESM packages (Node 20.19+, 22.12+, 24; TypeScript 5.8+
// under `module: nodenext`). Must compile like client.ts; run for real in scripts/published/.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS consumers are what this file is about */
import client = require('@partnerkit/core/client');
import rules = require('@partnerkit/core/rules');

const admin = client.createClient({ baseUrl: 'https://prm.example.com/api', token: process.env['PARTNERKIT_ADMIN_KEY'] });
const months: string[] = rules.monthsOf('2026-Q3');
const isError = (error: unknown): boolean => client.isPartnerKitError(error);
void [admin, months, isError];
