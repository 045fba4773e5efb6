// RFC 7807 problem bodies as X API v2 sends them (shapes from
// shared/fixtures/x-api-v2: problem_400_invalid_request.json,
// stream_too_many_connections_429.json, stream_operational_disconnect.json).
const TYPE = 'https://api.twitter.com/2/problems'

export const problems = {
  invalidRequest: (detail: string) => ({ title: 'Invalid Request', detail, type: `${TYPE}/invalid-request` }),
  unauthorized: () => ({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }),
  forbidden: (detail: string) => ({ title: 'Forbidden', type: 'about:blank', status: 403, detail }),
  tooManyRequests: () => ({
    title: 'Too Many Requests',
    detail: 'Too Many Requests',
    type: 'about:blank',
    status: 429,
  }),
  serviceUnavailable: () => ({
    title: 'Service Unavailable',
    detail: 'Service Unavailable',
    type: 'about:blank',
    status: 503,
  }),
  tooManyConnections: () => ({
    title: 'ConnectionException',
    detail: 'This stream is currently at the maximum allowed connection limit.',
    connection_issue: 'TooManyConnections',
    type: `${TYPE}/streaming-connection`,
  }),
  noRules: () => ({
    title: 'ConnectionException',
    detail: 'This stream has no rules; add rules before connecting.',
    connection_issue: 'RuleConfigurationIssue',
    type: `${TYPE}/streaming-connection`,
  }),
  operationalDisconnect: (disconnectType: string) => ({
    errors: [
      {
        title: 'operational-disconnect',
        disconnect_type: disconnectType,
        detail: 'This stream has been disconnected upstream for operational reasons.',
        type: `${TYPE}/operational-disconnect`,
      },
    ],
  }),
  invalidRule: (value: string, details: string[]) => ({
    value,
    details,
    title: 'Invalid Rule',
    type: `${TYPE}/invalid-rules`,
  }),
  duplicateRule: (value: string, id: string) => ({
    value,
    id,
    title: 'DuplicateRule',
    type: `${TYPE}/duplicate-rules`,
  }),
  ruleCap: (value: string) => ({
    value,
    title: 'RulesCapExceeded',
    detail: 'Rule cap exceeded: you may have at most 1000 rules.',
    type: `${TYPE}/rule-cap`,
  }),
}
