// A column's sentiment sparkline: the last 30 minutes in 30-second buckets as
// stacked areas (negative red, neutral grey, positive green). Tiny, no axes,
// no animation; re-renders only when the column's stats object changes.
import { memo, useMemo } from 'react'
import { Area, AreaChart } from 'recharts'
import type { ColumnStats } from '../../../shared/domain'
import { SENTIMENT_COLORS } from '../lib/colors'
import { formatScore } from '../lib/format'
import { summarize, toSparkRows } from '../lib/stats'

const MARGIN = { top: 1, right: 0, bottom: 0, left: 0 }
const SERIES = ['negative', 'neutral', 'positive'] as const

export const Sparkline = memo(function Sparkline({ stats }: { stats: ColumnStats | undefined }) {
  const rows = useMemo(() => toSparkRows(stats?.buckets ?? []), [stats])
  const summary = useMemo(() => summarize(stats?.buckets ?? []), [stats])
  const label =
    summary.count === 0
      ? 'Sentiment, last 30 minutes: no mentions'
      : `Sentiment, last 30 minutes: ${summary.count} mentions, ${Math.round(summary.positiveShare * 100)}% positive, ` +
        `${Math.round(summary.negativeShare * 100)}% negative, mean ${formatScore(summary.mean)}`
  return (
    <div className="sparkline" role="img" aria-label={label} title={label}>
      {summary.count === 0 ? (
        <div className="sparkline-empty" />
      ) : (
        <AreaChart
          data={rows}
          margin={MARGIN}
          responsive
          style={{ width: '100%', height: '100%' }}
          accessibilityLayer={false}
        >
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
        </AreaChart>
      )}
    </div>
  )
})
