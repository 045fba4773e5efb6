// The in-app cheat sheet's content: every piece of query syntax with what it
// means and an example. Data only, so the query editor and the README render
// the same list; a test parses every example, so none can go stale.

export interface CheatsheetEntry {
  syntax: string
  meaning: string
  example: string
}

export const QUERY_CHEATSHEET: readonly CheatsheetEntry[] = [
  { syntax: 'word', meaning: 'Posts containing the word (any case, accents ignored)', example: 'comcast' },
  { syntax: 'word-word', meaning: 'A word with punctuation inside matches as a phrase', example: 'mach-e' },
  { syntax: '"exact phrase"', meaning: 'The words next to each other, in this order', example: '"whole foods"' },
  { syntax: 'a b', meaning: 'Both (a space means AND)', example: 'comcast outage' },
  {
    syntax: 'a OR b',
    meaning: 'Either; OR must be upper case and binds looser than AND',
    example: 'comcast OR xfinity',
  },
  { syntax: '( )', meaning: 'Group terms', example: 'jetblue (delay OR cancelled)' },
  {
    syntax: '-term',
    meaning: 'Exclude; works on words, phrases, operators and groups',
    example: 'ford -"ford fiesta"',
  },
  { syntax: 'NOT term', meaning: 'Same as -term', example: 'oreo NOT recipe' },
  { syntax: '#hashtag', meaning: 'Posts with this hashtag', example: '#WholeFoods' },
  { syntax: '@handle', meaning: 'Posts mentioning the user, or posted by them', example: '@JetBlue' },
  { syntax: 'from:handle', meaning: 'Posts by this account', example: 'from:comcastcares' },
  { syntax: 'to:handle', meaning: 'Replies to this account', example: 'to:JetBlue' },
  {
    syntax: '@name.host / @user@host',
    meaning: 'Bluesky and Mastodon handles work in @, from: and to: (matched here, never sent to X)',
    example: 'from:alice.bsky.social OR @support@mastodon.social',
  },
  { syntax: 'lang:xx', meaning: 'Posts in this language; lang:pt also matches pt-BR', example: 'lang:pt-BR' },
  {
    syntax: 'source:name',
    meaning: 'Posts from one source: x, bluesky, mastodon, rss, hackernews, reddit, appstore, demo, replay or import',
    example: 'source:bluesky',
  },
  { syntax: 'is:reply', meaning: 'Only replies', example: 'zappos is:reply' },
  { syntax: 'is:repost', meaning: 'Only reposts (is:retweet works too)', example: 'oreo -is:repost' },
  { syntax: 'is:quote', meaning: 'Only quote posts', example: 'ford is:quote' },
  { syntax: 'has:links', meaning: 'Posts containing a link', example: 'comcast has:links' },
  { syntax: 'has:media', meaning: 'Posts with images or video', example: 'oreo has:media' },
  {
    syntax: 'sentiment:label',
    meaning: 'Posts scored positive, neutral or negative',
    example: 'jetblue sentiment:negative',
  },
  { syntax: 'min_followers:N', meaning: 'Authors with at least N followers', example: 'comcast min_followers:10000' },
  {
    syntax: 'rating:<=N',
    meaning: 'Reviews with this star rating (1–5; <, <=, >, >= or none for exactly)',
    example: 'rating:<=2 source:appstore',
  },
  {
    syntax: 'url:"text"',
    meaning: 'A link in the post contains this text (any case)',
    example: 'url:"wholefoodsmarket.com"',
  },
]
