import { CATALOGUES } from './i18n/catalogues.js';
import { readField, registryFields, typedValue } from './registry-pages.service.js';

const field = (kind: 'equipment' | 'funding' | 'animators', name: string, mode: 'new' | 'edit' = 'new') =>
  registryFields(kind, mode, CATALOGUES.en).find((f) => f.name === name)!;

describe('registry form fields (the rules of the API DTOs, in plain words)', () => {
  it('reads numbers with a decimal comma, within their bounds and decimals', () => {
    expect(readField(field('equipment', 'quantity'), '6')).toEqual({ value: 6 });
    expect(readField(field('equipment', 'quantity'), '0')).toBeNull();
    expect(readField(field('equipment', 'quantity'), 'six')).toBeNull();
    expect(readField(field('funding', 'amountEur'), '12500,50')).toEqual({ value: 12500.5 });
    expect(readField(field('funding', 'amountEur'), '1,234')).toBe('ambiguous');
    expect(readField(field('funding', 'amountEur'), '12.500,50')).toEqual({ value: 12500.5 });
    expect(readField(field('funding', 'amountEur'), '€ 25.000,00')).toEqual({ value: 25000 });
    expect(readField(field('funding', 'amountEur'), '12,500.50')).toEqual({ value: 12500.5 });
    expect(readField(field('funding', 'amountEur'), '12.500,505')).toBeNull();
    expect(readField(field('funding', 'year'), '1989')).toBeNull();
    expect(readField(field('animators', 'fte'), '0,875')).toEqual({ value: 0.875 });
    expect(readField(field('animators', 'fte'), '1.5')).toBeNull();
  });

  it('words the animator reference error with its own example', () => {
    expect(field('animators', 'ref').error).toContain('ANI-12');
    expect(field('animators', 'ref').error).not.toContain('PC-2024');
    expect(CATALOGUES.nl.registryPages.errors.animatorRef).not.toContain('liggende');
    expect(CATALOGUES.fr.registryPages.errors.animatorRef).not.toContain('traits bas');
  });

  it('reads dates, choices, yes/no, refs, and empty optional fields as null', () => {
    expect(readField(field('equipment', 'acquiredOn'), '2026-02-31')).toBeNull();
    expect(readField(field('equipment', 'acquiredOn'), '18/11/2026')).toEqual({ value: '2026-11-18' });
    expect(readField(field('animators', 'startsOn'), '31/02/2026')).toBeNull();
    expect(readField(field('equipment', 'acquiredOn'), '')).toEqual({ value: null });
    expect(readField(field('animators', 'startsOn'), '')).toBeNull();
    expect(readField(field('equipment', 'type'), 'laptop')).toEqual({ value: 'laptop' });
    expect(readField(field('equipment', 'type'), 'toaster')).toBeNull();
    expect(readField(field('animators', 'qualified'), 'no')).toEqual({ value: false });
    expect(readField(field('equipment', 'ref'), 'in-service')).toBeNull();
    expect(readField(field('equipment', 'ref'), 'PC-2024.01')).toEqual({ value: 'PC-2024.01' });
    expect(readField(field('animators', 'email'), 'not-an-address')).toBeNull();
  });

  it('shows stored values as typed, with a decimal comma in Dutch and French', () => {
    expect(typedValue(field('animators', 'fte', 'edit'), 0.5, 'fr')).toBe('0,5');
    expect(typedValue(field('animators', 'fte', 'edit'), 0.5, 'en')).toBe('0.5');
    expect(typedValue(field('equipment', 'freeSoftware', 'edit'), false, 'nl')).toBe('no');
    expect(typedValue(field('equipment', 'retiredOn', 'edit'), null, 'nl')).toBe('');
    expect(typedValue(field('equipment', 'retiredOn', 'edit'), '2026-01-15', 'nl')).toBe('15/01/2026');
  });
});
