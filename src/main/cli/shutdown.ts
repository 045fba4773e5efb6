// Stop cleanly on SIGINT/SIGTERM: run the given shutdown once, then exit 0 (1 if it failed).
export function onShutdown(shutdown: () => Promise<void>): void {
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('earshot: shutdown failed:', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
