/**
 * The events that make sense next, given what the events so far say: a form offers only these. After conclusion only
 * 复议/诉讼 may follow; while a 补正 notice waits, only its answer (or a withdrawal); a fee notice is answered by its
 * payment or lapse before another; a consultation must be open to end (two may run at once).
 */
import { MAX_EXTENSION_DAYS } from './deadline.ts';
import type { ApplicationState, EventType } from './model.ts';

export function eventsOffered(s: ApplicationState): EventType[] {
  if (!s.receipt) return ['received'];
  const appeals: EventType[] = ['appeal_filed', ...(s.appeals.some((a) => !a.decided) ? ['appeal_decided' as const] : [])];
  if (s.concluded) return appeals;
  const c = s.correction;
  if (c && !c.received && !c.lapsed) return ['correction_received', 'correction_lapsed', 'withdrawn', ...appeals];
  const openFee = s.fees.some((f) => !f.paid && !f.lapsed);
  const openConsultation = s.pauses.some((p) => p.kind === 'consultation' && !p.to);
  return [
    ...(c ? [] : ['correction_requested' as const]),
    'consultation_started',
    ...(openConsultation ? ['consultation_ended' as const] : []),
    ...(s.extensionDays < MAX_EXTENSION_DAYS ? ['extended' as const] : []),
    ...(openFee ? ['fee_paid', 'fee_lapsed'] as const : ['fee_notified' as const]),
    'withdrawn',
    'replied',
    ...appeals,
  ];
}
