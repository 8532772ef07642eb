import type { AlertView } from './api'

/** One step of an alert's handling feedback (风险信息处理反馈): who, when and what they reported. */
export interface FeedbackStep {
  step: 'ACKNOWLEDGED' | 'HANDLED' | 'CLOSED'
  by: string
  at: string
  text: string
}

/** The handling feedback of an alert, oldest first: acknowledged, handled (action and record), closed (remark). */
export function handlingFeedback(a: AlertView): FeedbackStep[] {
  const out: FeedbackStep[] = []
  if (a.acknowledgedBy && a.acknowledgedAt) out.push({ step: 'ACKNOWLEDGED', by: a.acknowledgedBy, at: a.acknowledgedAt, text: '' })
  if (a.handledBy && a.handledAt) {
    out.push({ step: 'HANDLED', by: a.handledBy, at: a.handledAt,
      text: [a.handlingAction, a.handlingRecord].filter((x) => x && x.trim()).join('：') })
  }
  if (a.closedBy && a.closedAt) out.push({ step: 'CLOSED', by: a.closedBy, at: a.closedAt, text: a.closingRemark ?? '' })
  return out
}

/** The latest feedback as one line for the list ("" before anyone acted). */
export function latestFeedback(a: AlertView): string {
  const steps = handlingFeedback(a)
  const last = [...steps].reverse().find((s) => s.text) ?? steps[steps.length - 1]
  return last ? `${last.by}${last.text ? '：' + last.text : ''}` : ''
}
