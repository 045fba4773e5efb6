// Sentiment colours for SVG (recharts takes literal colours); the same values
// as --pos / --neu / --neg in styles/base.css.
export const SENTIMENT_COLORS = {
  positive: '#3fb950',
  neutral: '#7d8896',
  negative: '#f0524a',
} as const
