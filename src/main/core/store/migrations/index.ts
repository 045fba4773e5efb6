// Every schema step, in order. Add a step as a new numbered file and list it here.
import { initial } from './0010-initial'
import { queryFields } from './0020-query-fields'
import { operations } from './0030-operations'
import { alerts } from './0045-alerts'
import { reportIndex } from './0055-report-index'
import { collapseReposts } from './0060-collapse-reposts'
import { triage } from './0070-triage'
import { threadReplies } from './0075-thread-replies'
import { sourceRevisions } from './0080-source-revisions'
import { mentionIdFloor } from './0090-mention-id-floor'
import { sentimentScorer } from './0100-sentiment-scorer'
import { alertDelivery } from './0110-alert-delivery'
import { reviewRating } from './0120-review-rating'
import { archiveCopies } from './0130-archive-copies'
import { operators } from './0140-operators'
import { auditLog } from './0150-audit-log'
import { leases } from './0160-leases'
import { operatorReads } from './0170-operator-reads'
import type { Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [
  initial,
  queryFields,
  operations,
  alerts,
  reportIndex,
  collapseReposts,
  triage,
  threadReplies,
  sourceRevisions,
  mentionIdFloor,
  sentimentScorer,
  alertDelivery,
  reviewRating,
  archiveCopies,
  operators,
  auditLog,
  leases,
  operatorReads,
]
