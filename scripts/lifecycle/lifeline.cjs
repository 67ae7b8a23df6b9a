// Preloaded (`node --require`) into every node process the project spawns through ownedChild.ts,
// and run by guard.cjs for programs that are not node. The process's stdin is a pipe whose write
// end only its owner holds. However the owner ends (a normal exit, process.exit, a crash, SIGKILL),
// the kernel closes that end, stdin reads EOF, and this process takes its whole process group down
// with it — so nothing the owner started outlives it, whether or not the owner's cleanup code ran.
'use strict';
const { isMainThread } = require('node:worker_threads');

function endGroup() {
  try {
    // ownedChild.ts spawns each child detached: the child leads its own process group.
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // not a group leader (e.g. a grandchild that inherited this preload): end just this process
  }
  process.kill(process.pid, 'SIGKILL');
}

function watch(lifeline) {
  lifeline.on('data', () => undefined); // the owner never writes; reading is how EOF is seen
  lifeline.once('end', endGroup);
  lifeline.once('error', endGroup);
  lifeline.unref(); // waiting for EOF must not keep an otherwise finished process alive
}

// `--require` preloads run in worker threads too (tsx's loader runs in one), where stdin is not the
// lifeline and ends at once.
if (isMainThread) watch(process.stdin);
