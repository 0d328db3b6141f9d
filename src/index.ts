export * from './money/index'
