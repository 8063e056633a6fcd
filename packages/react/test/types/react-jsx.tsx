// Type tests of the tags in React 19's JSX (@partnerkit/elements/types/react). Every line compiles
// except those under `@ts-expect-error`, which must not. Checked by the workspace's typecheck and,
// against the packed packages, at both ends of the supported TypeScript range (scripts/published/).
// #region usage
/// <reference types="@partnerkit/elements/types/react" />
// #endregion usage
import type { PartnerKitClient } from '@partnerkit/core/client';

declare const client: PartnerKitClient;
declare function toast(text: string): void;

export const page = (
  <partnerkit-provider base-url="https://prm.example.com/api" session-url="/partnerkit/session" onpk-error={(event) => toast(event.detail.data.code)}>
    <partner-scorecard partner-id="pt_0001" period="2026-Q3" lang="vi" onpk-scorecard-load={(event) => toast(String(event.detail.data.scorecard.score))} />
    <deal-register partnerId="pt_0001" view="list" onpk-deal-submitted={(event) => toast(event.detail.data.deal.number)} />
    <resource-library layout="grid" page-size={24} client={client} className="library" />
  </partnerkit-provider>
);

export const wrongView = (
  // @ts-expect-error view is 'register' or 'list'
  <deal-register view="kanban" />
);
export const wrongEvent = (
  // @ts-expect-error the listener receives the event's own class
  <deal-register onpk-deal-submitted={(event: KeyboardEvent) => toast(event.key)} />
);
export const wrongProperty = (
  // @ts-expect-error no such property
  <partner-scorecard partnerID="pt_0001" />
);
export const wrongClient = (
  // @ts-expect-error client is a PartnerKitClient
  <resource-library client="https://prm.example.com/api" />
);
