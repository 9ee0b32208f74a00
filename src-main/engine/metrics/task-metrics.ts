// Per realtime task: wakeup latency, response time, slack, deadline misses and the windowed series.
import type { TaskResult } from '../../../src-shared/results/types'
import { DistributionRecorder } from './distribution-recorder'
import { WindowSeriesRecorder } from './window-series'

export class TaskMetrics {
  readonly latency = new DistributionRecorder()
  readonly response = new DistributionRecorder()
  readonly slack = new DistributionRecorder()
  readonly maxLatencyPerWindow: WindowSeriesRecorder
  readonly missesPerWindow: WindowSeriesRecorder
  activations = 0
  misses = 0
  fallbacks = 0
  private missRun = 0
  private longestMissRun = 0

  constructor(windowNs: number, durationNs: number) {
    this.maxLatencyPerWindow = new WindowSeriesRecorder(windowNs, durationNs, 'max')
    this.missesPerWindow = new WindowSeriesRecorder(windowNs, durationNs, 'sum')
  }

  recordStart(releaseNs: number, latencyNs: number): void {
    this.latency.record(latencyNs)
    this.maxLatencyPerWindow.record(releaseNs, latencyNs)
  }

  /**
   * `count` jobs that each started on release and finished within the deadline after `responseNs`: what
   * recordStart(·, 0) and recordFinish(·, responseNs, ·) record for each, at once (a latency of 0 moves
   * no window's maximum).
   */
  recordOnTimeJobs(count: number, responseNs: number, deadlineNs: number): void {
    this.latency.record(0, count)
    this.activations += count
    this.response.record(responseNs, count)
    this.slack.record(deadlineNs - responseNs, count)
    this.missRun = 0
  }

  recordFinish(releaseNs: number, responseNs: number, deadlineNs: number): void {
    this.activations++
    this.response.record(responseNs)
    const slack = deadlineNs - responseNs
    this.slack.record(slack > 0 ? slack : 0)
    const missed = responseNs > deadlineNs
    if (missed) {
      this.misses++
      this.missRun++
      if (this.missRun > this.longestMissRun) this.longestMissRun = this.missRun
      this.missesPerWindow.record(releaseNs, 1)
    } else {
      this.missRun = 0
    }
  }

  result(name: string, cpu: number, mode: 'periodic' | 'polling', deadlineNs: number, endNs: number): TaskResult {
    return {
      name, cpu, mode, deadlineNs,
      activations: this.activations,
      misses: this.misses,
      missRatio: this.activations === 0 ? 0 : this.misses / this.activations,
      longestMissRun: this.longestMissRun,
      latencyNs: this.latency.summary(),
      responseNs: this.response.summary(),
      slackNs: this.slack.summary(),
      maxLatencyPerWindowNs: this.maxLatencyPerWindow.result(endNs),
      missesPerWindow: this.missesPerWindow.result(endNs),
      fallbacks: this.fallbacks
    }
  }
}
