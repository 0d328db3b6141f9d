/**
 * `--watch`: calls `onChange` once a file has stopped changing. The file's directory is watched
 * (editors often save by writing a new file and renaming it over the old one, which ends a watch on
 * the file itself), events for other names are ignored, and a burst of events — a file written in
 * several pieces — gives one call `settleMs` after the last of them.
 */
import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

export interface Watcher {
  close(): void
}

export function watchFile(file: string, onChange: () => void, settleMs = 200): Watcher {
  const path = resolve(file)
  const name = basename(path)
  let timer: NodeJS.Timeout | undefined
  const fire = () => {
    timer = undefined
    onChange()
  }
  const w: FSWatcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
    if (filename !== null && filename !== name) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(fire, settleMs)
  })
  // A watch error (the directory removed) ends watching; the store in memory stays.
  w.on('error', () => w.close())
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer)
      w.close()
    },
  }
}
