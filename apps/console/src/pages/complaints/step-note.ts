import { enumLabel } from '../../lib/enum-label';
import { formatMoney } from '../../lib/format';
import { i18n } from '../../i18n';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'complaints', ...options });

/**
 * A timeline step's note as a person reads it. The complaints service writes some notes with codes and
 * cents in them ("5000 CNY by BRAND: …", "SALES: …", "satisfaction 4/5; accepted"); they are shown as
 * money in yuan and translated labels, never as the codes.
 */
export function stepNote(action: string, note: string | null | undefined): string | null {
  if (!note) return null;
  switch (action) {
    case 'COMPENSATION_PROPOSED': {
      const match = /^(-?\d+) ([A-Z]{3}) by ([A-Z_]+): ([\s\S]*)$/.exec(note);
      if (!match) return note;
      const [, cents, , payer, reason] = match;
      return t('timeline.compensation', { amount: formatMoney(Number(cents)), payer: enumLabel('CompensationPayer', payer), reason });
    }
    case 'LIABILITY_DETERMINED': {
      const match = /^([A-Z_]+): ([\s\S]*)$/.exec(note);
      return match ? `${enumLabel('LiabilityParty', match[1])}：${match[2]}` : note;
    }
    case 'REPEATED_INTAKE': {
      const match = /^([A-Z_]+): ([\s\S]*)$/.exec(note);
      return match ? `${enumLabel('ComplaintChannel', match[1])}：${match[2]}` : note;
    }
    case 'CLOSED': {
      const [satisfaction, accepted, ...rest] = note.split('; ');
      const score = /satisfaction (\d)\/5/.exec(satisfaction ?? '')?.[1];
      if (!score) return note;
      return [t('timeline.satisfaction', { score }), accepted === 'accepted' ? t('timeline.accepted') : t('timeline.notAccepted'), ...rest].join('；');
    }
    case 'ASSIGNED':
      // The note is the assignee's staff id: an identifier, not something to read.
      return null;
    default:
      return note;
  }
}
