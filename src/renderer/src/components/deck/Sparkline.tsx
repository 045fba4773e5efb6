// A column's sentiment sparkline: the last 30 minutes in 30-second buckets as
// stacked areas (negative red, neutral grey, positive green, and on top in
// slate the mentions in languages the model does not read), with the
// column's alerts marked (a line at the bucket that spiked) and capture gaps
// shaded. Tiny, no axes, no animation; re-renders only when the column's
// stats, its alerts or the gaps change.
import { memo, useMemo } from 'react'
import { Area, AreaChart, ReferenceArea, ReferenceLine, XAxis } from 'recharts'
import { STATS_BUCKET_MS, type ColumnStats } from '../../../../shared/domain'
import { SENTIMENT_COLORS } from '../../lib/colors'
import { formatScore } from '../../lib/format'
import { sparkMarks } from '../../lib/marks'
import { summarize, toSparkRows } from '../../lib/stats'
import { useAlertsStore } from '../../state/alerts'
import { useGapsStore } from '../../state/gaps'

const MARGIN = { top: 1, right: 0, bottom: 0, left: 0 }
const SERIES = ['negative', 'neutral', 'positive', 'unscored'] as const
const MARK_COLORS = { spike: '#ffd166', negative: '#ff7b72', vip: '#c39bff' } as const

export const Sparkline = memo(function Sparkline({ stats }: { stats: ColumnStats | undefined }) {
  const rows = useMemo(() => toSparkRows(stats?.buckets ?? []), [stats])
  const summary = useMemo(() => summarize(stats?.buckets ?? []), [stats])
  const alerts = useAlertsStore((s) => s.items)
  const gaps = useGapsStore((s) => s.gaps)
  const first = rows[0]?.t ?? 0
  const last = rows.at(-1)?.t ?? 0
  const marks = useMemo(
    () =>
      sparkMarks(
        stats?.columnId ?? '',
        alerts,
        gaps,
        { from: first, to: last + STATS_BUCKET_MS },
        last + STATS_BUCKET_MS,
      ),
    [stats?.columnId, alerts, gaps, first, last],
  )
  const extra = [
    marks.alerts.length > 0 ? `${marks.alerts.length} alert${marks.alerts.length === 1 ? '' : 's'}` : '',
    marks.gaps.length > 0 ? `${marks.gaps.length} capture gap${marks.gaps.length === 1 ? '' : 's'} shaded` : '',
  ].filter(Boolean)
  const label =
    (summary.count + summary.unscored === 0
      ? 'Sentiment, last 30 minutes: no mentions'
      : summary.count === 0
        ? `Sentiment, last 30 minutes: ${summary.unscored} mentions, all unscored`
        : `Sentiment, last 30 minutes: ${summary.count} mentions, ${Math.round(summary.positiveShare * 100)}% positive, ` +
          `${Math.round(summary.negativeShare * 100)}% negative, mean ${formatScore(summary.mean)}` +
          (summary.unscored > 0 ? ` (${summary.unscored} more unscored)` : '')) +
    (extra.length > 0 ? `; ${extra.join(', ')}` : '')
  return (
    <div
      className="sparkline"
      role="img"
      aria-label={label}
      title={label}
      data-alert-marks={marks.alerts.length}
      data-gap-marks={marks.gaps.length}
    >
      {summary.count + summary.unscored === 0 ? (
        <div className="sparkline-empty" />
      ) : (
        <AreaChart
          data={rows}
          margin={MARGIN}
          responsive
          style={{ width: '100%', height: '100%' }}
          accessibilityLayer={false}
        >
          <XAxis dataKey="t" type="number" domain={[first, last]} hide allowDataOverflow />
          {marks.gaps.map((g) => (
            <ReferenceArea
              key={`gap-${g.from}`}
              x1={g.from}
              x2={g.to}
              fill="#9fb0c1"
              fillOpacity={0.22}
              strokeOpacity={0}
              ifOverflow="hidden"
            />
          ))}
          {SERIES.map((key) => (
            <Area
              key={key}
              dataKey={key}
              type="monotone"
              stackId="sentiment"
              stroke={SENTIMENT_COLORS[key]}
              strokeWidth={1}
              fill={SENTIMENT_COLORS[key]}
              fillOpacity={0.35}
              isAnimationActive={false}
              dot={false}
              activeDot={false}
            />
          ))}
          {marks.alerts.map((a) => (
            <ReferenceLine
              key={`${a.kind}-${a.t}`}
              x={a.t}
              stroke={MARK_COLORS[a.kind]}
              strokeWidth={2}
              strokeDasharray={a.kind === 'negative' ? '3 2' : undefined}
              ifOverflow="hidden"
            />
          ))}
        </AreaChart>
      )}
    </div>
  )
})
