/**
 * The parts of the contract the mock serves, one module each, like the reference server's route
 * modules. A new part of the contract is a new module here: its routes (paths with `:id`
 * parameters and a handler per method) on the shared state, using core's schemas to read
 * requests and core's rules to decide; see docs/mock.md, "Adding a part".
 * @module
 */
import type { MockPart } from '../context.js';
import { communicationPart } from './communication.js';
import { agreementsPart } from './agreements.js';
import { dealsPart } from './deals.js';
import { enablementPart } from './enablement.js';
import { eventsPart } from './events.js';
import { openApiPart } from './openapi.js';
import { partnersPart } from './partners.js';
import { plansPart } from './plans.js';
import { programmePart } from './programme.js';
import { recruitmentPart } from './recruitment.js';
import { resourcesPart } from './resources.js';
import { sessionsPart } from './sessions.js';

export const PARTS: readonly MockPart[] = [openApiPart, sessionsPart, programmePart, partnersPart, dealsPart, resourcesPart, plansPart, agreementsPart, recruitmentPart, enablementPart, communicationPart, eventsPart];
