/**
 * Where the real Chromium lives and how it is launched — shared by `vitest.config.ts` (the browser
 * project) and the Node-only Playwright page tests, so both launch the same browser the same way.
 * Recipe: ../shared/TOOLCHAIN.md. Node-only module: never import it from a test that runs in the
 * browser project.
 */
import { existsSync } from 'node:fs'

/** Debian's `chromium` package; `.ci/run` installs it. Override with CHROMIUM_PATH for a local build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH)

/** CI=true/1/yes → true; unset, empty, "false" or "0" → false. */
export const isCI = (): boolean => {
  const v = (process.env.CI ?? '').trim().toLowerCase()
  return v !== '' && v !== 'false' && v !== '0'
}
