/**
 * The demo site's own idea of who may sign in: one channel manager, and one user for each of a
 * few partners in different tiers. A real host takes this from its own login; PartnerKit never
 * decides who a person is, it only receives the role and partner the host vouches for.
 * @module
 */
import type { PartnerKitClient } from '@partnerkit/core/client';
import type { Partner, SessionInput, Tier } from '@partnerkit/core/schemas';

/** A person the demo site can sign in. */
export interface DemoUser {
  id: string;
  name: string;
  email: string;
}

/** A partner as the demo's pickers show it. */
export interface PartnerEntry {
  partner: Partner;
  tier: Tier | null;
}

/** A partner user the partner portal offers to sign in as. */
export interface PortalAccount extends PartnerEntry {
  user: DemoUser;
}

/** The channel manager signed in on the intranet. */
export const DEMO_MANAGER: DemoUser = { id: 'mgr_linh', name: 'Đặng Mai Linh', email: 'linh.dang@vendor.example' };

/** The channel managers who review applications on the intranet (two, so an application gets two evaluations). */
export const DEMO_REVIEWERS: readonly DemoUser[] = [DEMO_MANAGER, { id: 'mgr_oliver', name: 'Oliver Grant', email: 'oliver.grant@vendor.example' }];

const PEOPLE_EN = ['Alex Morgan', 'Priya Shah', 'Tom Becker', 'Grace Lee', 'Daniel Ortiz', 'Hannah Cole'];
const PEOPLE_VI = ['Nguyễn Thu Hà', 'Trần Minh Quân', 'Lê Hoàng Anh', 'Phạm Bảo Ngọc', 'Võ Đức Thắng', 'Bùi Thanh Tâm'];

/** `Nguyễn Thu Hà` -> `nguyen.thu.ha`, for a plausible e-mail address. */
function mailbox(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** The demo user of `partner` (the n-th account offered). */
function partnerUser(partner: Partner, n: number): DemoUser {
  const people = partner.country === 'VN' ? PEOPLE_VI : PEOPLE_EN;
  const name = people[n % people.length] as string;
  return { id: `demo_${partner.id}`, name, email: `${mailbox(name)}@${partner.domains[0] ?? 'partner.example'}` };
}

/** What the demo knows about its programme, read through the admin API on each use. */
export class DemoDirectory {
  constructor(private readonly admin: PartnerKitClient) {}

  /** Active partners by name, each with its tier: the intranet's picker. */
  async partners(): Promise<PartnerEntry[]> {
    const [tiers, partners] = await Promise.all([this.tiers(), this.activePartners()]);
    return partners.sort((a, b) => a.name.localeCompare(b.name)).map((partner) => ({ partner, tier: tiers.get(partner.tierId ?? '') ?? null }));
  }

  /**
   * The first active partner of each tier, lowest tier first, with its demo user, then the first
   * partner new to the programme (it has the programme agreement to accept before it registers deals):
   * the portal's picker. `requested`, the partner the page's address names, is offered too when it
   * is active or new to the programme: one whose application was just approved signs in to onboard,
   * and one that moved up a tier keeps its sign-in instead of handing it to the next of its old tier.
   */
  async portalAccounts(requested?: string): Promise<PortalAccount[]> {
    const [tiers, partners, newcomer, named] = await Promise.all([this.tiers(), this.activePartners(), this.onboardingPartner(), this.namedPartner(requested)]);
    const ranked = [...tiers.values()].sort((a, b) => a.rank - b.rank);
    const accounts: PortalAccount[] = [];
    for (const tier of ranked) {
      const partner = partners.find((p) => p.tierId === tier.id);
      if (partner) accounts.push({ partner, tier, user: partnerUser(partner, accounts.length) });
    }
    for (const partner of [newcomer, named]) {
      if (partner && !accounts.some((a) => a.partner.id === partner.id)) accounts.push({ partner, tier: tiers.get(partner.tierId ?? '') ?? null, user: partnerUser(partner, accounts.length) });
    }
    return accounts;
  }

  /** Partner `id` if it is active or new to the programme (onboarding or a prospect). */
  private async namedPartner(id: string | undefined): Promise<Partner | undefined> {
    if (!id) return undefined;
    const partner = await this.admin.partners.get(id).catch(() => undefined);
    return partner && (partner.status === 'active' || partner.status === 'onboarding' || partner.status === 'prospect') ? partner : undefined;
  }

  /** A partner new to the programme (onboarding, else a prospect), if the programme has one. */
  private async onboardingPartner(): Promise<Partner | undefined> {
    for (const status of ['onboarding', 'prospect'] as const) {
      const [partner] = (await this.admin.partners.list({ status, limit: 1 })).data;
      if (partner) return partner;
    }
    return undefined;
  }

  /** The session input for `as` (`manager`, a reviewer's id or an offered partner's id), or null for anyone else. */
  async sessionFor(as: string): Promise<SessionInput | null> {
    if (as === 'manager') return { role: 'manager', user: DEMO_MANAGER };
    const reviewer = DEMO_REVIEWERS.find((r) => r.id === as);
    if (reviewer) return { role: 'manager', user: reviewer };
    const account = (await this.portalAccounts(as)).find((a) => a.partner.id === as);
    return account ? { role: 'partner', partnerId: account.partner.id, user: account.user } : null;
  }

  private async tiers(): Promise<Map<string, Tier>> {
    const tiers = new Map<string, Tier>();
    for await (const tier of this.admin.tiers.iterate({ limit: 200 })) tiers.set(tier.id, tier);
    return tiers;
  }

  private async activePartners(): Promise<Partner[]> {
    const partners: Partner[] = [];
    for await (const partner of this.admin.partners.iterate({ status: 'active', limit: 200 })) partners.push(partner);
    return partners;
  }
}
