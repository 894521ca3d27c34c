/**
 * The staff console's words, one file per capability; `cmsMessages` joins them for the
 * pages and actions that use several.
 */
import { cmsAuditMessages } from "./audit";
import { cmsCasesMessages } from "./cases";
import { cmsCommonMessages, cmsErrorsMessages, cmsFieldMessages } from "./common";
import { cmsDirectoryMessages } from "./directory";
import { cmsEventsMessages } from "./events";
import { cmsNewsMessages } from "./news";
import { cmsOpinionsMessages } from "./opinions";
import { cmsRegistrationsMessages } from "./registrations";
import { cmsStatsMessages } from "./stats";
import { cmsUsersMessages } from "./users";

/** All of the above, as `messages.cms` (lib/messages/index.ts). */
export const cmsMessages = {
  common: cmsCommonMessages,
  errors: cmsErrorsMessages,
  field: cmsFieldMessages,
  news: cmsNewsMessages,
  events: cmsEventsMessages,
  registrations: cmsRegistrationsMessages,
  directory: cmsDirectoryMessages,
  users: cmsUsersMessages,
  stats: cmsStatsMessages,
  audit: cmsAuditMessages,
  cases: cmsCasesMessages,
  opinions: cmsOpinionsMessages,
} as const;

export {
  cmsAuditMessages,
  cmsCasesMessages,
  cmsCommonMessages,
  cmsDirectoryMessages,
  cmsErrorsMessages,
  cmsEventsMessages,
  cmsFieldMessages,
  cmsNewsMessages,
  cmsOpinionsMessages,
  cmsRegistrationsMessages,
  cmsStatsMessages,
  cmsUsersMessages,
};
