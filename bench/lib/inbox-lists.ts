/**
 * The lists the inbox part measures, in report order, and what each is. Apart from the part so
 * the report can read them without running it.
 * @module
 */

export const INBOX_LISTS = ['partnerRequests', 'managerRequestsByDue', 'partnerAnnouncements'] as const;
export type InboxList = (typeof INBOX_LISTS)[number];

const DESCRIPTIONS: Record<InboxList, string> = {
  partnerRequests: "a partner's requests (`GET /v1/requests`, latest activity first)",
  managerRequestsByDue: "a manager's requests by due time (`GET /v1/requests?sort=due`, its partners' only)",
  partnerAnnouncements: "a partner's announcements (`GET /v1/announcements`: audience, read state, unread count)",
};

export const describeInboxList = (list: InboxList): string => DESCRIPTIONS[list];
