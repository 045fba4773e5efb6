// `jiti test/pg/cluster-cli.ts start` starts a throwaway cluster and prints the
// shell lines to export (EARSHOT_TEST_PG_URL, EARSHOT_TEST_PG_DIR);
// `stop <dir>` stops it and removes its folder. Used by .ci/run.
import { startCluster, stopCluster } from './cluster'

const [, , verb, dir] = process.argv
if (verb === 'start') {
  const c = await startCluster()
  process.stdout.write(`export EARSHOT_TEST_PG_URL='${c.url}'\nexport EARSHOT_TEST_PG_DIR='${c.dir}'\n`)
} else if (verb === 'stop' && dir) {
  stopCluster(dir)
} else {
  process.stderr.write('usage: cluster-cli.ts start | stop <dir>\n')
  process.exitCode = 2
}
