// Volume over time, one line per column, with a brush under it: dragging the
// brush's handles picks the window that the review panel searches.
import { memo, useMemo } from 'react'
import { Brush, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { Report } from '../../../../shared/contracts/reports'
import { bucketLabel, columnColor, formatTime, volumeRows } from './series'

const AXIS = '#8a9bae'
const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 }

interface VolumeChartProps {
  report: Report
  /** Bucket indexes of the brushed window. */
  brush: { start: number; end: number }
  onBrush: (start: number, end: number) => void
  /** Print has no pointer: the brush is left out of the printed page. */
  showBrush: boolean
}

export const VolumeChart = memo(function VolumeChart({ report, brush, onBrush, showBrush }: VolumeChartProps) {
  const rows = useMemo(() => volumeRows(report), [report])
  const label = (t: number) => bucketLabel(t, report.bucketMs)
  return (
    <div className="report-chart report-chart--volume" data-testid="volume-chart">
      <LineChart data={rows} margin={MARGIN} responsive style={{ width: '100%', height: '100%' }}>
        <CartesianGrid stroke="#1d2a37" vertical={false} />
        <XAxis dataKey="t" tickFormatter={label} stroke={AXIS} minTickGap={48} fontSize={12} />
        <YAxis allowDecimals={false} stroke={AXIS} width={52} fontSize={12} />
        <Tooltip
          labelFormatter={(t) => formatTime(Number(t))}
          contentStyle={{ background: '#0f161e', border: '1px solid #2b3c4e', borderRadius: 6 }}
          labelStyle={{ color: '#e3eaf1' }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {report.columns.map((c, i) => (
          <Line
            key={c.id}
            dataKey={c.id}
            name={c.title}
            type="monotone"
            stroke={columnColor(i)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {showBrush && (
          <Brush
            dataKey="t"
            height={34}
            travellerWidth={12}
            stroke="#45b8ff"
            fill="#0c1218"
            tickFormatter={label}
            startIndex={brush.start}
            endIndex={brush.end}
            onChange={(r) => onBrush(r.startIndex ?? 0, r.endIndex ?? rows.length - 1)}
          />
        )}
      </LineChart>
    </div>
  )
})
