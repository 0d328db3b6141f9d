#!/usr/bin/env node
/**
 * The `tamio-pricing` command (Node only). The same file runs the worker threads: started as a
 * worker with batch `workerData`, it checks chunks instead of reading the command line; with
 * `serve`'s, it computes estimate answers.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { createStore } from '../index'
import { isBatchWorker, startBatchWorker } from './batch/worker'
import { runCli } from './cli'
import { isEstimateWorker, startEstimateWorker } from './serve/worker'

/** Replaced by tsup with package.json's version. */
declare const __TAMIO_PRICING_VERSION__: string

if (!isMainThread && parentPort !== null && isBatchWorker(workerData)) {
  startBatchWorker(workerData, parentPort)
} else if (!isMainThread && parentPort !== null && isEstimateWorker(workerData)) {
  startEstimateWorker(workerData, parentPort)
} else {
  runCli(process.argv.slice(2), {
    stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
    stdin: process.stdin,
    env: process.env,
    createStore,
    workerUrl: new URL(import.meta.url),
    version: typeof __TAMIO_PRICING_VERSION__ === 'string' ? __TAMIO_PRICING_VERSION__ : '0.0.0-dev',
  }).then((code) => {
    process.exitCode = code
  })
}
