import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../../i18n';
import { stepNote } from './step-note';

describe('timeline notes', () => {
  beforeAll(async () => {
    await initI18n('zh-CN');
    await i18n.loadNamespaces(['complaints', 'enums']);
  });

  it('shows a proposed compensation in yuan from cents, with the payer’s label', () => {
    expect(stepNote('COMPENSATION_PROPOSED', '5000 CNY by BRAND: filter leaked')).toBe('¥50.00，由品牌方承担：filter leaked');
  });

  it('never shows a liability or channel code', () => {
    expect(stepNote('LIABILITY_DETERMINED', 'SALES: promised a free filter')).toBe('销售：promised a free filter');
    expect(stepNote('REPEATED_INTAKE', 'HOTLINE: called again')).toBe('热线电话：called again');
  });

  it('reads the closing note', () => {
    expect(stepNote('CLOSED', 'satisfaction 4/5; accepted; thanks')).toBe('满意度 4/5；客户接受；thanks');
    expect(stepNote('ASSIGNED', 'demo-complaints_agent')).toBeNull();
  });
});
