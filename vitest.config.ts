/**
 * Two projects run the same test files:
 *  - `node`:    every `test/**\/*.test.ts`, in Node. Its global setup builds `dist/` once
 *               (`npm run build`) for the package checks in `test/package/` and the example-page test.
 *  - `browser`: the same files in real headless Chromium (vitest browser mode, playwright provider),
 *               minus the Node-only ones named `*.node.test.ts` (they spawn processes, read files,
 *               drive their own browser).
 * Chromium: `/usr/bin/chromium` (Debian `chromium`; `.ci/run` installs it; CHROMIUM_PATH overrides).
 * Missing on CI → the config throws, so the run fails instead of silently skipping the browser.
 * Missing on a dev machine → a note on stderr and the node project only.
 */
import { defineConfig } from 'vitest/config'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium, isCI } from './test/support/chromium.js'

const TESTS = ['test/**/*.test.ts']
const NODE_ONLY = '**/*.node.test.ts'

// Both projects share 2 cores on CI (node workers and Chromium run at the same time), so a property
// test that takes 2 s alone can take 10 s there: vitest's 5 s default would turn load into failures.
// A hang still fails, just later.
const TIMEOUTS = { testTimeout: 60_000, hookTimeout: 120_000 }

const node: TestProjectInlineConfiguration = {
  test: {
    name: 'node',
    environment: 'node',
    ...TIMEOUTS,
    include: TESTS,
    globalSetup: ['test/support/build-dist.ts'],
  },
}

const browser: TestProjectInlineConfiguration = {
  // Pre-bundle every bare import the tests and src/ reach up front, so Vite never discovers a
  // dependency mid-run and reloads the page (a classic source of flaky first runs on clean clones).
  optimizeDeps: { include: ['big.js', 'dinero.js', 'dinero.js/currencies', 'fast-check'] },
  test: {
    // The instance below is the project that runs, named 'browser'; vitest needs a distinct name for
    // the parent config that declares it.
    name: 'chromium',
    ...TIMEOUTS,
    include: TESTS,
    exclude: [NODE_ONLY, '**/node_modules/**'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
      // The one instance: the project reported as 'browser' (`--project browser` selects it).
      instances: [{ browser: 'chromium', name: 'browser' }],
    },
  },
}

function projects(): TestProjectInlineConfiguration[] {
  if (hasChromium()) return [node, browser]
  if (isCI()) {
    throw new Error(
      `[vitest.config] CI is set but Chromium was not found at ${CHROMIUM_PATH}. ` +
        'The browser project is required on CI: install it (apt-get install -y chromium — .ci/run does) ' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    )
  }
  process.stderr.write(
    `\n[vitest.config] NOTE: no Chromium at ${CHROMIUM_PATH} — running the 'node' project only; ` +
      "the 'browser' project is SKIPPED. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.\n\n",
  )
  return [node]
}

export default defineConfig({
  test: {
    projects: projects(),
  },
})
