// Sentiment colours for SVG (recharts takes literal colours); the same values
// as --pos / --neu / --neg in styles/base.css.
export const SENTIMENT_COLORS = {
  positive: '#3fb950',
  neutral: '#909cab',
  negative: '#f26b63',
  unscored: '#4d5866',
} as const
