// Sentiment share over time: positive / neutral / negative as shares of each
// bucket (stacked to 100%), over every chosen column.
import { memo, useMemo } from 'react'
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import type { Report } from '../../../../shared/contracts/reports'
import { SENTIMENT_COLORS } from '../../lib/colors'
import { bucketLabel, formatTime, sentimentRows } from './series'

const AXIS = '#8a9bae'
const SERIES = ['negative', 'neutral', 'positive', 'unscored'] as const

export const SentimentChart = memo(function SentimentChart({ report }: { report: Report }) {
  const rows = useMemo(() => sentimentRows(report), [report])
  return (
    <div className="report-chart" data-testid="sentiment-chart">
      <AreaChart
        data={rows}
        stackOffset="expand"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        responsive
        style={{ width: '100%', height: '100%' }}
      >
        <CartesianGrid stroke="#1d2a37" vertical={false} />
        <XAxis
          dataKey="t"
          tickFormatter={(t: number) => bucketLabel(t, report.bucketMs)}
          stroke={AXIS}
          minTickGap={48}
          fontSize={12}
        />
        <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} stroke={AXIS} width={52} fontSize={12} />
        <Tooltip
          labelFormatter={(t) => formatTime(Number(t))}
          contentStyle={{ background: '#0f161e', border: '1px solid #2b3c4e', borderRadius: 6 }}
          labelStyle={{ color: '#e3eaf1' }}
        />
        {SERIES.map((key) => (
          <Area
            key={key}
            dataKey={key}
            name={key}
            type="monotone"
            stackId="sentiment"
            stroke={SENTIMENT_COLORS[key]}
            fill={SENTIMENT_COLORS[key]}
            fillOpacity={0.45}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </div>
  )
})
