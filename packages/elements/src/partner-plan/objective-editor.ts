/**
 * What the objective form loads on its first opening: the programme's KPIs (a measured objective
 * names one), the checks against the contract (`objective-model.ts`), the template
 * (`objective-view.ts`) and the form's words in both languages.
 * @module
 */
import { kpis } from '@partnerkit/core/client/kpis';
import type { Kpi } from '@partnerkit/core/schemas';
import type { PartnerKitHost } from '../platform/host.js';
import { LocalizeController } from '../platform/localize.js';
import { objectiveEn, type ObjectiveMessages } from './i18n/objective-en.js';
import { objectiveVi } from './i18n/objective-vi.js';
import { buildObjectiveInput, buildObjectivePatch, refusedProblems } from './objective-model.js';
import { renderObjectiveForm } from './objective-view.js';

/** The form's code, with the KPIs it offers and its words. */
export interface ObjectiveEditor {
  readonly kpis: readonly Kpi[];
  readonly words: LocalizeController<ObjectiveMessages>;
  readonly buildObjectiveInput: typeof buildObjectiveInput;
  readonly buildObjectivePatch: typeof buildObjectivePatch;
  readonly refusedProblems: typeof refusedProblems;
  readonly render: typeof renderObjectiveForm;
}

/** Reads the programme's KPIs (every page) with `host`'s client; rejects when they cannot be read (the form offers a retry). */
export async function loadObjectiveEditor(host: PartnerKitHost): Promise<ObjectiveEditor> {
  const client = host.resolvedClient;
  if (!client) throw new Error('<partner-plan> has no client');
  const all: Kpi[] = [];
  for await (const kpi of kpis(client).iterate({ limit: 200 })) all.push(kpi);
  return {
    kpis: all,
    words: new LocalizeController(host, { en: objectiveEn, vi: objectiveVi }),
    buildObjectiveInput,
    buildObjectivePatch,
    refusedProblems,
    render: renderObjectiveForm,
  };
}
