import { AppException } from '../../../core/src/index.js';
import type { ImportKind } from './import-kind.js';
import { ImportKindRegistry } from './import-kind.registry.js';
import { equipmentImportKind } from './kinds/equipment.import-kind.js';

describe('ImportKindRegistry', () => {
  it('finds a registered kind by name and lists the names', () => {
    const registry = new ImportKindRegistry();
    registry.register(equipmentImportKind);
    registry.register({ ...equipmentImportKind, name: 'weekly-activity' } as ImportKind<any, any>);
    expect(registry.get('equipment')).toBe(equipmentImportKind);
    expect(registry.names()).toEqual(['equipment', 'weekly-activity']);
  });

  it('answers 400 IMPORT.UNKNOWN_KIND for a name nobody registered', () => {
    const registry = new ImportKindRegistry();
    registry.register(equipmentImportKind);
    expect(() => registry.get('furniture')).toThrow(
      expect.objectContaining({ code: 'IMPORT.UNKNOWN_KIND', status: 400 }) as unknown as AppException,
    );
  });

  it('refuses a kind registered twice, or a name unfit for a URL', () => {
    const registry = new ImportKindRegistry();
    registry.register(equipmentImportKind);
    expect(() => registry.register(equipmentImportKind)).toThrow(/twice/);
    expect(() => registry.register({ ...equipmentImportKind, name: 'Equipment/../x' })).toThrow(/Invalid/);
  });
});
